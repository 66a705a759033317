import type { MessageResult, PersonEmail, PersonSms } from '@spotter/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

/** The person's page queries (details, history) start with this; a sent message refreshes them. */
const personKey = (id: string) => ['persons', id];

export function useSendPersonEmail(personId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PersonEmail) =>
      api.post<MessageResult>(`/api/persons/${personId}/email`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: personKey(personId) }),
  });
}

export function useSendPersonSms(personId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PersonSms) => api.post<MessageResult>(`/api/persons/${personId}/sms`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: personKey(personId) }),
  });
}
