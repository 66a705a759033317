import type { Lookup, LookupCreate, LookupKind, LookupUpdate } from '@spotter/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { crmKey, lookupsQuery } from '../../../lib/crm-reference.ts';

/** Archived entries included (to restore them) and how many contacts use each. */
export const useLookupList = (kind: LookupKind) => useQuery(lookupsQuery(kind, true, true));

export function useCreateLookup(kind: LookupKind) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LookupCreate) => api.post<Lookup>(`/api/settings/${kind}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: crmKey }),
  });
}

export function useUpdateLookup(kind: LookupKind) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: LookupUpdate & { id: string }) =>
      api.patch<Lookup>(`/api/settings/${kind}/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: crmKey }),
  });
}

export function useDeleteLookup(kind: LookupKind) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/settings/${kind}/${id}`),
    // The entry is also gone from every contact that used it.
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: crmKey }),
        qc.invalidateQueries({ queryKey: ['persons'] }),
        qc.invalidateQueries({ queryKey: ['companies'] }),
      ]),
  });
}

/** "Move all companies of industry A to industry B" (also for sources). */
export function useMoveLookup(kind: LookupKind) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, targetId }: { id: string; targetId: string }) =>
      api.post<{ moved: number }>(`/api/settings/${kind}/${id}/move`, { targetId }),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: crmKey }),
        qc.invalidateQueries({ queryKey: ['persons'] }),
        qc.invalidateQueries({ queryKey: ['companies'] }),
      ]),
  });
}
