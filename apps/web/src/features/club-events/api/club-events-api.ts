import type {
  ClubEventType,
  ClubRule,
  ClubRuleConfig,
  EventLogEntry,
  EventReceipt,
  EventSource,
  EventSourceKind,
  MemberRecords,
} from '@spotter/contracts';
import {
  infiniteQueryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

const sourcesKey = ['event-sources'] as const;
const logKey = ['club-events'] as const;
const settingsKey = ['club-event-settings'] as const;
const recordsKey = (personId: string) => ['club-records', personId] as const;

/** What creating a source or rotating its secret answers: the secret, this once. */
export interface SourceSecret {
  source: EventSource;
  secret: string;
  url: string;
}

export function useEventSources(enabled = true) {
  return useQuery({
    queryKey: sourcesKey,
    queryFn: () => api.get<{ items: EventSource[] }>('/api/event-sources'),
    enabled,
  });
}

export function useCreateEventSource() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      name: string;
      kind: EventSourceKind;
      authToken?: string;
      forwardTo?: string | null;
    }) => api.post<SourceSecret>('/api/event-sources', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: sourcesKey }),
  });
}

export function useUpdateEventSource() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: {
      id: string;
      name?: string;
      kind?: EventSourceKind;
      enabled?: boolean;
      authToken?: string;
      forwardTo?: string | null;
      version: number;
    }) => api.patch<EventSource>(`/api/event-sources/${id}`, body),
    onSettled: () => qc.invalidateQueries({ queryKey: sourcesKey }),
  });
}

export function useRotateSecret() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, overlapHours }: { id: string; overlapHours: number }) =>
      api.post<SourceSecret>(`/api/event-sources/${id}/rotate-secret`, { overlapHours }),
    onSuccess: () => qc.invalidateQueries({ queryKey: sourcesKey }),
  });
}

export function useDeleteEventSource() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<unknown>(`/api/event-sources/${id}`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: sourcesKey });
      void qc.invalidateQueries({ queryKey: logKey });
    },
  });
}

export interface ClubEventSettings {
  autoLink: boolean;
  logDays: number;
  version: number;
}

export function useClubEventSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: () => api.get<ClubEventSettings>('/api/club-event-settings'),
  });
}

export function useSaveClubEventSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { autoLink?: boolean; logDays?: number; version: number }) =>
      api.put<ClubEventSettings>('/api/club-event-settings', body),
    onSuccess: (saved) => qc.setQueryData(settingsKey, saved),
  });
}

export interface EventLogFilters {
  sourceId?: string;
  type?: string;
  state?: 'accepted' | 'refused';
}

const PAGE = 30;

export const eventLogQuery = (filters: EventLogFilters) =>
  infiniteQueryOptions({
    queryKey: [...logKey, filters],
    queryFn: ({ pageParam }) => {
      const q = new URLSearchParams({ limit: String(PAGE) });
      for (const [key, value] of Object.entries(filters)) if (value) q.set(key, value);
      if (pageParam) q.set('cursor', pageParam);
      return api.get<{ items: EventLogEntry[]; nextCursor: string | null }>(
        `/api/club-events?${q}`,
      );
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

/** The event log, newest first, a page at a time; refreshed while something waits to run. */
export function useEventLog(filters: EventLogFilters) {
  return useInfiniteQuery({
    ...eventLogQuery(filters),
    refetchInterval: (query) =>
      query.state.data?.pages.some((p) =>
        p.items.some((e) => e.state === 'accepted' && !e.processedAt),
      )
        ? 1500
        : false,
  });
}

export function useSendTestEvent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      sourceId,
      ...body
    }: {
      sourceId: string;
      type: ClubEventType;
      occurredAt?: string;
      data: Record<string, unknown>;
    }) => api.post<EventReceipt>(`/api/event-sources/${sourceId}/test-event`, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: logKey });
      void qc.invalidateQueries({ queryKey: sourcesKey });
      void qc.invalidateQueries({ queryKey: ['club-records'] });
    },
  });
}

/** A person's contracts, bookings, visits and payments as the club's systems sent them. */
export function useMemberRecords(personId: string) {
  return useQuery({
    queryKey: recordsKey(personId),
    queryFn: () => api.get<MemberRecords>(`/api/persons/${personId}/club-records`),
  });
}

const rulesKey = ['club-event-rules'] as const;

export interface ClubRulesAnswer {
  rules: Record<ClubRule, ClubRuleConfig>;
  version: number;
}

/** What events turn into: each rule's switch, card, assignee, offset and time of day. */
export function useClubRules() {
  return useQuery({
    queryKey: rulesKey,
    queryFn: () => api.get<ClubRulesAnswer>('/api/club-event-rules'),
  });
}

export function useSaveClubRules() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { rules: Partial<Record<ClubRule, ClubRuleConfig>>; version: number }) =>
      api.put<ClubRulesAnswer>('/api/club-event-rules', body),
    onSuccess: (saved) => qc.setQueryData(rulesKey, saved),
  });
}

/** The organization's task templates, for a rule's card. */
export function useTaskTemplateOptions() {
  return useQuery({
    queryKey: ['club-event-rules', 'templates'],
    queryFn: () =>
      api.get<{ items: Array<{ id: string; name: string; type: string }> }>(
        '/api/settings/task-templates',
      ),
  });
}
