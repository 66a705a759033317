import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moveItem, reorderPatches } from './reorder.ts';

const apply = (
  all: { id: string; position: number }[],
  patches: { id: string; position: number }[],
) => {
  const next = new Map(all.map((e) => [e.id, e.position]));
  for (const p of patches) next.set(p.id, p.position);
  return [...all]
    .map((e, i) => ({ id: e.id, position: next.get(e.id) ?? 0, i }))
    .sort((a, b) => a.position - b.position || a.i - b.i)
    .map((e) => e.id);
};

describe('reorderPatches', () => {
  const list = ['a', 'b', 'c', 'd'].map((id, position) => ({ id, position }));
  const ids = list.map((e) => e.id);

  it('swaps an entry with the one above it, patching only those two', () => {
    const patches = reorderPatches(list, ids, 'c', -1);
    expect(patches).toEqual([
      { id: 'c', position: 1 },
      { id: 'b', position: 2 },
    ]);
    expect(apply(list, patches)).toEqual(['a', 'c', 'b', 'd']);
  });

  it('does nothing at the ends of the list', () => {
    expect(reorderPatches(list, ids, 'a', -1)).toEqual([]);
    expect(reorderPatches(list, ids, 'd', 1)).toEqual([]);
    expect(reorderPatches(list, ids, 'zz', 1)).toEqual([]);
  });

  it('jumps over hidden (archived) entries, which keep their place', () => {
    // b is archived and not shown: moving c up puts it before a.
    const patches = reorderPatches(list, ['a', 'c', 'd'], 'c', -1);
    expect(apply(list, patches)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('renumbers entries that share a position, so the move is visible', () => {
    const tied = ['x', 'y', 'z'].map((id) => ({ id, position: 0 }));
    const patches = reorderPatches(tied, ['x', 'y', 'z'], 'z', -1);
    expect(apply(tied, patches)).toEqual(['x', 'z', 'y']);
  });

  it('always yields a permutation with the entry one visible step further', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        fc.nat(),
        fc.boolean(),
        (names, shown, pick, up) => {
          const all = names.map((id, position) => ({ id, position }));
          const visible = names.filter((_, i) => shown[i]);
          const id = visible[pick % Math.max(visible.length, 1)] ?? names[0]!;
          const step = up ? -1 : 1;
          const after = apply(all, reorderPatches(all, visible, id, step));
          expect([...after].sort()).toEqual([...names].sort());
          const at = visible.indexOf(id);
          const neighbour = visible[at + step];
          if (at >= 0 && neighbour !== undefined) {
            const nextVisible = after.filter((n) => visible.includes(n));
            expect(nextVisible.indexOf(id)).toBe(at + step);
          } else {
            expect(after).toEqual(names);
          }
        },
      ),
    );
  });
});

describe('moveItem', () => {
  it('moves rows without losing or duplicating any', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { maxLength: 10 }),
        fc.integer({ min: -2, max: 12 }),
        fc.boolean(),
        (list, index, up) => {
          const next = moveItem(list, index, up ? -1 : 1);
          expect([...next].sort()).toEqual([...list].sort());
        },
      ),
    );
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });
});
