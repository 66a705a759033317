import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { tasks } from '../tasks/index.ts';
import { leadFormSubmitted } from './lead-forms.hooks.ts';
import { leadFormSubmissions } from './lead-forms.table.ts';

export type NewSubmission = Omit<
  typeof leadFormSubmissions.$inferInsert,
  'id' | 'firstContactAt' | 'firstContactTaskId'
>;

/**
 * THE place a lead form submission is recorded: the row (what was sent, the consents given
 * with their texts, the person and task it made) and the `leadFormSubmitted` hook, in the
 * caller's transaction.
 */
export async function recordSubmission(
  tx: Db,
  values: NewSubmission,
  created: boolean,
): Promise<string> {
  const [row] = await tx
    .insert(leadFormSubmissions)
    .values(values)
    .returning({ id: leadFormSubmissions.id });
  await leadFormSubmitted.run(tx, {
    orgId: values.orgId,
    formId: values.formId,
    submissionId: row!.id,
    contactId: values.contactId,
    created,
    taskId: values.taskId ?? null,
    submittedAt: values.submittedAt,
  });
  return row!.id;
}

/**
 * Speed to lead (decision 0029): the first contact with a person answers every submission of
 * theirs still waiting, each keeping its own time to first contact.
 */
export async function recordFirstContact(
  tx: Db,
  orgId: string,
  contactId: string,
  taskId: string,
  at: Date,
) {
  await tx
    .update(leadFormSubmissions)
    .set({ firstContactAt: at, firstContactTaskId: taskId })
    .where(
      and(
        eq(leadFormSubmissions.orgId, orgId),
        eq(leadFormSubmissions.contactId, contactId),
        isNull(leadFormSubmissions.firstContactAt),
        sql`${leadFormSubmissions.submittedAt} <= ${at.toISOString()}::timestamptz`,
      ),
    );
}

/** A result taken back with Undo was no contact after all: its submissions wait again. */
export async function forgetFirstContact(tx: Db, orgId: string, taskId: string) {
  await tx
    .update(leadFormSubmissions)
    .set({ firstContactAt: null, firstContactTaskId: null })
    .where(
      and(eq(leadFormSubmissions.orgId, orgId), eq(leadFormSubmissions.firstContactTaskId, taskId)),
    );
}

/** Two persons merged: the source's submissions belong to the target now. */
export async function moveSubmissions(tx: Db, orgId: string, fromId: string, toId: string) {
  await tx
    .update(leadFormSubmissions)
    .set({ contactId: toId })
    .where(and(eq(leadFormSubmissions.orgId, orgId), eq(leadFormSubmissions.contactId, fromId)));
}

/** Since when the person has waited (their oldest unanswered submission), and the last answer. */
export async function leadWaitOf(db: Db, orgId: string, contactId: string) {
  const of = and(
    eq(leadFormSubmissions.orgId, orgId),
    eq(leadFormSubmissions.contactId, contactId),
  );
  const [waiting] = await db
    .select({ at: sql<Date | null>`min(${leadFormSubmissions.submittedAt})` })
    .from(leadFormSubmissions)
    .where(and(of, isNull(leadFormSubmissions.firstContactAt)));
  const [answered] = await db
    .select({
      submittedAt: leadFormSubmissions.submittedAt,
      firstContactAt: leadFormSubmissions.firstContactAt,
    })
    .from(leadFormSubmissions)
    .where(and(of, isNotNull(leadFormSubmissions.firstContactAt)))
    .orderBy(desc(leadFormSubmissions.submittedAt))
    .limit(1);
  return { waitingSince: waiting?.at ? new Date(waiting.at) : null, answered };
}

/**
 * For the board's one statement: `waiting_since` of the card's person, read for the page's
 * rows only (the partial index answers each with one probe). `contactId` is the SQL of the
 * page row's contact id.
 */
export const waitingSinceSql = (orgId: unknown, contactId: ReturnType<typeof sql>) =>
  sql`(select min(${leadFormSubmissions.submittedAt}) from ${leadFormSubmissions}
    where ${leadFormSubmissions.orgId} = ${orgId} and ${leadFormSubmissions.contactId} = ${contactId}
    and ${leadFormSubmissions.firstContactAt} is null)`;

/**
 * The open task an earlier, still unanswered submission of the person made: a second
 * submission before anyone called is the same lead asking again, not a second card.
 */
export async function openLeadTask(tx: Db, orgId: string, contactId: string) {
  const [row] = await tx
    .select({ id: tasks.id })
    .from(leadFormSubmissions)
    .innerJoin(
      tasks,
      and(eq(tasks.orgId, leadFormSubmissions.orgId), eq(tasks.id, leadFormSubmissions.taskId)),
    )
    .where(
      and(
        eq(leadFormSubmissions.orgId, orgId),
        eq(leadFormSubmissions.contactId, contactId),
        isNull(leadFormSubmissions.firstContactAt),
        isNull(tasks.completedAt),
      ),
    )
    .limit(1);
  return row?.id;
}
