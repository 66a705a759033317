import type { Badge, CalendarFeed, Notification } from '@spotter/contracts';
import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

export const badgeKey = ['badge'] as const;
export const notificationsKey = ['notifications'] as const;

export interface NotificationPage {
  items: Notification[];
  nextCursor: string | null;
  unread: number;
}

/**
 * The to-dos next to "Tasks" (T-10). Live events refresh it; the interval covers what no
 * event announces: midnight, when tomorrow's to-dos become today's.
 */
export const badgeQuery = queryOptions({
  queryKey: badgeKey,
  queryFn: () => api.get<Badge>('/api/me/badge'),
  staleTime: 30_000,
  refetchInterval: 5 * 60_000,
});

export const useBadge = (enabled: boolean) => useQuery({ ...badgeQuery, enabled });

const PAGE = 15;

export const notificationListQuery = infiniteQueryOptions({
  queryKey: [...notificationsKey, 'list'],
  queryFn: ({ pageParam }) => {
    const q = new URLSearchParams({ limit: String(PAGE) });
    if (pageParam) q.set('cursor', pageParam);
    return api.get<NotificationPage>(`/api/notifications?${q}`);
  },
  initialPageParam: null as string | null,
  getNextPageParam: (last) => last.nextCursor,
});

/** Only loaded while the list is open: the bell's count comes with the badge. */
export const useNotificationList = (enabled: boolean) =>
  useInfiniteQuery({ ...notificationListQuery, enabled });

function useRefreshAfter<V, R>(fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: notificationsKey }),
        qc.invalidateQueries({ queryKey: badgeKey }),
      ]),
  });
}

export const useMarkRead = () =>
  useRefreshAfter((id: string) => api.post<Notification>(`/api/notifications/${id}/read`));

export const useMarkAllRead = () =>
  useRefreshAfter(() => api.post<void>('/api/notifications/read-all'));

// ---------------------------------------------------------------- calendar feed

const feedKey = ['calendar-feed'] as const;

export const useCalendarFeed = (enabled: boolean) =>
  useQuery({
    queryKey: feedKey,
    queryFn: () => api.get<CalendarFeed>('/api/me/calendar-feed'),
    enabled,
  });

/** Creates the feed or replaces its secret: the answer is the only time the URL is shown. */
export function useRotateCalendarFeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<CalendarFeed>('/api/me/calendar-feed'),
    // The list query never shows the URL again, so only its "active" flag is kept.
    onSuccess: (feed) => qc.setQueryData(feedKey, { url: null, active: feed.active }),
  });
}

export function useRevokeCalendarFeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<void>('/api/me/calendar-feed'),
    onSuccess: () => qc.setQueryData<CalendarFeed>(feedKey, { url: null, active: false }),
  });
}
