import type { BulkBody, Company, ContactKind, Person, SearchHit } from '@spotter/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { countQueryString, listPath, listQueryString } from '../list-params.ts';
import type { ListSearch } from '../list-search.ts';

export type ContactRow = Person | Company;
export interface ContactPage {
  items: ContactRow[];
  nextCursor: string | null;
  prevCursor: string | null;
}
export interface ContactCount {
  total: number;
  /** More match than `total` (the API's cap): the UI says "10,000+". */
  capped: boolean;
}

/** `['persons']` or `['companies']`: every list and card of that kind lives under it. */
export const contactsKey = (kind: ContactKind) => [listPath(kind)] as const;

export function useContactList(kind: ContactKind, search: ListSearch) {
  const query = listQueryString(search);
  return useQuery({
    queryKey: [...contactsKey(kind), 'list', query],
    queryFn: () => api.get<ContactPage>(`/api/${listPath(kind)}?${query}`),
    placeholderData: keepPreviousData,
  });
}

/**
 * How many rows the filters match, asked once per filter (page turns and sorting reuse it),
 * counted by the API up to its cap.
 */
export function useContactCount(kind: ContactKind, search: ListSearch) {
  const query = countQueryString(search);
  return useQuery({
    queryKey: [...contactsKey(kind), 'count', query],
    queryFn: async () => {
      const page = await api.get<{ total?: number; capped?: boolean }>(
        `/api/${listPath(kind)}?${query}`,
      );
      return { total: page.total ?? 0, capped: page.capped ?? false } satisfies ContactCount;
    },
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useBulkAction(kind: ContactKind) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkBody) =>
      api.post<{ affected: number }>(`/api/${listPath(kind)}/bulk`, body),
    onSettled: () => qc.invalidateQueries({ queryKey: contactsKey(kind) }),
  });
}

export function useContactSearch(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: ['persons', 'search', term],
    queryFn: () =>
      api.get<{ items: SearchHit[] }>(
        `/api/search?${new URLSearchParams({ q: term, limit: '10' })}`,
      ),
    enabled: term.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}
