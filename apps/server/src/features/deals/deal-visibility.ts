import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { directGroupsOf, managedGroupIds } from '../groups/index.ts';
import { branchLimitOf } from '../users/index.ts';
import { deals } from './deals.table.ts';

/**
 * Which deals an actor sees (decision 0031); undefined: every deal of the organization.
 * - owners, admins and API tokens: every deal;
 * - a group's manager: their own deals and the deals of the groups they manage, with every
 *   sub-group below them (U-4: groups limit what a manager sees);
 * - a member of a group who manages none: their own deals;
 * - staff in no group at all: every deal (a club that does not use groups);
 * - and, like tasks, staff limited to some branches only see deals of those branches, of no
 *   branch, or their own.
 */
export async function dealVisibility(db: Db, actor: Actor): Promise<SQL | undefined> {
  const me = actor.userId;
  if (me === null || actor.role === 'owner' || actor.role === 'admin') return undefined;
  const who = { orgId: actor.orgId, userId: me };
  const [managed, direct, branchIds] = [
    await managedGroupIds(db, who),
    await directGroupsOf(db, who),
    await branchLimitOf(db, actor.orgId, me),
  ];
  const own = sql`${deals.ownerId} = ${me}::uuid`;
  let byGroup: SQL | undefined;
  if (managed.length > 0) {
    byGroup = sql`(${own} or ${deals.groupId} = any(${sql.param(managed)}::uuid[]))`;
  } else if (direct.length > 0) {
    byGroup = own;
  }
  const byBranch =
    branchIds.length > 0
      ? sql`(${deals.branchId} is null or ${deals.branchId} = any(${sql.param(branchIds)}::uuid[]) or ${own})`
      : undefined;
  if (byGroup && byBranch) return sql`(${byGroup} and ${byBranch})`;
  return byGroup ?? byBranch;
}
