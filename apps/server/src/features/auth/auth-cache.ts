import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { AuthCacheControl, Authenticators } from '../../plugins/auth.ts';

/** What the session authenticator answers for a live session. */
export type SessionFound = NonNullable<Awaited<ReturnType<Authenticators['session']>>>;

/** The channel the auth_cache_notify() trigger (migration 0014) and the heartbeat write to. */
export const AUTH_CACHE_CHANNEL = 'auth_cache';
/** How long an entry may answer without the database: the worst case for a lost notification. */
export const AUTH_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;
/** PostgreSQL only: how often the LISTEN connection proves it still delivers. */
const HEARTBEAT_MS = 1_000;

interface Entry<V> {
  value: V;
  /** When this entry stops answering (ms since the epoch). */
  until: number;
  userId: string | null;
  orgId: string;
}

/** A bounded map from key to entry that forgets the oldest entry first. */
class Entries<V> {
  readonly #map = new Map<string, Entry<V>>();

  get(key: string, now: number): Entry<V> | undefined {
    const entry = this.#map.get(key);
    if (entry && entry.until <= now) {
      this.#map.delete(key);
      return undefined;
    }
    return entry;
  }

  set(key: string, entry: Entry<V>): void {
    this.#map.delete(key);
    if (this.#map.size >= MAX_ENTRIES) {
      const oldest = this.#map.keys().next();
      if (!oldest.done) this.#map.delete(oldest.value);
    }
    this.#map.set(key, entry);
  }

  delete(key: string): void {
    this.#map.delete(key);
  }

  deleteWhere(test: (entry: Entry<V>, key: string) => boolean): void {
    for (const [key, entry] of this.#map) if (test(entry, key)) this.#map.delete(key);
  }

  clear(): void {
    this.#map.clear();
  }

  get size(): number {
    return this.#map.size;
  }
}

/** What a lookup that may be cached reads before going to the database (see `AuthCache.fill`). */
export interface Ticket {
  readonly generation: number;
}

/**
 * A few seconds' memory of sessions and API tokens, per app instance (decision 0019), so a
 * request does not wait for the database to learn who sent it.
 *
 * Entries are dropped, on every instance, as soon as a change that concerns them commits: the
 * database notifies `auth_cache` from the changing transaction (migration 0014's triggers) and
 * each instance LISTENs. The instance that made the change also drops them itself, after its
 * commit and before it answers (`forget*`), so logging out or revoking on one instance has no
 * window there at all.
 *
 * A lookup that was in flight while anything was forgotten is not stored (the generation moved
 * on), so an answer read before a change cannot come back after it. Whatever happens to the
 * notifications, no entry answers for longer than the TTL; while the LISTEN connection is not
 * known to deliver (not yet listening, or a heartbeat went missing), nothing is stored or
 * answered from memory.
 */
export class AuthCache implements AuthCacheControl {
  readonly sessions = new Entries<SessionFound>();
  readonly tokens = new Entries<{
    id: string;
    orgId: string;
    lastUsedAt: Date | null;
    scopes: string[];
    expiresAt: Date | null;
  }>();
  /** Organizations by id, for requests that only read their own organization. */
  readonly organizations = new Entries<unknown>();
  #generation = 0;
  #listening = false;
  #heartbeatOk = true;
  #stop: (() => Promise<void>) | undefined;
  #timer: NodeJS.Timeout | undefined;
  readonly #instance = randomUUID();
  #sent = 0;
  #received = 0;
  #marked = 0;
  #send: ((payload: string) => Promise<unknown>) | undefined;
  readonly #marks = new Map<string, () => void>();

