import type { Branch, BranchCreate, BranchUpdate } from '@spotter/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

const branchesKey = ['branches'] as const;

export function useBranches(includeArchived: boolean) {
  return useQuery({
    queryKey: [...branchesKey, { includeArchived }],
    queryFn: () => api.get<{ items: Branch[] }>(`/api/branches?includeArchived=${includeArchived}`),
  });
}

export function useCreateBranch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BranchCreate) => api.post<Branch>('/api/branches', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: branchesKey }),
  });
}

export function useUpdateBranch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: BranchUpdate & { id: string }) =>
      api.patch<Branch>(`/api/branches/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: branchesKey }),
  });
}
