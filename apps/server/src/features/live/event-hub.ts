import type { Writable } from 'node:stream';
import { idSchema, liveEventSchema, type LiveEvent } from '@spotter/contracts';

const orgEventSchema = liveEventSchema.extend({ orgId: idSchema });

export interface LiveConnection {
  orgId: string;
  /** null for an integration's API token: it gets the organization's task events only. */
  userId: string | null;
  stream: Writable;
  openedAt: number;
}

export interface HubOptions {
  /** A comment line keeps proxies from closing an idle stream. */
  heartbeatMs?: number;
  /**
   * A stream is ended after this long; the browser reconnects (retry: 3000) and logs in
   * again, so a revoked session or token stops receiving events soon after.
   */
  maxAgeMs?: number;
  /** A client this far behind is dropped rather than buffered without end. */
  maxBufferedBytes?: number;
}

/** `event: <type>` and the event without its organization (T-12: never record data). */
export function formatEvent(event: LiveEvent): string {
  const data: LiveEvent = {
    type: event.type,
    ...(event.taskId && { taskId: event.taskId }),
    ...(event.userId && { userId: event.userId }),
  };
  return `event: ${event.type}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * One per app: every NOTIFY on the events channel (from this instance or another) reaches
 * the open `/api/events` streams of that organization only, and a notification only its
 * recipient's streams.
 */
export class EventHub {
  private readonly byOrg = new Map<string, Set<LiveConnection>>();
  private timer: NodeJS.Timeout | undefined;
  private readonly heartbeatMs: number;
  private readonly maxAgeMs: number;
  private readonly maxBufferedBytes: number;

  constructor(opts: HubOptions = {}) {
    this.heartbeatMs = opts.heartbeatMs ?? 25_000;
    this.maxAgeMs = opts.maxAgeMs ?? 30 * 60_000;
    this.maxBufferedBytes = opts.maxBufferedBytes ?? 256 * 1024;
  }

  get size(): number {
    let n = 0;
    for (const set of this.byOrg.values()) n += set.size;
    return n;
  }

  /** Registers a stream; it leaves the hub by itself when it closes. */
  add(conn: LiveConnection): void {
    let set = this.byOrg.get(conn.orgId);
    if (!set) this.byOrg.set(conn.orgId, (set = new Set()));
    set.add(conn);
    conn.stream.once('close', () => this.remove(conn));
  }

  private remove(conn: LiveConnection): void {
    const set = this.byOrg.get(conn.orgId);
    if (!set) return;
    set.delete(conn);
    if (set.size === 0) this.byOrg.delete(conn.orgId);
  }

  /** A NOTIFY payload; anything that is not one of our events is ignored. */
  dispatch(payload: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload);
    } catch {
      return;
    }
    const event = orgEventSchema.safeParse(parsed);
    if (!event.success) return;
    const set = this.byOrg.get(event.data.orgId);
    if (!set) return;
    const { orgId: _org, ...live } = event.data;
    const chunk = formatEvent(live);
    for (const conn of set) {
      if (live.type === 'notification.created' && live.userId !== conn.userId) continue;
      this.write(conn, chunk);
    }
  }

  private write(conn: LiveConnection, chunk: string): void {
    if (conn.stream.writableLength > this.maxBufferedBytes) {
      conn.stream.destroy();
      return;
    }
    conn.stream.write(chunk);
  }

  /** Starts the heartbeat (and the age limit); call `close` to stop it. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.beat(), this.heartbeatMs);
    this.timer.unref();
  }

  private beat(): void {
    const now = Date.now();
    for (const set of this.byOrg.values()) {
      for (const conn of set) {
        if (now - conn.openedAt >= this.maxAgeMs) conn.stream.end();
        else this.write(conn, ': ping\n\n');
      }
    }
  }

  /** Ends every stream (a closing server must not wait for browsers to hang up). */
  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    for (const set of [...this.byOrg.values()]) {
      for (const conn of [...set]) {
        conn.stream.end();
        // If the other side is gone, `end` never finishes: do not wait for it.
        setTimeout(() => conn.stream.destroy(), 1000).unref();
      }
    }
    this.byOrg.clear();
  }
}
