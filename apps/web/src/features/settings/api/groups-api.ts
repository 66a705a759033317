import type { Group, GroupCreate, GroupDeleteResult, GroupUpdate } from '@spotter/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { crmKey } from '../../../lib/crm-reference.ts';

/** Every change refreshes each group list (settings, pickers, filters). */
const groupsKey = [...crmKey, 'groups'] as const;

export function useCreateGroup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: GroupCreate) => api.post<Group>('/api/groups', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: groupsKey }),
  });
}

export function useUpdateGroup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: GroupUpdate & { id: string }) =>
      api.patch<Group>(`/api/groups/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: groupsKey }),
  });
}

/** Deletes a group nobody uses; one in use is archived instead (the answer says which). */
export function useDeleteGroup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<GroupDeleteResult>(`/api/groups/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: groupsKey }),
  });
}
