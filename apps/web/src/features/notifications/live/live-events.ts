import { liveEventSchema, type LiveEvent } from '@spotter/contracts/live-events';

/**
 * What a live event makes stale (T-12). Task events touch every task list and detail, the
 * board, the badge, and the history of the task's person or company (a result writes there);
 * a notification (the server sends only our own) touches the bell and the badge.
 */
export interface Refresh {
  keys: (readonly string[])[];
  contactHistory: boolean;
}

export function refreshFor(event: LiveEvent): Refresh {
  switch (event.type) {
    case 'task.created':
    case 'task.updated':
    case 'task.deleted':
      return { keys: [['tasks'], ['board'], ['badge']], contactHistory: true };
    case 'notification.created':
      return { keys: [['notifications'], ['badge']], contactHistory: false };
  }
}

/** Several events at once (a call round creates forty tasks) refresh each query once. */
export function mergeRefresh(refreshes: readonly Refresh[]): Refresh {
  const seen = new Map<string, readonly string[]>();
  for (const r of refreshes) for (const key of r.keys) seen.set(JSON.stringify(key), key);
  return { keys: [...seen.values()], contactHistory: refreshes.some((r) => r.contactHistory) };
}

/** The contact card's history queries: `['persons', id, 'history']`, `['companies', …]`. */
export const isContactHistoryKey = (key: readonly unknown[]) =>
  (key[0] === 'persons' || key[0] === 'companies') && key[2] === 'history';

/** An SSE message as the server sends it (`event: <type>`, JSON data); null if it is not one. */
export function parseLiveEvent(type: string, data: string): LiveEvent | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return null;
  }
  const body = typeof parsed === 'object' && parsed !== null ? parsed : {};
  const event = liveEventSchema.safeParse({ type, ...body });
  return event.success && event.data.type === type ? event.data : null;
}

/** Waiting longer after each failed reconnect, up to a minute. */
export const nextRetryDelay = (previous: number) => Math.min(Math.max(previous * 2, 3000), 60_000);
