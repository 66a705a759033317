import type { SmsSettings, SmsSettingsUpdate, SmsTestResult } from '@spotter/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

const smsSettingsKey = ['sms-settings'] as const;

export function useSmsSettings() {
  return useQuery({
    queryKey: smsSettingsKey,
    queryFn: () => api.get<SmsSettings>('/api/sms-settings'),
  });
}

export function useSaveSmsSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SmsSettingsUpdate) => api.put<SmsSettings>('/api/sms-settings', body),
    onSuccess: (saved) => qc.setQueryData(smsSettingsKey, saved),
  });
}

export function useSendTestSms() {
  return useMutation({
    mutationFn: (to: string) => api.post<SmsTestResult>('/api/sms-settings/test', { to }),
  });
}
