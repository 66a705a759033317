import type { Dictionary, SearchHit, TaskStatus, TaskTemplate } from '@spotter/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

/** Templates, statuses and dictionaries: the settings pages change them under the same key. */
export const taskSettingsKey = ['task-settings'] as const;

const FIVE_MINUTES = 5 * 60_000;

export const taskTemplatesQuery = (includeArchived = false) =>
  queryOptions({
    queryKey: [...taskSettingsKey, 'templates', includeArchived],
    queryFn: () =>
      api.get<{ items: TaskTemplate[] }>(
        `/api/settings/task-templates${includeArchived ? '?includeArchived=true' : ''}`,
      ),
    staleTime: FIVE_MINUTES,
  });

export const taskStatusesQuery = queryOptions({
  queryKey: [...taskSettingsKey, 'statuses'],
  queryFn: () => api.get<{ items: TaskStatus[] }>('/api/settings/task-statuses'),
  staleTime: FIVE_MINUTES,
});

export const dictionariesQuery = queryOptions({
  queryKey: [...taskSettingsKey, 'dictionaries'],
  queryFn: () => api.get<{ items: Dictionary[] }>('/api/settings/dictionaries'),
  staleTime: FIVE_MINUTES,
});

/**
 * Archived templates too: a task keeps its template after it is archived, and its results
 * must still be enterable and nameable.
 */
export const useTaskTemplates = () => useQuery(taskTemplatesQuery(true));
export const useTaskStatuses = () => useQuery(taskStatusesQuery);
export const useDictionaries = () => useQuery(dictionariesQuery);

/** Persons and companies by name or phone, for the pickers (C-11's search). */
export function useContactHits(term: string, kind?: 'person' | 'company') {
  const q = term.trim();
  return useQuery({
    queryKey: ['persons', 'search', 'tasks', kind ?? 'all', q],
    queryFn: () => {
      const params = new URLSearchParams({ q, limit: '10' });
      if (kind) params.set('kind', kind);
      return api.get<{ items: SearchHit[] }>(`/api/search?${params}`);
    },
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}
