let counter = 0;
/** A key for a row added in a form, which keeps React rows stable while they are reordered. */
export const newKey = () => `new-${Date.now().toString(36)}-${(counter++).toString(36)}`;

/** Moves one row of a form's list up or down; out-of-range moves change nothing. */
export function moveItem<T>(list: readonly T[], index: number, step: -1 | 1): T[] {
  const to = index + step;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item as T);
  return next;
}

/** One PATCH of an entry's `position`. */
export interface PositionPatch {
  id: string;
  position: number;
}

/**
 * Moves `id` one step up (-1) or down (+1) among the `visible` entries, keeping every hidden
 * (archived) entry where it is in the full list, and returns the positions that change.
 * Positions are renumbered 0…n-1 so ties left by older data cannot make a move a no-op.
 */
export function reorderPatches(
  all: readonly { id: string; position: number }[],
  visibleIds: readonly string[],
  id: string,
  step: -1 | 1,
): PositionPatch[] {
  const at = visibleIds.indexOf(id);
  const neighbourId = visibleIds[at + step];
  if (at < 0 || neighbourId === undefined) return [];
  const order = all.map((e) => e.id);
  const from = order.indexOf(id);
  if (from < 0 || !order.includes(neighbourId)) return [];
  order.splice(from, 1);
  const to = order.indexOf(neighbourId);
  order.splice(step === -1 ? to : to + 1, 0, id);
  const before = new Map(all.map((e) => [e.id, e.position]));
  return order
    .map((entryId, position) => ({ id: entryId, position }))
    .filter((p) => before.get(p.id) !== p.position);
}
