import type { Job, JobList } from '@spotter/contracts';
import {
  infiniteQueryOptions,
  useInfiniteQuery,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

const jobsKey = ['jobs'] as const;
const PAGE = 50;

export const failedJobsQuery = infiniteQueryOptions({
  queryKey: [...jobsKey, 'failed'],
  queryFn: ({ pageParam }) => {
    const q = new URLSearchParams({ state: 'failed', limit: String(PAGE) });
    if (pageParam) q.set('cursor', pageParam);
    return api.get<JobList>(`/api/jobs?${q}`);
  },
  initialPageParam: null as string | null,
  getNextPageParam: (last) => last.nextCursor,
});

/** The organization's failed background jobs, newest first, a page at a time. */
export const useFailedJobs = () => useInfiniteQuery(failedJobsQuery);

export function useRetryJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Job>(`/api/jobs/${id}/retry`),
    onSettled: () => qc.invalidateQueries({ queryKey: jobsKey }),
  });
}
