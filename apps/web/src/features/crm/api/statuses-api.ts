import type { ContactKind, Status, StatusCreate, StatusUpdate } from '@spotter/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { crmKey, statusesQuery } from '../../../lib/crm-reference.ts';

/** The settings page lists archived statuses too, so they can be restored. */
export const useStatusList = (entity: ContactKind) => useQuery(statusesQuery(entity, true));

export function useCreateStatus() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: StatusCreate) => api.post<Status>('/api/settings/statuses', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: crmKey }),
  });
}

export function useUpdateStatus() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: StatusUpdate & { id: string }) =>
      api.patch<Status>(`/api/settings/statuses/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: crmKey }),
  });
}

export function useDeleteStatus() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/settings/statuses/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: crmKey }),
  });
}