  constructor(
    readonly ttlMs = AUTH_CACHE_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether memory may answer: listening, and the last heartbeat came back. */
  get trusted(): boolean {
    return this.#listening && this.#heartbeatOk;
  }

  /** Taken before a database lookup whose answer `fill` may then keep. */
  ticket(): Ticket {
    return { generation: this.#generation };
  }

  /** Keeps a lookup's answer, unless something was forgotten since its ticket was taken. */
  fill<V>(
    entries: Entries<V>,
    key: string,
    ticket: Ticket,
    value: V,
    owner: { userId: string | null; orgId: string; notAfter?: Date },
  ): void {
    if (!this.trusted || ticket.generation !== this.#generation) return;
    const until = Math.min(this.now() + this.ttlMs, owner.notAfter?.getTime() ?? Infinity);
    entries.set(key, { value, until, userId: owner.userId, orgId: owner.orgId });
  }

  /** An entry that may answer now, if any. */
  read<V>(entries: Entries<V>, key: string): V | undefined {
    if (!this.trusted) return undefined;
    return entries.get(key, this.now())?.value;
  }

  #moved(): void {
    this.#generation++;
  }

  /**
   * The organization `orgId` as `load` reads it, remembered under the same rules as sessions
   * and tokens: an organization change drops it on every instance (the `o:` notification).
   */
  async organization<V>(orgId: string, load: () => Promise<V | undefined>): Promise<V | undefined> {
    const known = this.read(this.organizations, orgId) as V | undefined;
    if (known !== undefined) return known;
    const ticket = this.ticket();
    const row = await load();
    if (row !== undefined)
      this.fill(this.organizations, orgId, ticket, row, { userId: null, orgId });
    return row;
  }

  forgetSession(sessionId: string): void {
    this.#moved();
    this.sessions.delete(sessionId);
  }

  forgetUser(userId: string): void {
    this.#moved();
    this.sessions.deleteWhere((e) => e.userId === userId);
  }

  forgetOrganization(orgId: string): void {
    this.#moved();
    this.sessions.deleteWhere((e) => e.orgId === orgId);
    this.tokens.deleteWhere((e) => e.orgId === orgId);
    this.organizations.delete(orgId);
  }

  forgetApiToken(tokenId: string): void {
    this.#moved();
    this.tokens.deleteWhere((e) => e.value.id === tokenId);
  }

  clear(): void {
    this.#moved();
    this.sessions.clear();
    this.tokens.clear();
    this.organizations.clear();
  }

  /** A notification on the channel: what the trigger names, or a heartbeat. */
  onMessage(payload: string): void {
    const id = payload.slice(2);
    switch (payload.slice(0, 2)) {
      case 's:':
        return this.forgetSession(id);
      case 'u:':
        return this.forgetUser(id);
      case 'o:':
        return this.forgetOrganization(id);
      case 't:':
        return this.forgetApiToken(id);
      case 'h:':
        return this.#heartbeat(id);
      case 'm:':
        this.#marks.get(id)?.();
        return;
      default:
        // Unknown: forget everything rather than keep something it may have concerned.
        return this.clear();
    }
  }

  #heartbeat(body: string): void {
    const [instance, seq] = body.split(':');
    if (instance !== this.#instance) return;
    this.#received = Number(seq);
    if (this.#received === this.#sent) this.#heartbeatOk = true;
  }

  /**
   * Listens for the database's notifications. On PostgreSQL a heartbeat goes round the channel
   * every second: if one has not come back by the next, the LISTEN connection may have missed
   * notifications, so memory is wiped and bypassed until one comes back again.
   */
  async start(
    listen: FastifyInstance['pgListen'],
    heartbeat?: { send: (payload: string) => Promise<unknown>; onError: (err: unknown) => void },
  ): Promise<void> {
    try {
      this.#stop = await listen(AUTH_CACHE_CHANNEL, (payload) => this.onMessage(payload));
    } catch (err) {
      // Without notifications memory cannot be trusted: every request asks the database.
      heartbeat?.onError(err);
      return;
    }
    this.#listening = true;
    this.#send = heartbeat?.send;
    if (!heartbeat) return;
    const beat = () => {
      if (this.#received !== this.#sent) {
        this.#heartbeatOk = false;
        this.clear();
      }
      const seq = ++this.#sent;
      heartbeat.send(`h:${this.#instance}:${seq}`).catch((err: unknown) => {
        if (!this.#listening) return;
        this.#heartbeatOk = false;
        this.clear();
        heartbeat.onError(err);
      });
    };
    this.#timer = setInterval(beat, HEARTBEAT_MS);
    this.#timer.unref();
  }

  /**
   * Resolves once every notification committed before the call has reached this instance: a
   * mark sent now comes back after them (PostgreSQL delivers in commit order). On another
   * instance a change shows as soon as its notification arrives, a moment after its commit;
   * the two-instance tests wait for that moment with this.
   */
  async caughtUp(): Promise<void> {
    const send = this.#send;
    if (!send) return;
    const mark = `${this.#instance}:${++this.#marked}`;
    const back = new Promise<void>((resolve) => this.#marks.set(mark, resolve));
    await send(`m:${mark}`);
    await back;
    this.#marks.delete(mark);
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#listening = false;
    this.clear();
    const stop = this.#stop;
    this.#stop = undefined;
    await stop?.().catch(() => {});
  }

  /** Starts for `app`: LISTEN, and on PostgreSQL the heartbeat through the pool. */
  attach(app: FastifyInstance): Promise<void> {
    const send = (payload: string) =>
      app.db.execute(sql`select pg_notify(${AUTH_CACHE_CHANNEL}, ${payload})`);
    return this.start(
      app.pgListen,
      app.dbKind === 'postgres'
        ? {
            send,
            onError: (err) => app.log.warn({ err }, 'auth cache bypassed: no notifications'),
          }
        : undefined,
    );
  }
}
