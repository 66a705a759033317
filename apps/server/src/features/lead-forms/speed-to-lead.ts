import type { LeadWait } from '@spotter/contracts';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { notFound } from '../../lib/errors.ts';
import { contacts, contactsMerged, provideWaitingLeadCondition } from '../contacts/index.ts';
import { taskResultEntered, taskResultUndone, type TaskResultEvent } from '../tasks/index.ts';
import { leadFormSubmissions } from './lead-forms.table.ts';
import * as submissions from './submissions.repo.ts';

/**
 * Speed to lead (decision 0029). The first contact with a waiting lead is the first result
 * entered on a personal call or other client task about them: a call made (whatever came of
 * it) or a client task done is the club answering. Internal tasks are about nobody, and a
 * call round's own line is no call.
 */
export const CONTACT_TASK_TYPES: Readonly<TaskResultEvent['type'][]> = ['call', 'client'];

async function onResultEntered(tx: Db, e: TaskResultEvent) {
  if (!e.contactId || !CONTACT_TASK_TYPES.includes(e.type)) return;
  await submissions.recordFirstContact(tx, e.orgId, e.contactId, e.taskId, e.at);
}

async function onResultUndone(tx: Db, e: TaskResultEvent) {
  await submissions.forgetFirstContact(tx, e.orgId, e.taskId);
}

async function onMerged(tx: Db, m: { orgId: string; sourceId: string; targetId: string }) {
  await submissions.moveSubmissions(tx, m.orgId, m.sourceId, m.targetId);
}

/** The persons list's `waiting` filter: an unanswered submission (its partial index answers). */
const waitingLead = (orgId: string) =>
  sql`exists (select 1 from ${leadFormSubmissions} where ${leadFormSubmissions.orgId} = ${orgId}::uuid
    and ${leadFormSubmissions.contactId} = ${contacts.id}
    and ${leadFormSubmissions.firstContactAt} is null)`;

export function wireSpeedToLead() {
  provideWaitingLeadCondition(waitingLead);
  taskResultEntered.on(onResultEntered);
  taskResultUndone.on(onResultUndone);
  contactsMerged.on(onMerged);
}

/** `GET /api/persons/:id/lead-wait`: the person page's "waiting 2 h 5 min". */
export async function leadWait(db: Db, actor: Actor, contactId: string): Promise<LeadWait> {
  assertCan(actor, 'contacts.read');
  const [person] = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(
      and(
        eq(contacts.orgId, actor.orgId),
        eq(contacts.id, contactId),
        eq(contacts.kind, 'person'),
        isNull(contacts.deletedAt),
      ),
    );
  if (!person) throw notFound('Person');
  const { waitingSince, answered } = await submissions.leadWaitOf(db, actor.orgId, contactId);
  return {
    waitingSince: waitingSince?.toISOString() ?? null,
    lastAnswered:
      answered && answered.firstContactAt
        ? {
            submittedAt: answered.submittedAt.toISOString(),
            firstContactAt: answered.firstContactAt.toISOString(),
            seconds: Math.max(
              0,
              Math.round(
                (answered.firstContactAt.getTime() - answered.submittedAt.getTime()) / 1000,
              ),
            ),
          }
        : null,
  };
}
