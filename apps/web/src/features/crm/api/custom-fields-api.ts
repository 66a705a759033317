import type {
  ContactKind,
  CustomField,
  CustomFieldCreate,
  CustomFieldUpdate,
} from '@spotter/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { crmKey, customFieldsQuery } from '../../../lib/crm-reference.ts';

export const useCustomFieldList = (entity: ContactKind) =>
  useQuery(customFieldsQuery(entity, true));

export function useCreateCustomField() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CustomFieldCreate) =>
      api.post<CustomField>('/api/settings/custom-fields', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: crmKey }),
  });
}

export function useUpdateCustomField() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: CustomFieldUpdate & { id: string }) =>
      api.patch<CustomField>(`/api/settings/custom-fields/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: crmKey }),
  });
}

export function useDeleteCustomField() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/settings/custom-fields/${id}`),
    // The field's values are removed from every contact too.
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: crmKey }),
        qc.invalidateQueries({ queryKey: ['persons'] }),
        qc.invalidateQueries({ queryKey: ['companies'] }),
      ]),
  });
}
