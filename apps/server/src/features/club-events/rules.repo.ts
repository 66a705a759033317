import { DEFAULT_CLUB_RULES, type ClubRule, type ClubRuleConfig } from '@spotter/contracts';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { contacts } from '../contacts/index.ts';
import { tasks } from '../tasks/index.ts';
import { staffInTurn } from '../users/index.ts';
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

/** The next active user of `role` in turn (round robin), or undefined when the role has none. */
export async function nextInTurn(db: Db, orgId: string, role: string) {
  const [turn] = await db
    .insert(clubEventSettings)
    .values({ orgId, turns: 1 })
    .onConflictDoUpdate({
      target: clubEventSettings.orgId,
      set: { turns: sql`${clubEventSettings.turns} + 1` },
    })
    .returning({ turns: clubEventSettings.turns });
  return staffInTurn(db, orgId, { roles: [role] }, turn!.turns);
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

/** The card a rule made earlier for this person and cause, if it is still open. */
export async function openRuleTask(db: Db, orgId: string, contactId: string, cause: string) {
  const [row] = await db
    .select({ id: tasks.id, version: tasks.version })
    .from(ruleTasks)
    .innerJoin(tasks, and(eq(tasks.orgId, ruleTasks.orgId), eq(tasks.id, ruleTasks.taskId)))
    .where(
      and(
        eq(ruleTasks.orgId, orgId),
        eq(ruleTasks.contactId, contactId),
        eq(ruleTasks.cause, cause),
        isNull(tasks.completedAt),
      ),
    );
  return row;
}

export async function rememberRuleTask(
  db: Db,
  orgId: string,
  contactId: string,
  cause: string,
  taskId: string,
) {
  await db
    .insert(ruleTasks)
    .values({ orgId, contactId, cause, taskId })
    .onConflictDoUpdate({
      target: [ruleTasks.orgId, ruleTasks.contactId, ruleTasks.cause],
      set: { taskId, updatedAt: sql`now()` },
    });
}
