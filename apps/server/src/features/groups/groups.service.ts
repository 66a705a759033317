import type {
  Group,
  GroupDeleteResult,
  GroupMemberRole,
  GroupTree,
  GroupTreeItem,
  groupCreateSchema,
  groupUpdateSchema,
} from '@spotter/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import {
  catchNameTaken,
  fieldError,
  fieldInvalid,
  notFound,
  ruleBroken,
  versionConflict,
} from '../../lib/errors.ts';
import { usedElsewhere } from './group-usage.ts';
import * as repo from './groups.repo.ts';

type CreateInput = z.output<typeof groupCreateSchema>;
type UpdateInput = z.output<typeof groupUpdateSchema>;
type MemberInput = { userId: string; role: GroupMemberRole };

const A_GROUP = 'A group at this level';

function toGroupDto(row: repo.GroupRow, members: repo.MemberRow[]): Group {
  return {
    id: row.id,
    parentId: row.parentId,
    name: row.name,
    description: row.description,
    type: row.type,
    members: members.map((m) => ({ userId: m.userId, role: m.role })),
    archived: row.archivedAt !== null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function groupDto(db: Db, row: repo.GroupRow): Promise<Group> {
  return toGroupDto(row, await repo.membersOf(db, row.orgId, [row.id]));
}

/**
 * The tree depth first, siblings by name. A group whose parent is not in the answer (an
 * archived parent, when archived groups are left out) is shown at the top.
 */
export function treeOrder<T extends { id: string; parentId: string | null }>(
  rows: T[],
): Array<T & { depth: number }> {
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<string | null, T[]>();
  for (const row of rows) {
    const key = row.parentId !== null && ids.has(row.parentId) ? row.parentId : null;
    const list = children.get(key) ?? [];
    list.push(row);
    children.set(key, list);
  }
  const out: Array<T & { depth: number }> = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    for (const row of children.get(parent) ?? []) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      out.push({ ...row, depth });
      visit(row.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

export async function listGroups(
  db: Db,
  actor: Actor,
  includeArchived: boolean,
): Promise<GroupTree> {
  assertCan(actor, 'contacts.read');
  const rows = await repo.listGroupRows(db, actor.orgId, includeArchived);
  const members = await repo.membersOf(
    db,
    actor.orgId,
    rows.map((r) => r.id),
  );
  const byGroup = new Map<string, repo.MemberRow[]>();
  for (const m of members) byGroup.set(m.groupId, [...(byGroup.get(m.groupId) ?? []), m]);
  const items: GroupTreeItem[] = treeOrder(rows).map((row) => ({
    ...toGroupDto(row, byGroup.get(row.id) ?? []),
    depth: row.depth,
  }));
  return { items };
}

export async function getGroup(db: Db, actor: Actor, id: string): Promise<Group> {
  assertCan(actor, 'contacts.read');
  const row = await repo.findGroup(db, actor.orgId, id);
  if (!row) throw notFound('Group');
  return groupDto(db, row);
}

/** A parent must be a live group of the organization (another organization's id is unknown). */
async function assertParent(db: Db, orgId: string, parentId: string) {
  const parent = await repo.findGroup(db, orgId, parentId);
  if (!parent) throw fieldInvalid('parentId', 'unknown_reference', 'Unknown group');
  if (parent.archivedAt) throw fieldInvalid('parentId', 'archived', 'This group is archived');
}

async function assertMembers(db: Db, orgId: string, members: MemberInput[]) {
  const known = await repo.existingUserIds(
    db,
    orgId,
    members.map((m) => m.userId),
  );
  const unknown = members.findIndex((m) => !known.has(m.userId));
  if (unknown >= 0) {
    throw fieldInvalid(`members.${unknown}.userId`, 'unknown_reference', 'Unknown user');
  }
}

export async function createGroup(db: Db, actor: Actor, input: CreateInput): Promise<Group> {
  assertCan(actor, 'settings.manage');
  const { orgId } = actor;
  return catchNameTaken(A_GROUP, () =>
    db.transaction(async (tx) => {
      if (input.parentId) await assertParent(tx, orgId, input.parentId);
      if (input.members) await assertMembers(tx, orgId, input.members);
      const row = await repo.insertGroup(tx, {
        orgId,
        parentId: input.parentId ?? null,
        name: input.name,
        description: input.description ?? null,
        type: input.type,
      });
      if (input.members) await repo.replaceMembers(tx, orgId, row.id, input.members);
      return groupDto(tx, row);
    }),
  );
}

/**
 * Moves, renames, retypes, replaces members, archives or restores. Archiving takes the whole
 * subtree with it; restoring brings the subtree back and needs a live parent.
 */
export async function updateGroup(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateInput,
): Promise<Group> {
  assertCan(actor, 'settings.manage');
  const { orgId } = actor;
  const { version, archived, members, ...fields } = input;
  return catchNameTaken(A_GROUP, () =>
    db.transaction(async (tx) => {
      const existing = await repo.findGroup(tx, orgId, id, true);
      if (!existing) throw notFound('Group');
      if (existing.version !== version) throw versionConflict(existing.version);
      const patch: repo.GroupPatch = {};
      if (fields.name !== undefined) patch.name = fields.name;
      if (fields.description !== undefined) patch.description = fields.description;
      if (fields.type !== undefined) patch.type = fields.type;
      if (fields.parentId !== undefined && fields.parentId !== existing.parentId) {
        if (fields.parentId !== null) await assertMove(tx, orgId, id, fields.parentId);
        patch.parentId = fields.parentId;
      }
      if (members) await assertMembers(tx, orgId, members);
      const archiving = archived !== undefined && archived !== (existing.archivedAt !== null);
      if (Object.keys(patch).length === 0 && !members && !archiving) {
        return groupDto(tx, existing);
      }
      let row = await repo.updateGroup(tx, orgId, id, version, patch);
      if (!row) throw versionConflict(existing.version);
      if (members) await repo.replaceMembers(tx, orgId, id, members);
      if (archiving) {
        if (!archived && row.parentId) await assertLiveParentToRestore(tx, orgId, row.parentId);
        await repo.setSubtreeArchived(tx, orgId, id, archived);
        row = (await repo.findGroup(tx, orgId, id))!;
      }
      return groupDto(tx, row);
    }),
  );
}

async function assertMove(db: Db, orgId: string, id: string, parentId: string) {
  await assertParent(db, orgId, parentId);
  if (await repo.isSelfOrDescendant(db, orgId, id, parentId)) {
    const message = 'A group cannot be moved under itself or one of its own sub-groups';
    throw ruleBroken('group_cycle', message, { parentId: fieldError('not_allowed', message) });
  }
}

async function assertLiveParentToRestore(db: Db, orgId: string, parentId: string) {
  const parent = await repo.findGroup(db, orgId, parentId);
  if (parent?.archivedAt) {
    const message = 'Restore the group above it first, or move this group elsewhere';
    throw ruleBroken('parent_archived', message, { parentId: fieldError('archived', message) });
  }
}

/**
 * A group nobody uses is deleted. One with members, sub-groups or anything else referring to
 * it (a deal) is archived with its subtree instead, so nothing loses its group.
 */
export async function deleteGroup(db: Db, actor: Actor, id: string): Promise<GroupDeleteResult> {
  assertCan(actor, 'settings.manage');
  const { orgId } = actor;
  return db.transaction(async (tx) => {
    const existing = await repo.findGroup(tx, orgId, id, true);
    if (!existing) throw notFound('Group');
    const inUse =
      (await repo.hasMembersOrChildren(tx, orgId, id)) || (await usedElsewhere(tx, orgId, id));
    if (!inUse) {
      await repo.deleteGroup(tx, orgId, id);
      return { outcome: 'deleted', group: null };
    }
    await repo.setSubtreeArchived(tx, orgId, id, true);
    const row = (await repo.findGroup(tx, orgId, id))!;
    return { outcome: 'archived', group: await groupDto(tx, row) };
  });
}

/** Adds a user to a group, or changes their role there. */
export async function putMember(
  db: Db,
  actor: Actor,
  ids: { id: string; userId: string },
  role: GroupMemberRole,
): Promise<Group> {
  assertCan(actor, 'settings.manage');
  const { orgId } = actor;
  return db.transaction(async (tx) => {
    if (!(await repo.findGroup(tx, orgId, ids.id, true))) throw notFound('Group');
    if (!(await repo.existingUserIds(tx, orgId, [ids.userId])).has(ids.userId)) {
      throw notFound('User');
    }
    await repo.upsertMember(tx, orgId, ids.id, ids.userId, role);
    return groupDto(tx, (await repo.touchGroup(tx, orgId, ids.id))!);
  });
}

export async function removeMember(
  db: Db,
  actor: Actor,
  ids: { id: string; userId: string },
): Promise<Group> {
  assertCan(actor, 'settings.manage');
  const { orgId } = actor;
  return db.transaction(async (tx) => {
    if (!(await repo.findGroup(tx, orgId, ids.id, true))) throw notFound('Group');
    if (!(await repo.removeMember(tx, orgId, ids.id, ids.userId))) throw notFound('Member');
    return groupDto(tx, (await repo.touchGroup(tx, orgId, ids.id))!);
  });
}
