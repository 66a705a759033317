import { randomUUID } from 'node:crypto';
import type { EventSource, EventSourceKind } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import {
  catchNameTaken,
  fieldError,
  notFound,
  throwIfAny,
  versionConflict,
  type FieldErrors,
} from '../../lib/errors.ts';
import { normalizePhone } from '../../lib/phones.ts';
import { getCrmSettings } from '../contact-settings/index.ts';
import { eventSecretBox, newSigningSecret, secretContext } from './event-secrets.ts';
import * as repo from './event-sources.repo.ts';
import { sourceCacheOf } from './source-cache.ts';

/** Where a source posts its events, on the address Spotter is reached at. */
export const eventsUrl = (origin: string, id: string) => `${origin}/api/event-sources/${id}/events`;
/** Where a Twilio number's voice webhook (and its status callback) points. */
export const twilioUrl = (origin: string, id: string) => `${origin}/api/event-sources/${id}/twilio`;

const urlOf = (origin: string, row: { id: string; kind: string }) =>
  row.kind === 'twilio' ? twilioUrl(origin, row.id) : eventsUrl(origin, row.id);

export function toSourceDto(
  row: repo.EventSourceRow,
  origin: string,
  now = new Date(),
): EventSource {
  const overlap = row.previousValidUntil && row.previousValidUntil > now;
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as EventSourceKind,
    enabled: row.enabled,
    previousSecretValidUntil: overlap ? row.previousValidUntil!.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    lastEventAt: row.lastEventAt?.toISOString() ?? null,
    url: urlOf(origin, row),
    hasAuthToken: row.authTokenSealed !== null,
    forwardTo: row.forwardTo,
    version: row.version,
  };
}

export async function listSources(db: Db, actor: Actor, origin: string) {
  assertCan(actor, 'events.manage');
  const rows = await repo.listSources(db, actor.orgId);
  return { items: rows.map((r) => toSourceDto(r, origin)) };
}

export async function getSource(db: Db, actor: Actor, id: string, origin: string) {
  assertCan(actor, 'events.manage');
  const row = await repo.findSource(db, actor.orgId, id);
  if (!row) throw notFound('Connected system');
  return toSourceDto(row, origin);
}

/** What a Twilio number needs: its auth token (sealed), and where calls are forwarded. */
interface TwilioInput {
  kind?: EventSourceKind;
  authToken?: string;
  forwardTo?: string | null;
}

/**
 * The Twilio columns to write: a Twilio source must have an auth token (given now or stored
 * before); the others have neither. A forwarding number is read with the club's phone region.
 */
async function twilioColumns(
  db: Db,
  orgId: string,
  id: string,
  sessionSecret: string,
  input: TwilioInput,
  current?: repo.EventSourceRow,
) {
  const kind = input.kind ?? current?.kind;
  const errors: FieldErrors = {};
  const columns: { authTokenSealed?: string | null; forwardTo?: string | null } = {};
  if (kind !== 'twilio') {
    if (input.authToken !== undefined || input.forwardTo) {
      const field = input.authToken !== undefined ? 'authToken' : 'forwardTo';
      errors[field] = fieldError('not_allowed', 'Only a Twilio number has this');
    }
    if (current?.authTokenSealed || current?.forwardTo) {
      Object.assign(columns, { authTokenSealed: null, forwardTo: null });
    }
  } else {
    if (input.authToken !== undefined) {
      columns.authTokenSealed = eventSecretBox(sessionSecret).seal(
        input.authToken,
        authTokenContext(orgId, id),
      );
    } else if (!current?.authTokenSealed) {
      errors.authToken = fieldError('required', "The Twilio account's auth token is required");
    }
    if (input.forwardTo !== undefined) {
      const raw = input.forwardTo?.trim();
      if (!raw) {
        columns.forwardTo = null;
      } else {
        const region = (await getCrmSettings(db, orgId)).phoneRegion ?? null;
        const phone = normalizePhone(raw, region);
        if (!phone.valid) errors.forwardTo = fieldError('invalid_phone', 'Not a phone number');
        else columns.forwardTo = phone.number;
      }
    }
  }
  throwIfAny(errors);
  return columns;
}

