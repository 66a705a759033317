import type { ClubEventIn, EventReceipt } from '@spotter/contracts';
import { isKnownEventType } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { actorCan, type Actor } from '../../lib/actor.ts';
import {
  AppError,
  fieldError,
  forbidden,
  notFound,
  pgErrorCode,
  unauthorized,
  validationError,
} from '../../lib/errors.ts';
import { eventSecretBox } from './event-secrets.ts';
import * as sources from './event-sources.repo.ts';
import * as repo from './ingest.repo.ts';
import { wakeJobRunners } from '../jobs/index.ts';
import { ensureDrain } from './process.jobs.ts';
import { sourceCacheOf } from './source-cache.ts';
import { insertEventsTogether } from './store-together.ts';

/** The same answer for every reason, so a caller learns nothing about the source or secret. */
export const invalidSignature = () =>
  new AppError(401, 'invalid_signature', 'The delivery could not be verified');

/** Refusals are logged for the admins, at most one per source this often (a flood stays small). */
const REFUSAL_LOG_EVERY_MS = 10_000;
const lastRefusalLogged = new Map<string, number>();

export async function logRefusal(
  db: Db,
  source: sources.EventSourceRow,
  reason: string,
  now: Date,
) {
  const last = lastRefusalLogged.get(source.id) ?? 0;
  if (now.getTime() - last < REFUSAL_LOG_EVERY_MS) return;
  lastRefusalLogged.set(source.id, now.getTime());
  if (lastRefusalLogged.size > 10_000) lastRefusalLogged.clear();
  await repo.insertRefusal(db, source.orgId, source.id, reason);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Delivery {
  sourceId: string;
  rawBody: string;
  headers: Record<string, string | string[] | undefined>;
  /** The API token of `Authorization: Bearer …`, when the sender uses one instead of signing. */
  bearer?: string;
}

export interface VerifiedDelivery {
  source: sources.EventSourceRow;
  /** The `webhook-id` of a signed delivery: a single event's id when it names none. */
  webhookId?: string;
}

const header = (headers: Delivery['headers'], name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * Who sent this: a Standard Webhooks signature over `id.timestamp.body` with one of the
 * source's live secrets (5 minutes' tolerance), or an API token of the source's organization
 * allowed to deliver events.
 */
export async function verifyDelivery(
  db: Db,
  delivery: Delivery,
  deps: {
    sessionSecret: string;
    now: Date;
    apiToken: (db: Db, token: string) => Promise<Actor | undefined>;
  },
): Promise<VerifiedDelivery> {
  const known = UUID.test(delivery.sourceId)
    ? await sourceCacheOf(db).get(db, delivery.sourceId, eventSecretBox(deps.sessionSecret))
    : undefined;
  const source = known?.row;
  if (delivery.bearer !== undefined) {
    const actor = delivery.bearer ? await deps.apiToken(db, delivery.bearer) : undefined;
    if (!actor) throw unauthorized('invalid_token', 'The API token is not valid');
    if (!source || source.orgId !== actor.orgId) throw notFound('Connected system');
    if (!actorCan(actor, 'events.write')) throw forbidden();
    if (!source.enabled) throw forbidden('This connected system is switched off');
    return { source };
  }
  if (!source) throw invalidSignature();
  const webhookHeaders = {
    'webhook-id': header(delivery.headers, 'webhook-id') ?? '',
    'webhook-timestamp': header(delivery.headers, 'webhook-timestamp') ?? '',
    'webhook-signature': header(delivery.headers, 'webhook-signature') ?? '',
  };
  if (!source.enabled) {
    await logRefusal(db, source, 'source_disabled', deps.now);
    throw invalidSignature();
  }
  // The current secret, and the one before it during its overlap.
  const verified = (known?.verifiers ?? []).some(({ webhook, until }) => {
    if (until && until <= deps.now) return false;
    try {
      webhook.verify(delivery.rawBody, webhookHeaders, { jsonParse: false });
      return true;
    } catch {
      return false;
    }
  });
  if (!verified) {
    const stamp = Number(webhookHeaders['webhook-timestamp']);
    const stale = Number.isFinite(stamp) && Math.abs(Date.now() / 1000 - stamp) > 5 * 60;
    await logRefusal(db, source, stale ? 'stale_timestamp' : 'bad_signature', deps.now);
    throw invalidSignature();
  }
  return { source, webhookId: webhookHeaders['webhook-id'] };
}

/**
 * The type is checked before the rest, so a sender of a type Spotter does not know (or of a
 * version it does not know yet) is told exactly that, not that every field is wrong.
 */
export function assertKnownTypes(body: unknown) {
  const check = (event: unknown, path: string) => {
    if (!event || typeof event !== 'object') return;
    const { type, version } = event as { type?: unknown; version?: unknown };
    if (type === undefined || isKnownEventType(type, version)) return;
    const message = `Unknown event type ${String(type)} (version ${String(version ?? 1)})`;
    throw new AppError(400, 'unknown_event_type', message, {
      [path]: fieldError('invalid_option', message),
    });
  };
  if (body && typeof body === 'object' && Array.isArray((body as { events?: unknown }).events)) {
    (body as { events: unknown[] }).events.forEach((e, i) => check(e, `events.${i}.type`));
  } else {
    check(body, 'type');
  }
}

/**
 * Stores the events; one the source delivered before (same id) changes nothing and is
 * answered as a duplicate with the first delivery's stored id.
 */
export async function storeEvents(
  db: Db,
  verified: VerifiedDelivery,
  events: ClubEventIn[],
  now: Date,
): Promise<{ items: EventReceipt[] }> {
  const withIds = events.map((event, i) => {
    const id = event.id ?? (events.length === 1 ? verified.webhookId : undefined);
    if (!id) {
      throw validationError({
        [events.length === 1 ? 'id' : `events.${i}.id`]: fieldError('required', 'Required'),
      });
    }
    return { ...event, id };
  });
  const distinct = [...new Map(withIds.map((e) => [e.id, e])).values()];
  const { source } = verified;
  // One statement (shared with the source's other deliveries waiting for their INSERT),
  // committed before it answers: the events are safe once it does.
  const stored = await insertEventsTogether(
    db,
    source.orgId,
    source.id,
    distinct.map((e) => ({
      externalId: e.id,
      type: e.type,
      typeVersion: e.version,
      occurredAt: e.occurredAt,
      data: e.data,
    })),
  ).catch((err: unknown) => {
    // The source was deleted a moment ago on another instance (remembered here still).
    if (pgErrorCode(err) !== '23503') throw err;
    sourceCacheOf(db).forget(source.id);
    throw invalidSignature();
  });
  // Then the source's drain: a look that takes no lock while it is queued or running already
  // (the usual case under load), so deliveries do not queue behind each other on its row.
  if ([...stored.values()].some((o) => o.stored)) {
    const queued = await ensureDrain(db, {
      orgId: source.orgId,
      sourceId: source.id,
      now,
    });
    // A drain queued now starts now, not at the runner's next poll: a caller's card must
    // reach the screen within a second (a drain already running takes the event next).
    if (queued) wakeJobRunners();
  }
  // "Last event" is for people: once a minute is exact enough, and a busy source's row is not
  // rewritten with every delivery.
  if (!source.lastEventAt || now.getTime() - source.lastEventAt.getTime() > 60_000) {
    await sources.touchSource(db, source.orgId, source.id, now);
    source.lastEventAt = now;
  }
  const seen = new Set<string>();
  return {
    items: withIds.map((e) => {
      const row = stored.get(e.id);
      if (!row) throw new Error(`event ${e.id} neither stored nor found`);
      const first = row.stored && !seen.has(e.id);
      seen.add(e.id);
      return { id: e.id, outcome: first ? 'accepted' : 'duplicate', eventId: row.id };
    }),
  };
}
