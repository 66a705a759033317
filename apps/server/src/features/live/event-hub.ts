import type { Writable } from 'node:stream';
import { can, type LiveEvent, type Role } from '@spotter/contracts';
import { orgEventSchema, type CallReach, type TaskAudience } from './publish.ts';
import { mayHear, mayHearCall } from './viewer.ts';

export interface LiveConnection {
  orgId: string;
  /** null for an integration's API token: it gets the organization's task events only. */
  userId: string | null;
  /** The user's role (a change of role ends the stream, so it is current); null for a token. */
  role?: Role | null;
  stream: Writable;
  openedAt: number;
  /**
   * The user's branch limit (empty: every branch). Unset while the stream opens and it is
   * being read: events wait until `admit` sets it, then go out filtered by it.
   */
  branchIds?: readonly string[];
}

interface Delivery {
  event: LiveEvent;
  audience: TaskAudience[] | undefined;
  reach: CallReach | undefined;
  chunk: string;
}

/** Events held for a stream whose user facts are still being read, at most. */
const MAX_WAITING = 1000;

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
    ...(event.contactId && { contactId: event.contactId }),
    ...(event.callId && { callId: event.callId }),
    ...(event.dealId && { dealId: event.dealId }),
    ...(event.pipelineId && { pipelineId: event.pipelineId }),
  };
  return `event: ${event.type}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * Whether a stream's user may hear of an event: a notification is its recipient's; an event
 * about one task goes only where that task is visible (a task event without its audience, to
 * no one); an incoming call to the staff on duty it reaches; an event naming no task (many
 * changed at once) to everyone.
 */
function reaches(conn: LiveConnection, d: Delivery, branchIds: readonly string[]): boolean {
  if (d.event.type === 'notification.created') return d.event.userId === conn.userId;
  if (d.event.type === 'call.incoming') {
    const viewer = { userId: conn.userId, role: conn.role ?? null, branchIds };
    return d.reach !== undefined && mayHearCall(viewer, d.reach);
  }
  if (d.event.dealId)
    return conn.role !== undefined && conn.role !== null && can(conn.role, 'deals.read');
  if (!d.event.taskId) return true;
  const viewer = { userId: conn.userId, branchIds };
  return d.audience?.some((task) => mayHear(viewer, task)) ?? false;
}

/**
 * One per app: every NOTIFY on the events channel (from this instance or another) reaches
 * the open `/api/events` streams of that organization only, and of those only the streams
 * whose user may see the task (or, for a notification, its recipient's).
 */
export class EventHub {
  private readonly byOrg = new Map<string, Set<LiveConnection>>();
  private readonly waiting = new Map<LiveConnection, Delivery[]>();
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

  /**
   * Registers a stream; it leaves the hub by itself when it closes. Register it before
   * reading its user's branches: a change committed meanwhile then still ends it.
   */
  add(conn: LiveConnection): void {
    let set = this.byOrg.get(conn.orgId);
    if (!set) this.byOrg.set(conn.orgId, (set = new Set()));
    set.add(conn);
    if (!conn.branchIds) this.waiting.set(conn, []);
    conn.stream.once('close', () => this.remove(conn));
  }

  /** The stream's user facts are known: what waited goes out, filtered by them. */
  admit(conn: LiveConnection, branchIds: readonly string[]): void {
    conn.branchIds = branchIds;
    const held = this.waiting.get(conn) ?? [];
    this.waiting.delete(conn);
    for (const d of held) if (reaches(conn, d, branchIds)) this.write(conn, d.chunk);
  }

  private remove(conn: LiveConnection): void {
    this.waiting.delete(conn);
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
    const parsedEvent = orgEventSchema.safeParse(parsed);
    if (!parsedEvent.success) return;
    const set = this.byOrg.get(parsedEvent.data.orgId);
    if (!set) return;
    if (parsedEvent.data.type === 'access.changed') {
      const { userId } = parsedEvent.data;
      for (const conn of set) if (conn.userId === userId) conn.stream.end();
      return;
    }
    const { orgId: _org, audience, reach, ...event } = parsedEvent.data;
    const d: Delivery = { event, audience, reach, chunk: formatEvent(event) };
    for (const conn of set) {
      if (!conn.branchIds) this.hold(conn, d);
      else if (reaches(conn, d, conn.branchIds)) this.write(conn, d.chunk);
    }
  }

  private hold(conn: LiveConnection, d: Delivery): void {
    const held = this.waiting.get(conn);
    if (!held || held.length >= MAX_WAITING) conn.stream.destroy();
    else held.push(d);
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
    this.waiting.clear();
  }
}
