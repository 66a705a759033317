import type { Organization, OrganizationUpdate } from '@spotter/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

export const organizationKey = ['organization'] as const;

export function useOrganization() {
  return useQuery({
    queryKey: organizationKey,
    queryFn: () => api.get<Organization>('/api/organization'),
  });
}

export function useUpdateOrganization() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganizationUpdate) => api.patch<Organization>('/api/organization', body),
    onSuccess: async (org) => {
      qc.setQueryData(organizationKey, org);
      // The header shows the club's name and the UI may follow the club's language.
      await qc.invalidateQueries({ queryKey: ['me'] });
    },
  });
}
