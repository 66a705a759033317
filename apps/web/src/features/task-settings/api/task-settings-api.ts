import type {
  Dictionary,
  DictionaryCreate,
  DictionaryUpdate,
  TaskResult,
  TaskResultCreate,
  TaskResultUpdate,
  TaskStatus,
  TaskStatusCreate,
  TaskStatusUpdate,
  TaskTemplate,
  TaskTemplateCreate,
  TaskTemplateUpdate,
} from '@spotter/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

/**
 * Every key starts with `task-settings`, the prefix the task pages read too: a change here
 * refreshes the templates, statuses and dictionaries wherever they are shown.
 */
export const taskSettingsKey = ['task-settings'] as const;

/** The settings pages show archived entries too, so they can be restored. */
export const templatesQuery = queryOptions({
  queryKey: [...taskSettingsKey, 'templates', { includeArchived: true }],
  queryFn: () =>
    api.get<{ items: TaskTemplate[] }>('/api/settings/task-templates?includeArchived=true'),
});

export const taskStatusesQuery = queryOptions({
  queryKey: [...taskSettingsKey, 'statuses', { includeArchived: true }],
  queryFn: () =>
    api.get<{ items: TaskStatus[] }>('/api/settings/task-statuses?includeArchived=true'),
});

export const dictionariesQuery = queryOptions({
  queryKey: [...taskSettingsKey, 'dictionaries', { includeArchived: true }],
  queryFn: () =>
    api.get<{ items: Dictionary[] }>('/api/settings/dictionaries?includeArchived=true'),
});

export const useTemplates = () => useQuery(templatesQuery);
export const useTaskStatuses = () => useQuery(taskStatusesQuery);
export const useDictionaries = () => useQuery(dictionariesQuery);

/** A mutation that refreshes every task-settings list once it is done. */
function useSettingsMutation<V, R>(fn: (vars: V) => Promise<R>, alsoTasks = false) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: taskSettingsKey }),
        // Template and status names and colours show on every task and card.
        ...(alsoTasks
          ? [
              qc.invalidateQueries({ queryKey: ['tasks'] }),
              qc.invalidateQueries({ queryKey: ['board'] }),
            ]
          : []),
      ]),
  });
}

// ---------------------------------------------------------------- templates

const TEMPLATES = '/api/settings/task-templates';

export const useCreateTemplate = () =>
  useSettingsMutation((body: TaskTemplateCreate) => api.post<TaskTemplate>(TEMPLATES, body));

export const useUpdateTemplate = () =>
  useSettingsMutation(
    ({ id, ...body }: TaskTemplateUpdate & { id: string }) =>
      api.patch<TaskTemplate>(`${TEMPLATES}/${id}`, body),
    true,
  );

/** Removed when no task uses it; otherwise the server archives it and says so. */
export const useDeleteTemplate = () =>
  useSettingsMutation((id: string) => api.delete<{ archived: boolean }>(`${TEMPLATES}/${id}`));

export const useCreateResult = () =>
  useSettingsMutation(({ templateId, ...body }: TaskResultCreate & { templateId: string }) =>
    api.post<TaskResult>(`${TEMPLATES}/${templateId}/results`, body),
  );

export const useUpdateResult = () =>
  useSettingsMutation(
    ({ templateId, id, ...body }: TaskResultUpdate & { templateId: string; id: string }) =>
      api.patch<TaskResult>(`${TEMPLATES}/${templateId}/results/${id}`, body),
    true,
  );

export const useDeleteResult = () =>
  useSettingsMutation(({ templateId, id }: { templateId: string; id: string }) =>
    api.delete<{ archived: boolean }>(`${TEMPLATES}/${templateId}/results/${id}`),
  );

// ---------------------------------------------------------------- statuses

const STATUSES = '/api/settings/task-statuses';

export const useCreateTaskStatus = () =>
  useSettingsMutation((body: TaskStatusCreate) => api.post<TaskStatus>(STATUSES, body));

export const useUpdateTaskStatus = () =>
  useSettingsMutation(
    ({ id, ...body }: TaskStatusUpdate & { id: string }) =>
      api.patch<TaskStatus>(`${STATUSES}/${id}`, body),
    true,
  );

export const useDeleteTaskStatus = () =>
  useSettingsMutation((id: string) => api.delete<{ archived: boolean }>(`${STATUSES}/${id}`), true);

// ---------------------------------------------------------------- dictionaries

const DICTIONARIES = '/api/settings/dictionaries';

export const useCreateDictionary = () =>
  useSettingsMutation((body: DictionaryCreate) => api.post<Dictionary>(DICTIONARIES, body));

export const useUpdateDictionary = () =>
  useSettingsMutation(({ id, ...body }: DictionaryUpdate & { id: string }) =>
    api.patch<Dictionary>(`${DICTIONARIES}/${id}`, body),
  );

export const useDeleteDictionary = () =>
  useSettingsMutation((id: string) => api.delete<unknown>(`${DICTIONARIES}/${id}`));

/** One PATCH (to `urlOf(id)`) per entry whose position changes; the reorder helper finds them. */
const useReorder = (urlOf: (id: string) => string) =>
  useSettingsMutation(async (patches: { id: string; position: number }[]) => {
    for (const p of patches) await api.patch(urlOf(p.id), { position: p.position });
  });

export const useReorderTaskSettings = (base: 'task-templates' | 'task-statuses') =>
  useReorder((id) => `/api/settings/${base}/${id}`);

/** Results are reordered within their template. */
export const useReorderResults = (templateId: string) =>
  useReorder((id) => `${TEMPLATES}/${templateId}/results/${id}`);
