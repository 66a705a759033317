import { DEFAULT_CLUB_RULES, type ClubRule, type ClubRuleConfig } from '@spotter/contracts';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { executeShaped } from '../../lib/named-statement.ts';
import { contacts } from '../contacts/index.ts';
import { tasks } from '../tasks/index.ts';
import { users } from '../users/index.ts';
import { clubEventSettings, ruleTasks } from './club-events.table.ts';

/** Every rule's configuration: what an admin saved over the defaults. */
export function rulesOf(saved: unknown): Record<ClubRule, ClubRuleConfig> {
  const stored = (saved && typeof saved === 'object' ? saved : {}) as Partial<
    Record<ClubRule, Partial<ClubRuleConfig>>
  >;
  return Object.fromEntries(
    Object.entries(DEFAULT_CLUB_RULES).map(([rule, defaults]) => [
      rule,
      { ...defaults, ...stored[rule as ClubRule] },
    ]),
  ) as Record<ClubRule, ClubRuleConfig>;
}

export async function saveRules(
  db: Db,
  orgId: string,
  version: number,
  rules: Record<ClubRule, ClubRuleConfig>,
) {
  if (version === 0) {
    const [row] = await db
      .insert(clubEventSettings)
      .values({ orgId, rules })
      .onConflictDoNothing()
      .returning();
    return row;
  }
  const [row] = await db
    .update(clubEventSettings)
    .set({ rules, version: sql`${clubEventSettings.version} + 1` })
    .where(and(eq(clubEventSettings.orgId, orgId), eq(clubEventSettings.version, version)))
    .returning();
  return row;
}

/**
 * The next `count` active users of `role` in turn (round robin), one turn each; empty when the
 * role has none.
 */
export async function nextInTurns(db: Db, orgId: string, role: string, count: number) {
  const staff = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.role, role), eq(users.active, true)))
    .orderBy(asc(users.createdAt), asc(users.id))
    .limit(500);
  if (staff.length === 0 || count === 0) return [];
  const [turn] = await db
    .insert(clubEventSettings)
    .values({ orgId, turns: count })
    .onConflictDoUpdate({
      target: clubEventSettings.orgId,
      set: { turns: sql`${clubEventSettings.turns} + ${count}` },
    })
    .returning({ turns: clubEventSettings.turns });
  const first = turn!.turns - count;
  return Array.from({ length: count }, (_, i) => staff[(first + i) % staff.length]!.id);
}

export async function contactBasics(db: Db, orgId: string, contactId: string) {
  const [row] = await db
    .select({
      responsibleId: contacts.responsibleId,
      tagIds: contacts.tagIds,
      version: contacts.version,
    })
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.id, contactId)));
  return row;
}

/**
 * The cards rules made earlier for these persons and causes that are still open, by
 * `contactId + "\u0000" + cause`.
 */
export async function openRuleTasks(
  db: Db,
  orgId: string,
  pairs: ReadonlyArray<{ contactId: string; cause: string }>,
): Promise<Map<string, string>> {
  if (pairs.length === 0) return new Map();
  const key = (contactId: string, cause: string) => `${contactId}\u0000${cause}`;
  const wanted = new Set(pairs.map((p) => key(p.contactId, p.cause)));
  // Two lookups by key, each an index probe whatever the statistics say (a join against the
  // pairs was planned as a walk through every open task of the organization).
  const remembered = (
    await db
      .select({ contactId: ruleTasks.contactId, cause: ruleTasks.cause, taskId: ruleTasks.taskId })
      .from(ruleTasks)
      .where(
        and(
          eq(ruleTasks.orgId, orgId),
          inArray(ruleTasks.contactId, [...new Set(pairs.map((p) => p.contactId))]),
          inArray(ruleTasks.cause, [...new Set(pairs.map((p) => p.cause))]),
        ),
      )
  ).filter((r) => wanted.has(key(r.contactId, r.cause)));
  if (remembered.length === 0) return new Map();
  const open = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(
      and(
        eq(tasks.orgId, orgId),
        inArray(
          tasks.id,
          remembered.map((r) => r.taskId),
        ),
        isNull(tasks.completedAt),
      ),
    );
  const openIds = new Set(open.map((t) => t.id));
  return new Map(
    remembered
      .filter((r) => openIds.has(r.taskId))
      .map((r) => [key(r.contactId, r.cause), r.taskId]),
  );
}

/** Remembers the cards just made as each person's open card for its cause. */
export async function rememberRuleTasks(
  db: Db,
  orgId: string,
  made: ReadonlyArray<{ contactId: string; cause: string; taskId: string }>,
) {
  if (made.length === 0) return;
  const rows = made.map((m) => ({ contact_id: m.contactId, cause: m.cause, task_id: m.taskId }));
  // Prepared once; the rows go in as one JSON value.
  await executeShaped(
    db,
    'club_events.remember_rule_tasks',
    () => sql`
      insert into ${ruleTasks} (org_id, contact_id, cause, task_id)
      select ${sql.placeholder('orgId')}::uuid, x.contact_id, x.cause, x.task_id
      from jsonb_to_recordset(${sql.placeholder('rows')}::jsonb) as x(contact_id uuid,
        cause text, task_id uuid)
      on conflict (org_id, contact_id, cause) do update set task_id = excluded.task_id,
        updated_at = now()`,
    { orgId, rows: JSON.stringify(rows) },
  );
}
