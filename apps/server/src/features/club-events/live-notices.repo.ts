import { ROLES, can, type Role } from '@spotter/contracts';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { branches } from '../branches/index.ts';
import { contacts } from '../contacts/index.ts';
import { taskTemplates } from '../task-settings/index.ts';
import { tasks } from '../tasks/index.ts';
import { users } from '../users/index.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The organization's live branches, to match what club systems name (a handful). */
export function liveBranches(db: Db, orgId: string) {
  return db
    .select({ id: branches.id, name: branches.name })
    .from(branches)
    .where(and(eq(branches.orgId, orgId), isNull(branches.archivedAt)));
}

/**
 * The branch a club system names: its Spotter id, or its name (any case), as long as it is not
 * archived. A system that names branches its own way matches nothing, and the call or visit is
 * treated as of an unknown branch.
 */
export function branchNamed(
  live: ReadonlyArray<{ id: string; name: string }>,
  ref: string | undefined,
): string | null {
  const name = ref?.trim();
  if (!name) return null;
  const lower = name.toLowerCase();
  const byId = UUID.test(name) ? live.find((b) => b.id === lower) : undefined;
  return (byId ?? live.find((b) => b.name.toLowerCase() === lower))?.id ?? null;
}

export interface PersonFacts {
  firstName: string | null;
  displayName: string;
  branchId: string | null;
}

/** Live persons' names and branches, by id. */
export async function personsFacts(db: Db, orgId: string, ids: readonly string[]) {
  const found = new Map<string, PersonFacts>();
  if (ids.length === 0) return found;
  const rows = await db
    .select({
      id: contacts.id,
      firstName: contacts.firstName,
      displayName: contacts.displayName,
      branchId: contacts.branchId,
    })
    .from(contacts)
    .where(
      and(eq(contacts.orgId, orgId), inArray(contacts.id, [...ids]), isNull(contacts.deletedAt)),
    );
  for (const { id, ...facts } of rows) found.set(id, facts);
  return found;
}

/** How many open tasks the notice names (the rest are "and 2 more"). */
export const NAMED_TASKS = 3;

export interface OpenTask {
  id: string;
  name: string;
  comment: string | null;
  assigneeId: string | null;
}

/**
 * Each person's open tasks that every colleague may see (a private one is its owner's alone),
 * soonest first; one more than named, to tell whether there are more.
 */
export async function openTasksOfMany(db: Db, orgId: string, contactIds: readonly string[]) {
  const open = new Map<string, OpenTask[]>();
  const ids = [...new Set(contactIds)];
  if (ids.length === 0) return open;
  const ranked = db
    .select({
      id: tasks.id,
      contactId: tasks.contactId,
      name: sql<string>`${taskTemplates.name}`.as('name'),
      comment: tasks.comment,
      assigneeId: tasks.assigneeId,
      place: sql<number>`row_number() over (partition by ${tasks.contactId}
        order by ${tasks.dueAt} asc nulls last, ${tasks.id})`.as('place'),
    })
    .from(tasks)
    .innerJoin(
      taskTemplates,
      and(eq(taskTemplates.orgId, tasks.orgId), eq(taskTemplates.id, tasks.templateId)),
    )
    .where(
      and(
        eq(tasks.orgId, orgId),
        inArray(tasks.contactId, ids),
        isNull(tasks.completedAt),
        eq(tasks.private, false),
      ),
    )
    .as('ranked');
  const rows = await db
    .select()
    .from(ranked)
    .where(sql`${ranked.place} <= ${NAMED_TASKS + 1}`)
    .orderBy(ranked.contactId, ranked.place);
  for (const { contactId, place: _place, ...task } of rows) {
    if (!contactId) continue;
    const list = open.get(contactId) ?? [];
    list.push(task);
    open.set(contactId, list);
  }
  return open;
}

/** A branch's staff told of a check-in, at most (a notice is no mailing). */
const MAX_TOLD = 50;

/**
 * Active staff of `role` (null: every role that may see persons) working at `branchId`: limited
 * to it, or to no branch; an unknown branch (null) is every branch's.
 */
export function staffAt(db: Db, orgId: string, role: Role | null, branchId: string | null) {
  const roles = role ? [role] : ROLES.filter((r) => can(r, 'contacts.read'));
  return db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.orgId, orgId),
        eq(users.active, true),
        inArray(users.role, roles),
        branchId
          ? sql`(cardinality(${users.branchIds}) = 0 or ${branchId}::uuid = any(${users.branchIds}))`
          : undefined,
      ),
    )
    .orderBy(asc(users.createdAt), asc(users.id))
    .limit(MAX_TOLD);
}
