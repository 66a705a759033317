import type { User, UserCreate, UserUpdate } from '@spotter/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

const usersKey = ['users'] as const;
export const USERS_PAGE_SIZE = 25;

export function useUsers(page: number) {
  const offset = (page - 1) * USERS_PAGE_SIZE;
  return useQuery({
    queryKey: [...usersKey, { page }],
    queryFn: () =>
      api.get<{ items: User[]; total: number }>(
        `/api/users?limit=${USERS_PAGE_SIZE}&offset=${offset}`,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UserCreate) =>
      api.post<{ user: User; temporaryPassword: string }>('/api/users', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UserUpdate & { id: string }) =>
      api.patch<User>(`/api/users/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useResetPassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api.post<{ temporaryPassword: string }>(`/api/users/${id}/reset-password`),
    onSuccess: () => qc.invalidateQueries({ queryKey: usersKey }),
  });
}
