import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { executeNamed } from '../../lib/named-statement.ts';
import type { GroupType } from '@spotter/contracts';

/**
 * The groups a user reaches through one role, and every sub-group below them, at any depth
 * (U-4: a region's manager sees its teams). Only live groups are starting points — an
 * archived group grants nothing — but the walk down passes archived sub-groups too, so work
 * recorded in a group that has since been archived stays visible to the managers above it.
 * `union` (not `union all`) makes the walk stop even if a cycle were ever stored.
 */
function reachableGroups(orgId: string, userId: string, roles: readonly string[]) {
  return sql`
    with recursive reach(id) as (
      select g.id
      from group_members m
      join groups g on g.org_id = m.org_id and g.id = m.group_id
      where m.org_id = ${orgId}::uuid and m.user_id = ${userId}::uuid
        and m.role = any(${sql.param(roles)}::text[]) and g.archived_at is null
      union
      select c.id
      from groups c
      join reach r on c.parent_id = r.id
      where c.org_id = ${orgId}::uuid
    )
    select id from reach`;
}

/**
 * Ids of the groups the user manages, plus all their descendants. Empty for a user who
 * manages nothing. A prepared statement: the deals board asks it on every request.
 */
export async function managedGroupIds(
  db: Db,
  who: { orgId: string; userId: string },
): Promise<string[]> {
  const rows = await executeNamed<{ id: string }>(
    db,
    reachableGroups(who.orgId, who.userId, ['manager']),
  );
  return rows.map((r) => r.id);
}

/**
 * Ids of the groups the user belongs to in any role (member or manager), plus all their
 * descendants.
 */
export async function memberGroupIds(
  db: Db,
  who: { orgId: string; userId: string },
): Promise<string[]> {
  const rows = await executeNamed<{ id: string }>(
    db,
    reachableGroups(who.orgId, who.userId, ['member', 'manager']),
  );
  return rows.map((r) => r.id);
}

/** Ids of the groups the user is directly in (no descendants), with the role in each. */
export async function directGroupsOf(
  db: Db,
  who: { orgId: string; userId: string },
): Promise<{ groupId: string; role: 'member' | 'manager' }[]> {
  return executeNamed(
    db,
    sql`select group_id as "groupId", role from group_members
        where org_id = ${who.orgId}::uuid and user_id = ${who.userId}::uuid`,
  );
}

export interface GroupRef {
  id: string;
  type: GroupType;
  archived: boolean;
}

/**
 * What another feature needs to validate group ids it is given (a deal's group): which of
 * them exist in the organization, their type and whether they are archived. Ids of other
 * organizations are simply absent.
 */
export async function groupRefs(
  db: Db,
  orgId: string,
  ids: string[],
): Promise<Map<string, GroupRef>> {
  const out = new Map<string, GroupRef>();
  if (ids.length === 0) return out;
  const rows = await executeNamed<{ id: string; type: GroupType; archived: boolean }>(
    db,
    sql`select id, type, archived_at is not null as archived from groups
        where org_id = ${orgId}::uuid and id = any(${sql.param(ids)}::uuid[])`,
  );
  for (const row of rows) out.set(row.id, row);
  return out;
}

/** Whether a live (not archived) group with this id exists in the organization. */
export async function groupExists(
  db: Db,
  orgId: string,
  groupId: string,
  opts: { type?: GroupType; includeArchived?: boolean } = {},
): Promise<boolean> {
  const ref = (await groupRefs(db, orgId, [groupId])).get(groupId);
  if (!ref) return false;
  if (ref.archived && !opts.includeArchived) return false;
  return opts.type === undefined || ref.type === opts.type;
}
