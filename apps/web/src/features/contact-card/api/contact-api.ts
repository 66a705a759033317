import type {
  Company,
  CompanyCreate,
  CompanyUpdate,
  ContactKind,
  Duplicate,
  HistoryEntry,
  Person,
  PersonCreate,
  PersonUpdate,
  SearchHit,
} from '@spotter/contracts';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

/** `persons` / `companies`: the URL segment and the query key prefix of a kind. */
export const collectionOf = (kind: ContactKind) => (kind === 'person' ? 'persons' : 'companies');

export interface ContactByKind {
  person: Person;
  company: Company;
}
export interface UpdateByKind {
  person: PersonUpdate;
  company: CompanyUpdate;
}

export const detailKey = (kind: ContactKind, id: string) => [collectionOf(kind), 'detail', id];
export const historyKey = (kind: ContactKind, id: string) => [collectionOf(kind), id, 'history'];
/** Duplicates a create answered with, shown once on the new record's page (C-13). */
export const createdDuplicatesKey = (kind: ContactKind, id: string) => [
  collectionOf(kind),
  id,
  'created-duplicates',
];

export function useContact<K extends ContactKind>(kind: K, id: string, enabled = true) {
  return useQuery({
    queryKey: detailKey(kind, id),
    queryFn: () => api.get<ContactByKind[K]>(`/api/${collectionOf(kind)}/${id}`),
    enabled: enabled && id !== '',
  });
}

/** After any write the lists and details of that kind refresh; a person's company shows it too. */
function useInvalidate() {
  const qc = useQueryClient();
  return (kind: ContactKind) =>
    Promise.all([
      qc.invalidateQueries({ queryKey: [collectionOf(kind)] }),
      // Persons appear on their company's page and companies on their persons' pages.
      qc.invalidateQueries({ queryKey: [collectionOf(kind === 'person' ? 'company' : 'person')] }),
      qc.invalidateQueries({ queryKey: ['trash'] }),
    ]);
}

export function useCreatePerson() {
  const qc = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: PersonCreate) =>
      api.post<{ person: Person; duplicates: Duplicate[] }>('/api/persons', body),
    onSuccess: async (res) => {
      qc.setQueryData(createdDuplicatesKey('person', res.person.id), res.duplicates);
      await invalidate('person');
    },
  });
}

export function useCreateCompany() {
  const qc = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CompanyCreate) =>
      api.post<{ company: Company; duplicates: Duplicate[]; contactPersonId: string | null }>(
        '/api/companies',
        body,
      ),
    onSuccess: async (res) => {
      qc.setQueryData(createdDuplicatesKey('company', res.company.id), res.duplicates);
      await invalidate('company');
      if (res.contactPersonId) await invalidate('person');
    },
  });
}

export function useUpdateContact<K extends ContactKind>(kind: K, id: string) {
  const qc = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: UpdateByKind[K]) =>
      api.patch<ContactByKind[K]>(`/api/${collectionOf(kind)}/${id}`, body),
    onSuccess: async (saved) => {
      qc.setQueryData(detailKey(kind, id), saved);
      await Promise.all([
        invalidate(kind),
        qc.invalidateQueries({ queryKey: historyKey(kind, id) }),
      ]);
    },
  });
}

export function useDeleteContact(kind: ContactKind, id: string) {
  const qc = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => api.delete<void>(`/api/${collectionOf(kind)}/${id}`),
    onSuccess: async () => {
      qc.removeQueries({ queryKey: detailKey(kind, id) });
      await invalidate(kind);
    },
  });
}

/**
 * "Undo" after a delete (issue 10): the record back from the trash. Whoever deleted it may;
 * anyone else needs the trash (admins).
 */
export function useRestoreContact(kind: ContactKind, id: string) {
  const invalidate = useInvalidate();
  return async () => {
    await api.post<unknown>(`/api/${collectionOf(kind)}/${id}/restore`);
    await invalidate(kind);
  };
}

export function useMergeContact<K extends ContactKind>(kind: K, targetId: string) {
  const qc = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (sourceId: string) =>
      api.post<ContactByKind[K]>(`/api/${collectionOf(kind)}/merge`, { targetId, sourceId }),
    onSuccess: async (merged, sourceId) => {
      qc.removeQueries({ queryKey: detailKey(kind, sourceId) });
      qc.setQueryData(detailKey(kind, targetId), merged);
      await invalidate(kind);
    },
  });
}

export function useHistory(kind: ContactKind, id: string) {
  return useInfiniteQuery({
    queryKey: historyKey(kind, id),
    queryFn: ({ pageParam }) => {
      const q = new URLSearchParams({ limit: '20' });
      if (pageParam) q.set('cursor', pageParam);
      return api.get<{ items: HistoryEntry[]; nextCursor: string | null }>(
        `/api/${collectionOf(kind)}/${id}/history?${q}`,
      );
    },
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useAddNote(kind: ContactKind, id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { text: string; typeId: string | null }) =>
      api.post<HistoryEntry>(`/api/${collectionOf(kind)}/${id}/history`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: historyKey(kind, id) }),
  });
}

/** C-16: everything about one person, as a JSON file (the server logs it in the history). */
export function useExportPerson(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.get<unknown>(`/api/persons/${id}/export`),
    onSuccess: async (data) => {
      const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `person-${id}.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      await qc.invalidateQueries({ queryKey: historyKey('person', id) });
    },
  });
}

export function useErasePerson(id: string) {
  const qc = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => api.post<Person>(`/api/persons/${id}/erase`),
    onSuccess: async (erased) => {
      qc.setQueryData(detailKey('person', id), erased);
      await Promise.all([
        invalidate('person'),
        qc.invalidateQueries({ queryKey: historyKey('person', id) }),
      ]);
    },
  });
}

/** Persons or companies matching what was typed, for pickers (C-11). */
export function useContactSearch(kind: ContactKind, q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: [collectionOf(kind), 'search', term],
    queryFn: () =>
      api.get<{ items: SearchHit[] }>(
        `/api/search?${new URLSearchParams({ q: term, kind, limit: '10' })}`,
      ),
    enabled: term.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

/** "Already in the CRM" while the phone or email is being typed (C-13). */
export function useDuplicateCheck(
  kind: ContactKind,
  phones: string[],
  emails: string[],
  excludeId?: string,
) {
  return useQuery({
    queryKey: [collectionOf(kind), 'duplicates', phones, emails, excludeId ?? null],
    queryFn: () =>
      api.post<{ items: Duplicate[] }>('/api/contacts/duplicates', {
        kind,
        phones,
        emails,
        ...(excludeId ? { excludeId } : {}),
      }),
    enabled: phones.length + emails.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}
