import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { contacts } from '../contacts/index.ts';
import { branchLimitOf } from '../users/index.ts';
import { tasks } from './tasks.table.ts';

/**
 * Which tasks an actor sees (every task query, the board and the control view use it):
 * - the own organization only;
 * - staff limited to some branches see those branches' tasks, tasks of no branch, and tasks
 *   assigned to them; staff with no branch limit see every branch;
 * - a private internal task is seen by its creator and its assignee alone (not even admins:
 *   seed 000's "Privat" is the staff member's own to-do);
 * - the tasks of a person or company in the trash wait there with them (back on restore).
 */
export async function taskVisibility(db: Db, actor: Actor): Promise<SQL> {
  const me = actor.userId;
  const own = and(
    eq(tasks.orgId, actor.orgId),
    sql`not exists (select 1 from ${contacts} where ${contacts.orgId} = ${tasks.orgId}
      and ${contacts.id} = ${tasks.contactId} and ${contacts.deletedAt} is not null)`,
  )!;
  const notPrivate = me
    ? or(eq(tasks.private, false), eq(tasks.creatorId, me), eq(tasks.assigneeId, me))!
    : eq(tasks.private, false);
  const branchIds = me ? await branchLimitOf(db, actor.orgId, me) : [];
  if (branchIds.length === 0) return and(own, notPrivate)!;
  const inBranches = or(
    sql`${tasks.branchId} is null`,
    sql`${tasks.branchId} = any(${sql.param(branchIds)}::uuid[])`,
    eq(tasks.assigneeId, me!),
  )!;
  return and(own, notPrivate, inBranches)!;
}