/** The sealed token opens only as this source's auth token (never as its signing secret). */
const authTokenContext = (orgId: string, id: string) => `${secretContext(orgId, id)}/auth-token`;

/** A Twilio source's auth token, opened with the server's key (null: none stored). */
export function authTokenOf(row: repo.EventSourceRow, sessionSecret: string): string | null {
  if (!row.authTokenSealed) return null;
  return eventSecretBox(sessionSecret).open(
    row.authTokenSealed,
    authTokenContext(row.orgId, row.id),
  );
}

export async function createSource(
  db: Db,
  actor: Actor,
  sessionSecret: string,
  origin: string,
  input: { name: string; kind: EventSourceKind } & TwilioInput,
) {
  assertCan(actor, 'events.manage');
  const id = randomUUID();
  const secret = newSigningSecret();
  const twilio = await twilioColumns(db, actor.orgId, id, sessionSecret, input);
  const row = await catchNameTaken('A connected system', () =>
    repo.insertSource(db, {
      id,
      orgId: actor.orgId,
      name: input.name,
      kind: input.kind,
      secretSealed: eventSecretBox(sessionSecret).seal(secret, secretContext(actor.orgId, id)),
      ...twilio,
    }),
  );
  return { source: toSourceDto(row, origin), secret, url: urlOf(origin, row) };
}

export async function updateSource(
  db: Db,
  actor: Actor,
  sessionSecret: string,
  origin: string,
  id: string,
  input: { name?: string; enabled?: boolean; version: number } & TwilioInput,
) {
  assertCan(actor, 'events.manage');
  const { version, authToken, forwardTo, ...changes } = input;
  const current = await repo.findSource(db, actor.orgId, id);
  if (!current) throw notFound('Connected system');
  const twilio = await twilioColumns(
    db,
    actor.orgId,
    id,
    sessionSecret,
    { kind: input.kind, authToken, forwardTo },
    current,
  );
  const row = await catchNameTaken('A connected system', () =>
    repo.updateSource(db, actor.orgId, id, version, { ...changes, ...twilio }),
  );
  if (row) {
    sourceCacheOf(db).forget(id);
    return toSourceDto(row, origin);
  }
  throw versionConflict(current.version, 'this connected system');
}

/**
 * A new secret, shown once; the one before keeps verifying for `overlapHours`, so the club
 * system can be switched over without losing a delivery. A second rotation ends the first
 * overlap: only the newest two secrets ever verify.
 */
export async function rotateSecret(
  db: Db,
  actor: Actor,
  sessionSecret: string,
  origin: string,
  id: string,
  overlapHours: number,
  now: Date,
) {
  assertCan(actor, 'events.manage');
  const current = await repo.findSource(db, actor.orgId, id);
  if (!current) throw notFound('Connected system');
  const box = eventSecretBox(sessionSecret);
  const secret = newSigningSecret();
  const context = secretContext(actor.orgId, id);
  const row = await repo.updateSource(db, actor.orgId, id, current.version, {
    secretSealed: box.seal(secret, context),
    previousSecretSealed: overlapHours > 0 ? current.secretSealed : null,
    previousValidUntil:
      overlapHours > 0 ? new Date(now.getTime() + overlapHours * 3_600_000) : null,
  });
  if (!row) throw versionConflict(null, 'this connected system');
  sourceCacheOf(db).forget(id);
  return { source: toSourceDto(row, origin, now), secret, url: urlOf(origin, row) };
}

export async function deleteSource(db: Db, actor: Actor, id: string) {
  assertCan(actor, 'events.manage');
  if (!(await repo.deleteSource(db, actor.orgId, id))) throw notFound('Connected system');
  sourceCacheOf(db).forget(id);
  return { ok: true as const };
}
