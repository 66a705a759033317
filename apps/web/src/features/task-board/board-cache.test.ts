import type { BoardCard, BoardColumn, Task } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import {
  cardOf,
  columnCards,
  columnCount,
  insertCard,
  moveCard,
  removeCard,
  replaceCard,
  type ColumnData,
} from './board-cache.ts';

const ref = { id: '0190a8a8-0000-7000-8000-0000000000aa', name: 'Call' };
const template = { ...ref, color: '#000', background: '#fff' };

function card(n: number, dueAt: string | null, createdAt = '2026-01-01T10:00:00.000Z'): BoardCard {
  return {
    id: `0190a8a8-0000-7000-8000-${String(n).padStart(12, '0')}`,
    type: 'call',
    template,
    contact: null,
    assignee: null,
    takenBy: null,
    status: null,
    comment: `card ${n}`,
    dueAt,
    dueState: null,
    createdAt,
    version: 1,
    waitingSince: null,
  };
}

function column(column: BoardColumn, pages: BoardCard[][], count?: number): ColumnData {
  const total = count ?? pages.flat().length;
  return {
    pages: pages.map((items, i) => ({
      column,
      count: total,
      items,
      nextCursor: i < pages.length - 1 ? `c${i}` : null,
      droppable: true,
    })),
    pageParams: pages.map((_, i) => (i === 0 ? null : `c${i - 1}`)),
  };
}

const ids = (d: ColumnData | undefined) => columnCards(d).map((c) => c.comment);

describe('the board cache', () => {
  const later = column('later', [
    [card(1, '2026-02-01T09:00:00Z'), card(2, '2026-02-02T09:00:00Z')],
    [card(3, '2026-02-03T09:00:00Z')],
  ]);
  const tomorrow = column('tomorrow', [[card(4, '2026-01-02T08:00:00Z')]]);

  it('shows a card once even when two pages both hold it', () => {
    const overlap = column('later', [
      [card(1, null), card(2, null)],
      [card(2, null), card(3, null)],
    ]);
    expect(ids(overlap)).toEqual(['card 1', 'card 2', 'card 3']);
  });

  it('moves a card: gone from its column, on top of the target, counts follow', () => {
    const moving = card(2, '2026-02-02T09:00:00Z');
    const after = moveCard(later, tomorrow, moving, 'tomorrow');
    expect(ids(after.from)).toEqual(['card 1', 'card 3']);
    expect(columnCount(after.from)).toBe(2);
    expect(ids(after.to)).toEqual(['card 2', 'card 4']);
    expect(columnCount(after.to)).toBe(2);
    // Every page carries the count, so whichever is read agrees.
    expect(after.from?.pages.map((p) => p.count)).toEqual([2, 2]);
    // The originals stay as they were: a failed move puts them back.
    expect(ids(later)).toEqual(['card 1', 'card 2', 'card 3']);
    expect(columnCount(tomorrow)).toBe(1);
  });

  it('leaves a column alone when the card is not in it', () => {
    expect(removeCard(tomorrow, card(9, null).id)).toBe(tomorrow);
    expect(removeCard(undefined, card(9, null).id)).toBeUndefined();
  });

  it("places the server's answer in due order, replacing the optimistic copy", () => {
    const optimistic = moveCard(later, tomorrow, card(2, '2026-02-02T09:00:00Z'), 'tomorrow').to;
    const final = insertCard(optimistic, card(2, '2026-01-02T09:30:00Z'), 'tomorrow', 'sorted');
    expect(ids(final)).toEqual(['card 4', 'card 2']);
    expect(columnCount(final)).toBe(2);
    expect(columnCards(final)[1]?.dueAt).toBe('2026-01-02T09:30:00Z');
  });

  it('sorts across pages, and keeps a card past the loaded ones last rather than hiding it', () => {
    const early = insertCard(later, card(5, '2026-02-02T12:00:00Z'), 'later', 'sorted');
    expect(ids(early)).toEqual(['card 1', 'card 2', 'card 5', 'card 3']);
    expect(early?.pages[1]?.items.map((c) => c.comment)).toEqual(['card 5', 'card 3']);
    const partial = column('later', [[card(1, '2026-02-01T09:00:00Z')]], 40);
    const far = insertCard(partial, card(6, '2027-01-01T09:00:00Z'), 'later', 'sorted');
    expect(ids(far)).toEqual(['card 1', 'card 6']);
    expect(columnCount(far)).toBe(41);
  });

  it('puts cards without a due time last, and Unsorted newest first', () => {
    const none = insertCard(later, card(7, null), 'later', 'sorted');
    expect(ids(none).at(-1)).toBe('card 7');
    const unsorted = column('unsorted', [[card(1, null, '2026-01-03T00:00:00Z')]]);
    const newer = insertCard(unsorted, card(8, null, '2026-01-04T00:00:00Z'), 'unsorted', 'sorted');
    expect(ids(newer)).toEqual(['card 8', 'card 1']);
  });

  it('replaces a card in place', () => {
    const changed = { ...card(2, '2026-02-02T09:00:00Z'), version: 5 };
    const after = replaceCard(later, changed);
    expect(columnCards(after)[1]?.version).toBe(5);
    expect(replaceCard(tomorrow, changed)).toBe(tomorrow);
  });

  it('turns a task into its card', () => {
    const c = card(3, '2026-02-03T09:00:00Z');
    const { waitingSince: _wait, ...rest } = c;
    const task = {
      ...rest,
      creator: null,
      remindAt: null,
      takenAt: null,
      result: null,
      resultFields: {},
      resultComment: '',
      completedAt: null,
      completedBy: null,
      parentId: null,
      previousId: null,
      next: null,
      round: null,
      branchId: null,
      private: false,
      updatedAt: c.createdAt,
    } satisfies Task;
    expect(cardOf(task)).toEqual(c);
  });
});
