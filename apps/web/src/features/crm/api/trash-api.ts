import type { Company, ContactKind, Person, trashListSchema } from '@spotter/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../lib/api.ts';

export type TrashList = z.infer<typeof trashListSchema>;
export type TrashItem = TrashList['items'][number];

export const trashKey = ['trash'] as const;

export interface TrashFilter {
  kind: ContactKind | null;
  search: string;
  limit: number;
  offset: number;
}

export function trashQueryString(f: TrashFilter): string {
  const q = new URLSearchParams();
  if (f.kind) q.set('kind', f.kind);
  const search = f.search.trim();
  if (search) q.set('search', search);
  q.set('limit', String(f.limit));
  q.set('offset', String(f.offset));
  return q.toString();
}

export function useTrash(filter: TrashFilter) {
  return useQuery({
    queryKey: [...trashKey, filter],
    queryFn: () => api.get<TrashList>(`/api/trash?${trashQueryString(filter)}`),
    placeholderData: keepPreviousData,
  });
}

const invalidateContacts = (qc: ReturnType<typeof useQueryClient>) =>
  Promise.all([
    qc.invalidateQueries({ queryKey: trashKey }),
    qc.invalidateQueries({ queryKey: ['persons'] }),
    qc.invalidateQueries({ queryKey: ['companies'] }),
  ]);

export function useRestore() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (item: Pick<TrashItem, 'id' | 'kind'>) =>
      api.post<Person | Company>(
        `/api/${item.kind === 'person' ? 'persons' : 'companies'}/${item.id}/restore`,
      ),
    onSuccess: () => invalidateContacts(qc),
  });
}

export function usePurge() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/trash/${id}`),
    onSuccess: () => invalidateContacts(qc),
  });
}
