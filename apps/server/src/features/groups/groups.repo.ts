import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { GroupMemberRole, GroupType } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { users } from '../users/index.ts';
import { groupMembers, groups } from './groups.table.ts';

export type GroupRow = typeof groups.$inferSelect;
export interface MemberRow {
  groupId: string;
  userId: string;
  role: GroupMemberRole;
}

/** An organization has tens of groups: the whole tree is one bounded read. */
const TREE_LIMIT = 2000;

export function listGroupRows(db: Db, orgId: string, includeArchived: boolean) {
  const where = includeArchived
    ? eq(groups.orgId, orgId)
    : and(eq(groups.orgId, orgId), sql`${groups.archivedAt} is null`);
  return db
    .select()
    .from(groups)
    .where(where)
    .orderBy(asc(sql`lower(${groups.name})`), asc(groups.id))
    .limit(TREE_LIMIT);
}

export async function findGroup(db: Db, orgId: string, id: string, lock = false) {
  const query = db
    .select()
    .from(groups)
    .where(and(eq(groups.orgId, orgId), eq(groups.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** Members of the given groups: managers first, then by the user's name. */
export function membersOf(db: Db, orgId: string, groupIds: string[]): Promise<MemberRow[]> {
  if (groupIds.length === 0) return Promise.resolve([]);
  return db
    .select({ groupId: groupMembers.groupId, userId: groupMembers.userId, role: groupMembers.role })
    .from(groupMembers)
    .innerJoin(users, and(eq(users.orgId, groupMembers.orgId), eq(users.id, groupMembers.userId)))
    .where(and(eq(groupMembers.orgId, orgId), inArray(groupMembers.groupId, groupIds)))
    .orderBy(
      asc(groupMembers.groupId),
      sql`${groupMembers.role} = 'manager' desc`,
      asc(users.name),
      asc(users.id),
    );
}

export async function insertGroup(
  db: Db,
  row: {
    orgId: string;
    parentId: string | null;
    name: string;
    description: string | null;
    type: GroupType;
  },
) {
  const [created] = await db.insert(groups).values(row).returning();
  return created!;
}

export interface GroupPatch {
  parentId?: string | null;
  name?: string;
  description?: string | null;
  type?: GroupType;
}

/** Applies the patch only when the caller saw the current version (habit 5). */
export async function updateGroup(
  db: Db,
  orgId: string,
  id: string,
  version: number,
  patch: GroupPatch,
) {
  const [row] = await db
    .update(groups)
    .set({ ...patch, updatedAt: new Date(), version: sql`${groups.version} + 1` })
    .where(and(eq(groups.orgId, orgId), eq(groups.id, id), eq(groups.version, version)))
    .returning();
  return row;
}

/** Bumps the version of a group whose members changed (the list is part of the group). */
export async function touchGroup(db: Db, orgId: string, id: string) {
  const [row] = await db
    .update(groups)
    .set({ updatedAt: new Date(), version: sql`${groups.version} + 1` })
    .where(and(eq(groups.orgId, orgId), eq(groups.id, id)))
    .returning();
  return row;
}

/**
 * Whether `candidate` is `id` itself or one of its descendants: moving `id` under it would
 * close a loop. Walks up from the candidate (the chain of parents is short).
 */
export async function isSelfOrDescendant(db: Db, orgId: string, id: string, candidate: string) {
  const rows = await db.execute<{ found: boolean }>(sql`
    with recursive up(id, parent_id) as (
      select id, parent_id from groups where org_id = ${orgId}::uuid and id = ${candidate}::uuid
      union
      select g.id, g.parent_id from groups g join up on g.id = up.parent_id
      where g.org_id = ${orgId}::uuid
    )
    select exists (select 1 from up where id = ${id}::uuid) as found`);
  return rowsOf<{ found: boolean }>(rows)[0]?.found === true;
}

/** Archives (or restores) a group and every group below it; answers the ids changed. */
export async function setSubtreeArchived(db: Db, orgId: string, id: string, archived: boolean) {
  const result = await db.execute<{ id: string }>(sql`
    with recursive down(id) as (
      select ${id}::uuid
      union
      select g.id from groups g join down on g.parent_id = down.id where g.org_id = ${orgId}::uuid
    )
    update groups set archived_at = ${archived ? sql`now()` : sql`null`},
      version = version + 1, updated_at = now()
    where org_id = ${orgId}::uuid and id in (select id from down)
      and (archived_at is null) = ${archived}
    returning id`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

/** Members or sub-groups (archived ones too): what makes a group "in use" here. */
export async function hasMembersOrChildren(db: Db, orgId: string, id: string) {
  const rows = await db.execute<{ used: boolean }>(sql`
    select exists (select 1 from group_members where org_id = ${orgId}::uuid and group_id = ${id}::uuid)
      or exists (select 1 from groups where org_id = ${orgId}::uuid and parent_id = ${id}::uuid)
      as used`);
  return rowsOf<{ used: boolean }>(rows)[0]?.used === true;
}

export async function deleteGroup(db: Db, orgId: string, id: string) {
  await db.delete(groups).where(and(eq(groups.orgId, orgId), eq(groups.id, id)));
}

/** Replaces the whole member list of a group. */
export async function replaceMembers(
  db: Db,
  orgId: string,
  groupId: string,
  members: { userId: string; role: GroupMemberRole }[],
) {
  await db
    .delete(groupMembers)
    .where(and(eq(groupMembers.orgId, orgId), eq(groupMembers.groupId, groupId)));
  if (members.length === 0) return;
  await db.insert(groupMembers).values(members.map((m) => ({ orgId, groupId, ...m })));
}

/** Adds a member or changes their role. */
export async function upsertMember(
  db: Db,
  orgId: string,
  groupId: string,
  userId: string,
  role: GroupMemberRole,
) {
  await db
    .insert(groupMembers)
    .values({ orgId, groupId, userId, role })
    .onConflictDoUpdate({
      target: [groupMembers.orgId, groupMembers.groupId, groupMembers.userId],
      set: { role },
    });
}

/** Answers whether there was such a member. */
export async function removeMember(db: Db, orgId: string, groupId: string, userId: string) {
  const rows = await db
    .delete(groupMembers)
    .where(
      and(
        eq(groupMembers.orgId, orgId),
        eq(groupMembers.groupId, groupId),
        eq(groupMembers.userId, userId),
      ),
    )
    .returning({ userId: groupMembers.userId });
  return rows.length > 0;
}

/** Which of these user ids are users of the organization. */
export async function existingUserIds(db: Db, orgId: string, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.id, ids)));
  return new Set(rows.map((r) => r.id));
}

/** Rows as both drivers answer `execute`. */
function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
