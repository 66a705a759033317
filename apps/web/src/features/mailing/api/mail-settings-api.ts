import type { MailSettings, MailSettingsUpdate, MailTestResult } from '@spotter/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

const mailSettingsKey = ['mail-settings'] as const;

export function useMailSettings() {
  return useQuery({
    queryKey: mailSettingsKey,
    queryFn: () => api.get<MailSettings>('/api/mail-settings'),
  });
}

export function useSaveMailSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MailSettingsUpdate) => api.put<MailSettings>('/api/mail-settings', body),
    onSuccess: (saved) => qc.setQueryData(mailSettingsKey, saved),
  });
}

export function useSendTestMail() {
  return useMutation({
    mutationFn: (to: string) => api.post<MailTestResult>('/api/mail-settings/test', { to }),
  });
}
