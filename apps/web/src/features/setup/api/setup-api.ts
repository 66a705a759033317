import type { Me, SetupBody } from '@spotter/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

export const setupStatusKey = ['setup'] as const;

export const setupStatusQuery = queryOptions({
  queryKey: setupStatusKey,
  queryFn: () => api.get<{ needed: boolean }>('/api/setup'),
});

export function useSetupStatus() {
  return useQuery(setupStatusQuery);
}

export function useSetup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SetupBody) => api.post<Me>('/api/setup', body),
    onSuccess: (me) => {
      qc.clear();
      qc.setQueryData(setupStatusKey, { needed: false });
      qc.setQueryData(['me'], me);
    },
  });
}
