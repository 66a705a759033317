import { notifications } from '@mantine/notifications';
import type { Notification } from '@spotter/contracts';
import { LIVE_EVENT_TYPES, type LiveEvent } from '@spotter/contracts/live-events';
import { IconBell } from '@tabler/icons-react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../lib/api.ts';
import type { NotificationPage } from '../api/notifications-api.ts';
import { NotificationToast } from '../components/notification-toast.tsx';
import { freshNotifications } from '../components/notification-text.ts';
import {
  isContactHistoryKey,
  mergeRefresh,
  nextRetryDelay,
  parseLiveEvent,
  refreshFor,
  type IncomingCall,
  type Refresh,
} from './live-events.ts';

/** Events arriving this close together refresh the queries once (well within T-12's second). */
const BATCH_MS = 150;

function applyRefresh(qc: QueryClient, refresh: Refresh) {
  for (const queryKey of refresh.keys) void qc.invalidateQueries({ queryKey });
  if (refresh.contactHistory) {
    void qc.invalidateQueries({ predicate: (q) => isContactHistoryKey(q.queryKey) });
  }
}

/**
 * T-12: one Server-Sent Events stream per signed-in page. Task changes anywhere in the
 * organization refresh the lists, the board and the badge; the user's own notifications pop
 * up as a toast with a link to the task. EventSource reconnects by itself; when the server
 * refused the stream we reconnect with a back-off. After any reconnect everything is
 * refreshed once, since events sent while the stream was down are lost.
 */
export function useLiveEvents(
  enabled: boolean,
  opts: {
    /** A known person is calling the user's branch: the app pops up their card. */
    onIncomingCall?: (call: IncomingCall) => void;
  } = {},
) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { t } = useTranslation('notifications');
  // The stream outlives renders: it reads the latest translator, router and callback through a ref.
  const latest = useRef({ t, navigate, onIncomingCall: opts.onIncomingCall });
  latest.current = { t, navigate, onIncomingCall: opts.onIncomingCall };

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let stopped = false;
    let everOpened = false;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let retryDelay = 0;
    let batch: Refresh[] = [];
    let batchTimer: ReturnType<typeof setTimeout> | undefined;
    const shown = new Set<string>();
    // Only notifications newer than the newest one when the page opened pop up.
    let since: Promise<string | null> | null = null;

    const newestNow = () =>
      api
        .get<NotificationPage>('/api/notifications?limit=1')
        .then((page) => page.items[0]?.createdAt ?? null)
        .catch(() => null);

    const toast = (n: Notification) => {
      shown.add(n.id);
      const { t: tr, navigate: go } = latest.current;
      notifications.show({
        id: `notification-${n.id}`,
        color: n.kind === 'reminder' ? 'orange' : n.kind === 'check_in' ? 'teal' : 'blue',
        icon: <IconBell size={18} />,
        title: tr(`kinds.${n.kind}`),
        autoClose: 12_000,
        message: (
          <NotificationToast
            notification={n}
            onOpen={(taskId) => {
              notifications.hide(`notification-${n.id}`);
              void api
                .post(`/api/notifications/${n.id}/read`)
                .finally(() => applyRefresh(qc, refreshFor({ type: 'notification.created' })));
              void go({ to: '/tasks/$taskId', params: { taskId } });
            }}
          />
        ),
      });
    };

    const popUpNew = async () => {
      const after = await (since ??= newestNow());
      const page = await api
        .get<NotificationPage>('/api/notifications?unread=true&limit=5')
        .catch(() => null);
      if (!page || stopped) return;
      for (const n of freshNotifications(page.items, after, shown).reverse()) toast(n);
    };

    const receive = (event: LiveEvent) => {
      if (event.type === 'call.incoming') {
        if (event.contactId) {
          latest.current.onIncomingCall?.({
            contactId: event.contactId,
            callId: event.callId ?? null,
            at: Date.now(),
          });
        }
        return;
      }
      batch.push(refreshFor(event));
      batchTimer ??= setTimeout(() => {
        const merged = mergeRefresh(batch);
        batch = [];
        batchTimer = undefined;
        applyRefresh(qc, merged);
      }, BATCH_MS);
      if (event.type === 'notification.created') void popUpNew();
    };

    const connect = () => {
      const es = new EventSource('/api/events', { withCredentials: true });
      source = es;
      es.onopen = () => {
        retryDelay = 0;
        if (everOpened) void qc.invalidateQueries();
        everOpened = true;
        since ??= newestNow();
      };
      for (const type of LIVE_EVENT_TYPES) {
        es.addEventListener(type, (msg) => {
          const event = parseLiveEvent(type, (msg as MessageEvent<string>).data);
          if (event) receive(event);
        });
      }
      es.onerror = () => {
        // CONNECTING: the browser is already retrying. CLOSED: it gave up (the server answered
        // with an error, e.g. while restarting behind a proxy); try again ourselves, later.
        if (es.readyState !== EventSource.CLOSED || stopped) return;
        es.close();
        retryDelay = nextRetryDelay(retryDelay);
        retryTimer = setTimeout(connect, retryDelay);
      };
    };

    connect();
    return () => {
      stopped = true;
      clearTimeout(retryTimer);
      clearTimeout(batchTimer);
      source?.close();
    };
  }, [enabled, qc]);
}
