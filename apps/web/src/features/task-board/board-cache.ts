import type { BoardCard, BoardColumn, BoardColumnPage, Task } from '@spotter/contracts';
import type { InfiniteData } from '@tanstack/react-query';

/** One column's pages in the query cache: the first from GET /api/board, then `?column=&cursor=`. */
export type ColumnData = InfiniteData<BoardColumnPage>;

/**
 * The cards of a column in order. Keyset pages can overlap after cards moved between two page
 * loads (a live update, a drop), so a card shows once, where it first appears.
 */
export function columnCards(data: ColumnData | undefined): BoardCard[] {
  if (!data) return [];
  const seen = new Set<string>();
  const out: BoardCard[] = [];
  for (const page of data.pages) {
    for (const card of page.items) {
      if (seen.has(card.id)) continue;
      seen.add(card.id);
      out.push(card);
    }
  }
  return out;
}

/** The column's size from the server, adjusted by optimistic moves. */
export const columnCount = (data: ColumnData | undefined) => data?.pages[0]?.count ?? 0;

/** Whether the server takes drops on the column now (This week has none on a weekend). */
export const columnDroppable = (data: ColumnData | undefined) => data?.pages[0]?.droppable ?? false;

/** The card with this id, if the column has it loaded. */
export const findCard = (data: ColumnData | undefined, id: string) =>
  columnCards(data).find((c) => c.id === id);

function withCount(data: ColumnData, delta: number): ColumnData {
  return {
    ...data,
    pages: data.pages.map((p) => ({ ...p, count: Math.max(0, p.count + delta) })),
  };
}

/** The column without the card; its count drops by one when the card was there. */
export function removeCard(data: ColumnData | undefined, id: string): ColumnData | undefined {
  if (!data || !findCard(data, id)) return data;
  const pages = data.pages.map((p) => ({ ...p, items: p.items.filter((c) => c.id !== id) }));
  return withCount({ ...data, pages }, -1);
}

/**
 * The order the server sorts a column in: Unsorted newest first; the date columns soonest
 * first, cards with no due time last (only Later has those), then by id.
 */
export function compareCards(column: BoardColumn) {
  return (a: BoardCard, b: BoardCard): number => {
    if (column === 'unsorted') {
      return b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id);
    }
    const ta = a.dueAt ? Date.parse(a.dueAt) : Number.POSITIVE_INFINITY;
    const tb = b.dueAt ? Date.parse(b.dueAt) : Number.POSITIVE_INFINITY;
    if (ta !== tb) return ta < tb ? -1 : 1;
    return a.id.localeCompare(b.id);
  };
}

/**
 * The column with the card added: `top` while the server is still deciding its due time (so
 * the user sees where it went), `sorted` once the card is final. A card sorting after every
 * loaded card of a column with more pages is kept last on the loaded ones — visible until the
 * next refetch puts it on its own page — rather than vanishing from under the cursor.
 */
export function insertCard(
  data: ColumnData | undefined,
  card: BoardCard,
  column: BoardColumn,
  at: 'top' | 'sorted',
): ColumnData | undefined {
  if (!data || data.pages.length === 0) return data;
  const had = findCard(data, card.id) !== undefined;
  const pages = data.pages.map((p) => ({ ...p, items: p.items.filter((c) => c.id !== card.id) }));
  const cmp = compareCards(column);
  let target = 0;
  let index = 0;
  if (at === 'sorted') {
    target = -1;
    for (let p = 0; p < pages.length && target < 0; p++) {
      const i = pages[p]!.items.findIndex((c) => cmp(card, c) < 0);
      if (i >= 0) [target, index] = [p, i];
    }
    if (target < 0) {
      target = pages.length - 1;
      index = pages[target]!.items.length;
    }
  }
  const page = pages[target]!;
  const items = [...page.items.slice(0, index), card, ...page.items.slice(index)];
  pages[target] = { ...page, items };
  const next = { ...data, pages };
  return had ? next : withCount(next, 1);
}

/** The card with the server's answer, in place (same position; `insertCard` re-sorts). */
export function replaceCard(data: ColumnData | undefined, card: BoardCard): ColumnData | undefined {
  if (!data || !findCard(data, card.id)) return data;
  return {
    ...data,
    pages: data.pages.map((p) => ({
      ...p,
      items: p.items.map((c) => (c.id === card.id ? card : c)),
    })),
  };
}

/** Takes a card from one column to another; both come back new, the rest is untouched. */
export function moveCard(
  from: ColumnData | undefined,
  to: ColumnData | undefined,
  card: BoardCard,
  toColumn: BoardColumn,
): { from: ColumnData | undefined; to: ColumnData | undefined } {
  return { from: removeCard(from, card.id), to: insertCard(to, card, toColumn, 'top') };
}

/**
 * A task as the server answers a write, in the board's card shape; a task says nothing of its
 * person's wait, so the card it replaces hands that on.
 */
export function cardOf(task: Task, waitingSince: string | null = null): BoardCard {
  return {
    id: task.id,
    type: task.type,
    template: task.template,
    contact: task.contact,
    assignee: task.assignee,
    takenBy: task.takenBy,
    status: task.status,
    comment: task.comment,
    dueAt: task.dueAt,
    dueState: task.dueState,
    createdAt: task.createdAt,
    version: task.version,
    waitingSince,
  };
}
