import type {
  Deal,
  DealBoard,
  DealBulk,
  DealCard,
  DealCreate,
  DealHistoryEntry,
  DealList,
  DealListItem,
  DealListKind,
  DealMove,
  DealTaskList,
  DealUpdate,
  GroupTree,
  Pipeline,
} from '@spotter/contracts';
import {
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { moveDeal, stagePage, type StageData, type StagePage } from '../board-cache.ts';
import { dealQueryString, type DealFilters } from '../deal-params.ts';

/** Everything about deals lives under `deals`: a live event refreshes it with one call. */
export const dealsKey = ['deals'] as const;
const FIVE_MINUTES = 5 * 60_000;

// ---------------------------------------------------------------- reference lists

export const pipelinesQuery = (includeArchived = false) =>
  queryOptions({
    queryKey: [...dealsKey, 'pipelines', includeArchived],
    queryFn: () =>
      api.get<{ items: Pipeline[] }>(
        `/api/pipelines${includeArchived ? '?includeArchived=true' : ''}`,
      ),
    staleTime: FIVE_MINUTES,
  });

export const dealListQuery = (kind: DealListKind, includeArchived = false) =>
  queryOptions({
    queryKey: [...dealsKey, 'lists', kind, includeArchived],
    queryFn: () =>
      api.get<{ items: DealListItem[] }>(
        `/api/deal-lists/${kind}${includeArchived ? '?includeArchived=true' : ''}`,
      ),
    staleTime: FIVE_MINUTES,
  });

export const usePipelines = (includeArchived = false) => useQuery(pipelinesQuery(includeArchived));
export const useDealList = (kind: DealListKind, includeArchived = false) =>
  useQuery(dealListQuery(kind, includeArchived));

/** The group tree (U-4), for the group filter and the deal's group; absent without access. */
export const useGroups = () =>
  useQuery({
    queryKey: ['groups', 'tree'],
    queryFn: () => api.get<GroupTree>('/api/groups'),
    staleTime: FIVE_MINUTES,
    retry: false,
  });

// ---------------------------------------------------------------- the board

export const boardKey = [...dealsKey, 'board'] as const;
const wholeBoardKey = (f: DealFilters) => [...boardKey, f, 'all'] as const;
export const stageKey = (f: DealFilters, stageId: string) =>
  [...boardKey, f, 'stage', stageId] as const;

const fetchBoard = (f: DealFilters) => api.get<DealBoard>(`/api/deals/board?${dealQueryString(f)}`);

/** The whole board's first pages: which stages there are, and the board-wide loading error. */
export function useDealBoard(filters: DealFilters, enabled = true) {
  return useQuery({
    queryKey: wholeBoardKey(filters),
    queryFn: () => fetchBoard(filters),
    staleTime: 2_000,
    enabled,
    placeholderData: keepPreviousData,
  });
}

const emptyStage = (stageId: string): StagePage => ({
  stageId,
  state: 'open',
  count: 0,
  sum: 0,
  weightedSum: 0,
  items: [],
  nextCursor: null,
});

/**
 * One stage's cards, a page at a time. The first pages of every stage come from one
 * GET /api/deals/board the columns share (as on the task board); each column then loads its
 * own next pages with `?stageId=&cursor=`.
 */
export function useStageColumn(filters: DealFilters, stageId: string) {
  const qc = useQueryClient();
  return useInfiniteQuery({
    queryKey: stageKey(filters, stageId),
    queryFn: async ({ pageParam }): Promise<StagePage> => {
      if (pageParam === null) {
        const board = await qc.fetchQuery({
          queryKey: wholeBoardKey(filters),
          queryFn: () => fetchBoard(filters),
          staleTime: 2_000,
        });
        const column = board.columns.find((c) => c.stageId === stageId);
        return column ? stagePage(column) : emptyStage(stageId);
      }
      const page = await api.get<DealBoard>(
        `/api/deals/board?${dealQueryString(filters, { stageId, cursor: pageParam })}`,
      );
      const column = page.columns.find((c) => c.stageId === stageId);
      return column ? stagePage(column) : emptyStage(stageId);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** Lets the cards being saved show it (several drops can be on their way at once). */
export const moveMutationKey = [...boardKey, 'move'] as const;

export interface MoveVars {
  card: DealCard;
  from: string;
  to: { stageId: string; state: DealCard['state']; probability: number };
  lostReasonId?: string | null;
  lostComment?: string;
}

/** What a deal's change makes stale besides the deals: its person's status and history. */
function refreshAfterDeal(qc: QueryClient) {
  return Promise.all([
    qc.invalidateQueries({ queryKey: dealsKey }),
    qc.invalidateQueries({ queryKey: ['persons'] }),
    qc.invalidateQueries({ queryKey: ['companies'] }),
  ]);
}

/**
 * A drop on another stage: the card moves in the cache at once, with the column sums; a refusal
 * (a stale version, a rule) puts both columns back as they were and is reported by the
 * caller's `onError`. Winning can make the person a Customer, so their card refreshes too.
 */
export function useMoveDeal(filters: DealFilters) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: moveMutationKey,
    mutationFn: ({ card, to, lostReasonId, lostComment }: MoveVars) =>
      api.post<Deal>(`/api/deals/${card.id}/move`, {
        stageId: to.stageId,
        version: card.version,
        ...(lostReasonId === undefined ? {} : { lostReasonId }),
        ...(lostComment === undefined ? {} : { lostComment }),
      } satisfies DealMove),
    onMutate: async ({ card, from, to }) => {
      // A refetch landing now would put the card back where it was until the next one.
      await qc.cancelQueries({ queryKey: boardKey });
      const before = {
        from: qc.getQueryData<StageData>(stageKey(filters, from)),
        to: qc.getQueryData<StageData>(stageKey(filters, to.stageId)),
      };
      const after = moveDeal(before.from, before.to, card, to);
      qc.setQueryData(stageKey(filters, from), after.from);
      qc.setQueryData(stageKey(filters, to.stageId), after.to);
      return before;
    },
    onError: (_err, { from, to }, before) => {
      if (!before) return;
      qc.setQueryData(stageKey(filters, from), before.from);
      qc.setQueryData(stageKey(filters, to.stageId), before.to);
    },
    onSettled: () => refreshAfterDeal(qc),
  });
}

// ---------------------------------------------------------------- one deal

export const dealKey = (id: string) => [...dealsKey, 'deal', id] as const;

export const useDeal = (id: string | null) =>
  useQuery({
    queryKey: dealKey(id ?? ''),
    queryFn: () => api.get<Deal>(`/api/deals/${id}`),
    enabled: id !== null,
  });

export function useDealHistory(id: string) {
  return useInfiniteQuery({
    queryKey: [...dealKey(id), 'history'],
    queryFn: ({ pageParam }) =>
      api.get<{ items: DealHistoryEntry[]; nextCursor: string | null }>(
        `/api/deals/${id}/history?limit=20${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export const useDealTasks = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: [...dealKey(id), 'tasks'],
    queryFn: () => api.get<DealTaskList>(`/api/deals/${id}/tasks`),
    enabled,
  });

export function useCreateDeal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DealCreate) => api.post<Deal>('/api/deals', body),
    onSettled: () => refreshAfterDeal(qc),
  });
}

export function useUpdateDeal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: DealUpdate & { id: string }) =>
      api.patch<Deal>(`/api/deals/${id}`, body),
    onSettled: () => refreshAfterDeal(qc),
  });
}

/** A stage change from the deal's page (reopen, win, lose): the same rules as a drop. */
export function useMoveDealTo() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: DealMove & { id: string }) =>
      api.post<Deal>(`/api/deals/${id}/move`, body),
    onSettled: () => refreshAfterDeal(qc),
  });
}

export function useDeleteDeal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/deals/${id}`),
    onSettled: () => refreshAfterDeal(qc),
  });
}

// ---------------------------------------------------------------- lists

/** A person's or company's deals, open and closed, newest first. */
export const useContactDeals = (kind: 'person' | 'company', id: string, enabled: boolean) =>
  useQuery({
    queryKey: [...dealsKey, 'contact', kind, id],
    queryFn: () =>
      api.get<DealList>(
        `/api/deals?${kind === 'person' ? 'personId' : 'companyId'}=${id}&state=all&sort=-updatedAt&limit=20`,
      ),
    enabled,
  });

/** The deals list (keyset pages, "load more"). */
export function useDealsList(filters: DealFilters) {
  return useInfiniteQuery({
    queryKey: [...dealsKey, 'list', filters],
    queryFn: ({ pageParam }) =>
      api.get<DealList>(
        `/api/deals?${dealQueryString(filters, { limit: '50', cursor: pageParam ?? undefined })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** The CSV of the deals these filters show (the server streams it). */
export const exportHref = (filters: DealFilters) => `/api/deals/export?${dealQueryString(filters)}`;

export function useBulkDeals() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DealBulk) => api.post<{ affected: number }>('/api/deals/bulk', body),
    onSettled: () => refreshAfterDeal(qc),
  });
}

/** Links a task of the deal's person or company to the deal, or unlinks it. */
export function useLinkDealTask(dealId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, link }: { taskId: string; link: boolean }) =>
      link
        ? api.post<DealTaskList>(`/api/deals/${dealId}/tasks`, { taskId })
        : api.delete<DealTaskList>(`/api/deals/${dealId}/tasks/${taskId}`),
    onSettled: () => qc.invalidateQueries({ queryKey: dealKey(dealId) }),
  });
}
