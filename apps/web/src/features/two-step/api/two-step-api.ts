import type {
  RecoveryCodes,
  TwoStepProof,
  TwoStepSetup,
  TwoStepStatus,
  UserTwoStep,
} from '@spotter/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { meKey } from '../../auth/index.ts';

const statusKey = ['two-step'] as const;
const userKey = (id: string) => ['two-step', 'user', id] as const;

export function useTwoStepStatus() {
  return useQuery({
    queryKey: statusKey,
    queryFn: () => api.get<TwoStepStatus>('/api/me/two-step'),
  });
}

/** Any change to one's own two-step changes /api/me too (whether setup is still required). */
export function useRefreshTwoStep() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: statusKey }),
      qc.invalidateQueries({ queryKey: meKey }),
    ]);
}

export function useBeginSetup() {
  return useMutation({
    mutationFn: () => api.post<TwoStepSetup>('/api/me/two-step/setup'),
  });
}

/**
 * Refreshes nothing itself: the page would move on before the recovery codes were seen. The
 * setup refreshes once the user has kept them.
 */
export function useConfirmSetup() {
  return useMutation({
    mutationFn: (code: string) => api.post<RecoveryCodes>('/api/me/two-step/confirm', { code }),
  });
}

export function useDisableTwoStep() {
  const refresh = useRefreshTwoStep();
  return useMutation({
    mutationFn: (proof: TwoStepProof) => api.post<unknown>('/api/me/two-step/disable', proof),
    onSuccess: () => refresh(),
  });
}

export function useRenewRecoveryCodes() {
  const refresh = useRefreshTwoStep();
  return useMutation({
    mutationFn: (proof: TwoStepProof) =>
      api.post<RecoveryCodes>('/api/me/two-step/recovery-codes', proof),
    onSuccess: () => refresh(),
  });
}

export function useUserTwoStep(userId: string) {
  return useQuery({
    queryKey: userKey(userId),
    queryFn: () => api.get<UserTwoStep>(`/api/users/${userId}/two-step`),
  });
}

export function useResetUserTwoStep(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<unknown>(`/api/users/${userId}/two-step`),
    onSuccess: () => qc.invalidateQueries({ queryKey: userKey(userId) }),
  });
}
