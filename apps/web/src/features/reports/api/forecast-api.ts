import type {
  ForecastReport,
  Pipeline,
  RetentionCallRound,
  RetentionCallRoundResult,
  RetentionPage,
} from '@spotter/contracts';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import type { ForecastSearch, RetentionSearch } from '../forecast-search.ts';

const reportsKey = ['reports'] as const;

function queryString(params: Record<string, string | string[] | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) q.append(key, String(v));
  }
  return q.toString();
}

export const forecastQueryString = (s: ForecastSearch) =>
  queryString({
    fromMonth: s.fromMonth,
    toMonth: s.toMonth,
    by: s.by,
    pipelineId: s.pipelineId,
    ownerId: s.ownerId,
    groupId: s.groupId,
    branchId: s.branchId,
  });

export const useForecast = (s: ForecastSearch) => {
  const qs = forecastQueryString(s);
  return useQuery({
    queryKey: [...reportsKey, 'forecast', qs],
    queryFn: () => api.get<ForecastReport>(`/api/reports/forecast?${qs}`),
    placeholderData: keepPreviousData,
  });
};

/** The pipelines, for the forecast's pipeline filter. */
export const usePipelineOptions = () =>
  useQuery({
    queryKey: ['deals', 'pipelines', false],
    queryFn: () => api.get<{ items: Pipeline[] }>('/api/pipelines'),
    staleTime: 5 * 60_000,
  });

const retentionQueryString = (s: RetentionSearch) =>
  queryString({ reason: s.reason, branchId: s.branchId, days: s.days });

export const useRetention = (s: RetentionSearch) => {
  const qs = retentionQueryString(s);
  return useInfiniteQuery({
    queryKey: [...reportsKey, 'retention', qs],
    queryFn: ({ pageParam }) =>
      api.get<RetentionPage>(
        `/api/reports/retention?${qs}&limit=50${pageParam ? `&cursor=${pageParam}` : ''}`,
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
};

export const useStartRetentionRound = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RetentionCallRound) =>
      api.post<RetentionCallRoundResult>('/api/reports/retention/call-round', body),
    onSuccess: () => client.invalidateQueries({ queryKey: [...reportsKey, 'retention'] }),
  });
};
