import type { CrmSettings, CrmSettingsUpdate } from '@spotter/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { crmKey, crmSettingsQuery } from '../../../lib/crm-reference.ts';

export const useCrmSettings = () => useQuery(crmSettingsQuery);

export function useUpdateCrmSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CrmSettingsUpdate) => api.patch<CrmSettings>('/api/settings/crm', body),
    onSuccess: async (saved) => {
      qc.setQueryData(crmSettingsQuery.queryKey, saved);
      // The adult age decides who is a minor: persons, their families and the board say so.
      await Promise.all([
        qc.invalidateQueries({ queryKey: crmKey }),
        qc.invalidateQueries({ queryKey: ['persons'] }),
        qc.invalidateQueries({ queryKey: ['board'] }),
        qc.invalidateQueries({ queryKey: ['tasks'] }),
      ]);
    },
  });
}
