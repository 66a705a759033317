import type {
  MailPreview,
  MailPreviewResult,
  MailTemplate,
  MailTemplateCreate,
  MailTemplateUpdate,
} from '@spotter/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

const templatesKey = ['mail-templates'] as const;

export function useMailTemplates(enabled = true) {
  return useQuery({
    queryKey: templatesKey,
    queryFn: () => api.get<{ items: MailTemplate[] }>('/api/mail-templates'),
    enabled,
  });
}

export function useSaveMailTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string | null; body: MailTemplateCreate | MailTemplateUpdate }) =>
      input.id
        ? api.patch<MailTemplate>(`/api/mail-templates/${input.id}`, input.body)
        : api.post<MailTemplate>('/api/mail-templates', input.body),
    onSuccess: () => qc.invalidateQueries({ queryKey: templatesKey }),
  });
}

export function useDeleteMailTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`/api/mail-templates/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: templatesKey }),
  });
}

/** The text as it is being typed, filled in for the chosen person; the last answer stays shown. */
export function useMailPreview(input: MailPreview, enabled = true) {
  return useQuery({
    queryKey: ['mail-preview', input],
    queryFn: () => api.post<MailPreviewResult>('/api/mail-templates/preview', input),
    enabled: enabled && (input.subject.trim() !== '' || input.body.trim() !== ''),
    placeholderData: keepPreviousData,
  });
}
