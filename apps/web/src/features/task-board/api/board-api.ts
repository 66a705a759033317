import {
  BOARD_COLUMNS,
  type Board,
  type BoardCard,
  type BoardColumn,
  type BoardColumnPage,
  type Task,
} from '@spotter/contracts';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { cardOf, insertCard, moveCard, removeCard, type ColumnData } from '../board-cache.ts';
import { boardQueryString, type BoardFilters } from '../board-params.ts';

/** Everything on the board lives under `board`: the live updates refresh it with one call. */
export const boardKey = ['board'] as const;
const wholeBoardKey = (f: BoardFilters) => [...boardKey, f, 'all'] as const;
export const columnKey = (f: BoardFilters, column: BoardColumn) =>
  [...boardKey, f, 'column', column] as const;

const emptyPage = (column: BoardColumn): BoardColumnPage => ({
  column,
  count: 0,
  items: [],
  nextCursor: null,
  droppable: false,
});

const fetchBoard = (f: BoardFilters) => api.get<Board>(`/api/board?${boardQueryString(f)}`);

/** The whole board's first pages: the page watches it for the board-wide loading error. */
export function useBoardSummary(filters: BoardFilters, enabled = true) {
  return useQuery({
    queryKey: wholeBoardKey(filters),
    queryFn: () => fetchBoard(filters),
    staleTime: 2_000,
    enabled,
  });
}

/**
 * One column's cards, a page at a time. The first pages of all six columns come from one
 * GET /api/board that the columns share (the six first-page fetches, fired together, join the
 * one request in flight); each column then loads its own next pages with `?column=&cursor=`.
 */
export function useBoardColumn(filters: BoardFilters, column: BoardColumn) {
  const qc = useQueryClient();
  return useInfiniteQuery({
    queryKey: columnKey(filters, column),
    queryFn: async ({ pageParam }): Promise<BoardColumnPage> => {
      if (pageParam === null) {
        const board = await qc.fetchQuery({
          queryKey: wholeBoardKey(filters),
          queryFn: () => fetchBoard(filters),
          // Long enough for the six columns to share one answer, short enough to stay live.
          staleTime: 2_000,
        });
        return board.columns.find((c) => c.column === column) ?? emptyPage(column);
      }
      const page = await api.get<Board>(
        `/api/board?${boardQueryString(filters, { column, cursor: pageParam })}`,
      );
      return page.columns[0] ?? emptyPage(column);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // A new filter keeps the old cards on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}

/** Lets the cards being saved show it (several drops can be on their way at once). */
export const moveMutationKey = [...boardKey, 'move'] as const;

export interface MoveVars {
  card: BoardCard;
  from: BoardColumn;
  to: Exclude<BoardColumn, 'unsorted' | 'overdue'>;
}

/**
 * A drop: the card moves in the cache at once, the server sets its due time in the target
 * column (keeping the time of day) and gives it a status, and the columns refetch. A refusal
 * puts both columns back as they were and is reported by the caller's `onError`.
 */
export function useMoveCard(filters: BoardFilters) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: moveMutationKey,
    mutationFn: ({ card, to }: MoveVars) =>
      api.post<Task>(`/api/tasks/${card.id}/move`, { column: to, version: card.version }),
    onMutate: async ({ card, from, to }) => {
      // A refetch landing now would put the card back where it was until the next one.
      await qc.cancelQueries({ queryKey: boardKey });
      const before = {
        from: qc.getQueryData<ColumnData>(columnKey(filters, from)),
        to: qc.getQueryData<ColumnData>(columnKey(filters, to)),
      };
      const after = moveCard(before.from, before.to, card, to);
      qc.setQueryData(columnKey(filters, from), after.from);
      qc.setQueryData(columnKey(filters, to), after.to);
      return before;
    },
    onError: (_err, { from, to }, before) => {
      if (!before) return;
      qc.setQueryData(columnKey(filters, from), before.from);
      qc.setQueryData(columnKey(filters, to), before.to);
    },
    onSuccess: (task, { card: moved, to }) => {
      // The server's due time and status; a card whose new time lands elsewhere (a late-evening
      // drop on Today) is found again by the refetch below.
      const card = cardOf(task, moved.waitingSince);
      for (const column of BOARD_COLUMNS) {
        qc.setQueryData<ColumnData>(columnKey(filters, column), (d) =>
          column === to ? insertCard(d, card, to, 'sorted') : removeCard(d, card.id),
        );
      }
    },
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: boardKey }),
        qc.invalidateQueries({ queryKey: ['tasks'] }),
        qc.invalidateQueries({ queryKey: ['badge'] }),
      ]),
  });
}

/**
 * "Undo" after a drop (issue 10): the card's due time and status as they were before it,
 * unless someone changed the task since (409, reported by the toast).
 */
export function useUndoMove() {
  const qc = useQueryClient();
  return async (card: BoardCard, moved: Task) => {
    await api.patch<Task>(`/api/tasks/${card.id}`, {
      dueAt: card.dueAt,
      statusId: card.status?.id ?? null,
      version: moved.version,
    });
    await Promise.all([
      qc.invalidateQueries({ queryKey: boardKey }),
      qc.invalidateQueries({ queryKey: ['tasks'] }),
      qc.invalidateQueries({ queryKey: ['badge'] }),
    ]);
  };
}
