import type { LoginBody, LoginResult, Me, MeUpdate, PasswordChange } from '@spotter/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../../lib/api.ts';

export const meKey = ['me'] as const;

/** The signed-in user, or null when nobody is (a 401 is an answer here, not an error). */
async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/api/me');
  } catch (e) {
    if (isApiError(e) && e.status === 401) return null;
    throw e;
  }
}

export const meQuery = queryOptions({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000 });

export function useMe() {
  return useQuery(meQuery);
}

/** The password step: signed in, or (two-step on) a code is asked for next. */
export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api.post<LoginResult>('/api/auth/login', body),
    onSuccess: (result) => {
      if (!('user' in result)) return;
      qc.clear();
      qc.setQueryData(meKey, result);
    },
  });
}

/** The code step, with a code from the authenticator app or a recovery code. */
export function useLoginCode() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post<Me>('/api/auth/login/code', { code }),
    onSuccess: (me) => {
      qc.clear();
      qc.setQueryData(meKey, me);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<unknown>('/api/auth/logout'),
    onSettled: () => {
      // Nothing of the previous user may stay in the cache for the next one at this desk.
      qc.clear();
      qc.setQueryData(meKey, null);
    },
  });
}

export function useUpdateMe() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MeUpdate) => api.patch<Me>('/api/me', body),
    onSuccess: (me) => qc.setQueryData(meKey, me),
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PasswordChange) => api.post<unknown>('/api/me/password', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: meKey }),
  });
}
