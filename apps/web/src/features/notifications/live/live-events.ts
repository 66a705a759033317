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

/** A known person calling (`call.incoming`): whose card pops up, and since when. */
export interface IncomingCall {
  contactId: string;
  callId: string | null;
  at: number;
}

/** At most this many calls' cards at once; the oldest goes when another rings. */
export const MAX_CALLS = 4;

/**
 * The stack of popped calls, newest first: the same person calling again moves to the top
 * (one card per person, however often they ring), a repeat of the same call changes nothing.
 */
export function addCall(calls: readonly IncomingCall[], call: IncomingCall): IncomingCall[] {
  const same = calls.find((c) => c.contactId === call.contactId);
  if (same && call.callId !== null && same.callId === call.callId) return [...calls];
  return [call, ...calls.filter((c) => c.contactId !== call.contactId)].slice(0, MAX_CALLS);
}

export function refreshFor(event: LiveEvent): Refresh {
  switch (event.type) {
    case 'task.created':
    case 'task.updated':
    case 'task.deleted':
      return { keys: [['tasks'], ['board'], ['badge']], contactHistory: true };
    case 'notification.created':
      return { keys: [['notifications'], ['badge']], contactHistory: false };
    case 'call.incoming':
      return { keys: [], contactHistory: false };
    // A deal's change writes to its person's or company's history, and moves board columns.
    case 'deal.created':
    case 'deal.updated':
    case 'deal.deleted':
      return { keys: [['deals'], ['pipelines']], contactHistory: true };
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
