import type {
  Control,
  FamilyNewPerson,
  FamilyRelation,
  Person,
  PersonCreate,
  RelationCreate,
  Task,
  TaskCreate,
  TaskList,
  TaskListQueryInput,
  TaskResultBody,
  TaskUndoResult,
  TaskUpdate,
} from '@spotter/contracts';
import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { api, isApiError } from '../../../lib/api.ts';

/** Every task list, detail, control table and round lives under this key (live updates refresh it). */
export const tasksKey = ['tasks'] as const;
export const taskKey = (id: string) => [...tasksKey, 'detail', id] as const;

/** GET /api/tasks query string: lists repeat the key (`templateId=a&templateId=b`). */
export function taskListParams(query: TaskListQueryInput): URLSearchParams {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value) q.append(key, String(v));
    else q.set(key, String(value));
  }
  return q;
}

export function useTaskList(query: TaskListQueryInput, enabled = true) {
  const qs = taskListParams(query).toString();
  return useQuery({
    queryKey: [...tasksKey, 'list', qs],
    queryFn: () => api.get<TaskList>(`/api/tasks?${qs}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useTask(id: string | null | undefined) {
  return useQuery({
    queryKey: taskKey(id ?? ''),
    queryFn: () => api.get<Task>(`/api/tasks/${id}`),
    enabled: Boolean(id),
  });
}

/** The open tasks of one person or company, soonest first (the card's Tasks section). */
export function useContactTasks(contactId: string | null | undefined) {
  return useTaskList({ contactId: contactId ?? undefined, state: 'open', limit: 50 }, !!contactId);
}

export function useControl(branchIds: string[] = [], enabled = true) {
  const q = new URLSearchParams();
  for (const id of branchIds) q.append('branchId', id);
  return useQuery({
    queryKey: [...tasksKey, 'control', q.toString()],
    queryFn: () => api.get<Control>(`/api/tasks/control?${q}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/**
 * After any task write: every task list, the board, the badge, and the history of the task's
 * person or company (a result writes an entry there).
 */
export function refreshAfterTaskWrite(qc: QueryClient, ...touched: (Task | null | undefined)[]) {
  const jobs = [
    qc.invalidateQueries({ queryKey: tasksKey }),
    qc.invalidateQueries({ queryKey: ['board'] }),
    qc.invalidateQueries({ queryKey: ['badge'] }),
  ];
  for (const task of touched) {
    const contact = task?.contact;
    if (!contact) continue;
    const collection = contact.kind === 'person' ? 'persons' : 'companies';
    jobs.push(qc.invalidateQueries({ queryKey: [collection, contact.id, 'history'] }));
  }
  return Promise.all(jobs);
}

export function useCreateTask() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TaskCreate) => api.post<Task>('/api/tasks', body),
    onSuccess: (task) => refreshAfterTaskWrite(qc, task),
  });
}

export function useUpdateTask() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: TaskUpdate & { id: string }) =>
      api.patch<Task>(`/api/tasks/${id}`, body),
    onSuccess: (task) => {
      qc.setQueryData(taskKey(task.id), task);
      return refreshAfterTaskWrite(qc, task);
    },
  });
}

export function useDeleteTask() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/tasks/${id}`),
    onSuccess: (_, id) => {
      qc.removeQueries({ queryKey: taskKey(id) });
      return refreshAfterTaskWrite(qc);
    },
  });
}

/**
 * "Take into work" (T-6), `release: true` to let it go, `takeOver: true` to take it from
 * whoever has it. A 409 `task_taken` means the page showed it free: it is refreshed.
 */
export function useTakeTask() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      release = false,
      takeOver = false,
    }: {
      id: string;
      release?: boolean;
      takeOver?: boolean;
    }) => api.post<Task>(`/api/tasks/${id}/take`, { release, takeOver }),
    onSuccess: (task) => {
      qc.setQueryData(taskKey(task.id), task);
      return refreshAfterTaskWrite(qc, task);
    },
    onError: (err) => {
      if (isApiError(err, 'task_taken')) void refreshAfterTaskWrite(qc);
    },
  });
}

export interface ResultAnswer {
  task: Task;
  nextTask: Task | null;
}

/** Enters a result: completes the task and maybe creates the next one (T-4, T-5). */
export function useEnterResult() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: TaskResultBody & { id: string }) =>
      api.post<ResultAnswer>(`/api/tasks/${id}/result`, body),
    onSuccess: (res) => {
      qc.setQueryData(taskKey(res.task.id), res.task);
      return refreshAfterTaskWrite(qc, res.task, res.nextTask);
    },
  });
}

/** A person created from the "new call" dialog: name and phone only (T-9). */
export function useQuickPerson() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PersonCreate) => api.post<{ person: Person }>('/api/persons', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['persons'] }),
  });
}

/**
 * "Calling about a child" (issue 17): a new child of a parent who may have been added a moment
 * ago in the same dialog, so the parent's id comes with the call rather than with the hook.
 */
export function useAddChildFor() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      parentId,
      roleId,
      person,
    }: {
      parentId: string;
      roleId: string | null;
      person: FamilyNewPerson;
    }) =>
      api.post<{ relation: FamilyRelation; created: boolean }>(
        `/api/persons/${parentId}/relations`,
        { as: 'child', roleId, person } satisfies RelationCreate,
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['persons'] }),
  });
}

/**
 * "Undo" after a result (issue 10): the task open again without it; the next step it created
 * is gone too unless someone has worked on it (then `keptNext` names it).
 */
export async function undoResult(qc: QueryClient, res: ResultAnswer): Promise<TaskUndoResult> {
  const undone = await api.post<TaskUndoResult>(`/api/tasks/${res.task.id}/undo-result`, {
    version: res.task.version,
  });
  qc.setQueryData(taskKey(undone.task.id), undone.task);
  if (undone.removedNextId) qc.removeQueries({ queryKey: taskKey(undone.removedNextId) });
  await refreshAfterTaskWrite(qc, undone.task);
  return undone;
}

/** "Undo" after deleting a task: it comes back as it was (a round with its calls). */
export async function restoreTask(qc: QueryClient, id: string): Promise<Task> {
  const task = await api.post<Task>(`/api/tasks/${id}/restore`);
  qc.setQueryData(taskKey(task.id), task);
  await refreshAfterTaskWrite(qc, task);
  return task;
}
