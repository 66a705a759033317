import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { directGroupsOf, groupMembers, managedGroupIds } from '../groups/index.ts';
import { tasks, taskVisibility } from '../tasks/index.ts';

/**
 * Which tasks count in an actor's team numbers: the tasks they may see at all
 * (`taskVisibility`: organization, branch limit, private tasks, the trash), narrowed like the
 * deals a manager sees (decision 0031):
 * - owners, admins and API tokens: every such task;
 * - a group's manager: their own and those assigned to anyone in the groups they manage, with
 *   every sub-group below them (U-4);
 * - a member of a group who manages none: their own;
 * - staff in no group at all: every such task (a club that does not use groups).
 */
export async function teamTaskScope(db: Db, actor: Actor): Promise<SQL> {
  const visible = await taskVisibility(db, actor);
  const me = actor.userId;
  if (me === null || actor.role === 'owner' || actor.role === 'admin') return visible;
  const who = { orgId: actor.orgId, userId: me };
  const managed = await managedGroupIds(db, who);
  const own = sql`${tasks.assigneeId} = ${me}::uuid`;
  if (managed.length > 0) {
    return sql`(${visible} and (${own} or exists (select 1 from ${groupMembers}
      where ${groupMembers.orgId} = ${tasks.orgId} and ${groupMembers.userId} = ${tasks.assigneeId}
        and ${groupMembers.groupId} = any(${sql.param(managed)}::uuid[]))))`;
  }
  if ((await directGroupsOf(db, who)).length > 0) return sql`(${visible} and ${own})`;
  return visible;
}
