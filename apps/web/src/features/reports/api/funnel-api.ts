import type {
  FunnelReport,
  FunnelSettings,
  FunnelSettingsUpdate,
  LeadSourcesReport,
  Pipeline,
  Status,
  TaskTemplate,
} from '@spotter/contracts';
import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import type { FunnelSearch, LeadSourcesSearch } from '../funnel-search.ts';
import { periodQuery } from '../reports-search.ts';

const funnelKey = ['reports', 'funnel'] as const;

function personFilters(s: LeadSourcesSearch, q: Record<string, string>) {
  if (s.sourceId) q.sourceId = s.sourceId;
  if (s.responsibleId) q.responsibleId = s.responsibleId;
  if (s.branchId) q.branchId = s.branchId;
  return q;
}

export function funnelQueryString(s: FunnelSearch): string {
  const q = personFilters(s, periodQuery(s));
  if (s.groupBy && s.groupBy !== 'none') q.groupBy = s.groupBy;
  return new URLSearchParams(q).toString();
}

export const useFunnelReport = (s: FunnelSearch) => {
  const qs = funnelQueryString(s);
  return useQuery({
    queryKey: [...funnelKey, 'report', qs],
    queryFn: () => api.get<FunnelReport>(`/api/reports/funnel?${qs}`),
    placeholderData: keepPreviousData,
  });
};

export const useLeadSourcesReport = (s: LeadSourcesSearch) => {
  const qs = new URLSearchParams(personFilters(s, periodQuery(s))).toString();
  return useQuery({
    queryKey: [...funnelKey, 'sources', qs],
    queryFn: () => api.get<LeadSourcesReport>(`/api/reports/lead-sources?${qs}`),
    placeholderData: keepPreviousData,
  });
};

export const funnelStepsQuery = queryOptions({
  queryKey: [...funnelKey, 'steps'],
  queryFn: () => api.get<FunnelSettings>('/api/reports/funnel-steps'),
});

/** What the steps can be made of: results (by template), person statuses, stages (by pipeline). */
export const useFunnelChoices = () => {
  const templates = useQuery({
    queryKey: [...funnelKey, 'choices', 'templates'],
    queryFn: () =>
      api.get<{ items: TaskTemplate[] }>('/api/settings/task-templates?includeArchived=true'),
  });
  const statuses = useQuery({
    queryKey: [...funnelKey, 'choices', 'statuses'],
    queryFn: () =>
      api.get<{ items: Status[] }>('/api/settings/statuses?entity=person&includeArchived=true'),
  });
  const pipelines = useQuery({
    queryKey: [...funnelKey, 'choices', 'pipelines'],
    queryFn: () => api.get<{ items: Pipeline[] }>('/api/pipelines?includeArchived=true'),
  });
  return { templates, statuses, pipelines };
};

export function useSaveFunnelSteps() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: FunnelSettingsUpdate) =>
      api.put<FunnelSettings>('/api/reports/funnel-steps', body),
    onSuccess: (saved) => {
      client.setQueryData(funnelStepsQuery.queryKey, saved);
      // Every funnel and lead-sources figure depends on the steps.
      void client.invalidateQueries({ queryKey: funnelKey });
    },
  });
}
