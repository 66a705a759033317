import type { LeadForm, LeadFormBody, LeadWait } from '@spotter/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

const formsKey = ['lead-forms'] as const;
const PAGE = 50;

/** Settings → Lead forms: newest first, a page at a time. */
export function useLeadForms() {
  return useInfiniteQuery({
    queryKey: formsKey,
    queryFn: ({ pageParam }) =>
      api.get<{ items: LeadForm[]; nextCursor: string | null }>(
        `/api/lead-forms?limit=${PAGE}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useSaveLeadForm() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body }: { id?: string; version?: number; body: LeadFormBody }) =>
      id
        ? api.put<LeadForm>(`/api/lead-forms/${id}`, { ...body, version })
        : api.post<LeadForm>('/api/lead-forms', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: formsKey }),
  });
}

export function useDeleteLeadForm() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<unknown>(`/api/lead-forms/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: formsKey }),
  });
}

/** Speed to lead of one person (the person page's badge). */
export function useLeadWait(personId: string) {
  return useQuery({
    queryKey: ['lead-wait', personId],
    queryFn: () => api.get<LeadWait>(`/api/persons/${personId}/lead-wait`),
    // A result entered elsewhere ends the wait: look again now and then.
    refetchInterval: 60_000,
  });
}

/** The organization's task templates, for the task a submission makes. */
export function useTaskTemplateOptions() {
  return useQuery({
    queryKey: ['lead-forms', 'templates'],
    queryFn: () =>
      api.get<{ items: Array<{ id: string; name: string; type: string; archived: boolean }> }>(
        '/api/settings/task-templates',
      ),
  });
}
