import type { BoardCard, BoardColumn, BoardColumnPage, Task } from '@spotter/contracts';
import {
  columnItems,
  columnSize,
  insertItem,
  removeItem,
  replaceItem,
  type ColumnPages,
} from '../../components/board/column-cache.ts';

/** One column's pages in the query cache: the first from GET /api/board, then `?column=&cursor=`. */
export type ColumnData = ColumnPages<BoardColumnPage>;

/** The cards of a column in order, each once (see `columnItems`). */
export const columnCards = (data: ColumnData | undefined): BoardCard[] =>
  columnItems<BoardCard, BoardColumnPage>(data);

/** The column's size from the server, adjusted by optimistic moves. */
export const columnCount = (data: ColumnData | undefined) => columnSize(data);

/** Whether the server takes drops on the column now (This week has none on a weekend). */
export const columnDroppable = (data: ColumnData | undefined) => data?.pages[0]?.droppable ?? false;

/** The column without the card; its count drops by one when the card was there. */
export const removeCard = (data: ColumnData | undefined, id: string) =>
  removeItem<BoardCard, BoardColumnPage>(data, id);

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
 * the user sees where it went), `sorted` once the card is final (see `insertItem`).
 */
export const insertCard = (
  data: ColumnData | undefined,
  card: BoardCard,
  column: BoardColumn,
  at: 'top' | 'sorted',
) => insertItem<BoardCard, BoardColumnPage>(data, card, at === 'top' ? null : compareCards(column));

/** The card with the server's answer, in place (same position; `insertCard` re-sorts). */
export const replaceCard = (data: ColumnData | undefined, card: BoardCard) =>
  replaceItem<BoardCard, BoardColumnPage>(data, card);

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
