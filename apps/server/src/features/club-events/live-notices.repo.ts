import { ROLES, can, type Role } from '@spotter/contracts';
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { branches } from '../branches/index.ts';
import { contacts } from '../contacts/index.ts';
import { taskTemplates } from '../task-settings/index.ts';
import { tasks } from '../tasks/index.ts';
import { users } from '../users/index.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The branch a club system names: its Spotter id, or its name (any case), as long as it is not
 * archived. A system that names branches its own way matches nothing, and the call or visit is
 * treated as of an unknown branch.
 */
export async function branchNamed(db: Db, orgId: string, ref: string | undefined) {
  const name = ref?.trim();
  if (!name) return null;
  const [row] = await db
    .select({ id: branches.id })
    .from(branches)
    .where(
      and(
        eq(branches.orgId, orgId),
        isNull(branches.archivedAt),
        UUID.test(name)
          ? or(eq(branches.id, name), sql`lower(${branches.name}) = lower(${name})`)
          : sql`lower(${branches.name}) = lower(${name})`,
      ),
    )
    .limit(1);
  return row?.id ?? null;
}

export async function personFacts(db: Db, orgId: string, contactId: string) {
  const [row] = await db
    .select({
      firstName: contacts.firstName,
      displayName: contacts.displayName,
      branchId: contacts.branchId,
    })
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.id, contactId), isNull(contacts.deletedAt)));
  return row;
}

/** How many open tasks the notice names (the rest are "and 2 more"). */
export const NAMED_TASKS = 3;

/**
 * The person's open tasks that every colleague may see (a private one is its owner's alone),
 * soonest first; one more than named, to tell whether there are more.
 */
export function openTasksOf(db: Db, orgId: string, contactId: string) {
  return db
    .select({
      id: tasks.id,
      name: taskTemplates.name,
      comment: tasks.comment,
      assigneeId: tasks.assigneeId,
      branchId: tasks.branchId,
    })
    .from(tasks)
    .innerJoin(
      taskTemplates,
      and(eq(taskTemplates.orgId, tasks.orgId), eq(taskTemplates.id, tasks.templateId)),
    )
    .where(
      and(
        eq(tasks.orgId, orgId),
        eq(tasks.contactId, contactId),
        isNull(tasks.completedAt),
        eq(tasks.private, false),
      ),
    )
    .orderBy(sql`${tasks.dueAt} asc nulls last`, asc(tasks.id))
    .limit(NAMED_TASKS + 1);
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
