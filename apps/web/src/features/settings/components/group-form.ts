import type { Group, GroupCreate, GroupTreeItem, GroupType } from '@spotter/contracts';

export interface GroupValues {
  name: string;
  description: string;
  type: GroupType;
  /** '' for a top-level group (a Select's "nothing chosen" is null; the form keeps a string). */
  parentId: string;
  memberIds: string[];
  managerIds: string[];
}

export const TOP = '';

export const valuesOf = (group: Group | null, parentId?: string): GroupValues => ({
  name: group?.name ?? '',
  description: group?.description ?? '',
  type: group?.type ?? 'standard',
  parentId: group?.parentId ?? parentId ?? TOP,
  memberIds: group?.members.map((m) => m.userId) ?? [],
  managerIds: group?.members.filter((m) => m.role === 'manager').map((m) => m.userId) ?? [],
});

/** The form's values as the API takes them: one list of members, each with a role. */
export const bodyOf = (v: GroupValues): GroupCreate => ({
  name: v.name,
  description: v.description.trim() === '' ? null : v.description,
  type: v.type,
  parentId: v.parentId === TOP ? null : v.parentId,
  members: v.memberIds.map((userId) => ({
    userId,
    role: v.managerIds.includes(userId) ? 'manager' : 'member',
  })),
});

/** The server names a member by its place in the list; the form has one field for them all. */
export function formErrorsOf<V>(fields: Record<string, V>): Record<string, V> {
  const out: Record<string, V> = {};
  for (const [key, message] of Object.entries(fields)) {
    out[key.startsWith('members') ? 'memberIds' : key] = message;
  }
  return out;
}

/**
 * The groups a group may go under: live ones, never itself or one of its own sub-groups
 * (the tree is depth first, so those are the items right after it that sit deeper).
 */
export function parentChoices(tree: GroupTreeItem[], editing: Group | null) {
  const out: GroupTreeItem[] = [];
  let skipDeeperThan: number | null = null;
  for (const item of tree) {
    if (skipDeeperThan !== null && item.depth > skipDeeperThan) continue;
    skipDeeperThan = null;
    if (editing && item.id === editing.id) {
      skipDeeperThan = item.depth;
      continue;
    }
    if (!item.archived) out.push(item);
  }
  return out;
}
