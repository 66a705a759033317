import { randomUUID } from 'node:crypto';
import type { EventSource, EventSourceKind } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { catchNameTaken, notFound, versionConflict } from '../../lib/errors.ts';
import { eventSecretBox, newSigningSecret, secretContext } from './event-secrets.ts';
import * as repo from './event-sources.repo.ts';
import { sourceCacheOf } from './source-cache.ts';

export function toSourceDto(row: repo.EventSourceRow, now = new Date()): EventSource {
  const overlap = row.previousValidUntil && row.previousValidUntil > now;
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as EventSourceKind,
    enabled: row.enabled,
    previousSecretValidUntil: overlap ? row.previousValidUntil!.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    lastEventAt: row.lastEventAt?.toISOString() ?? null,
    version: row.version,
  };
}

/** Where a source posts its events, on the address the admin reached Spotter at. */
export const eventsUrl = (origin: string, id: string) => `${origin}/api/event-sources/${id}/events`;

export async function listSources(db: Db, actor: Actor) {
  assertCan(actor, 'events.manage');
  return { items: (await repo.listSources(db, actor.orgId)).map((r) => toSourceDto(r)) };
}

export async function getSource(db: Db, actor: Actor, id: string) {
  assertCan(actor, 'events.manage');
  const row = await repo.findSource(db, actor.orgId, id);
  if (!row) throw notFound('Connected system');
  return toSourceDto(row);
}

export async function createSource(
  db: Db,
  actor: Actor,
  sessionSecret: string,
  origin: string,
  input: { name: string; kind: EventSourceKind },
) {
  assertCan(actor, 'events.manage');
  const id = randomUUID();
  const secret = newSigningSecret();
  const row = await catchNameTaken('A connected system', () =>
    repo.insertSource(db, {
      id,
      orgId: actor.orgId,
      name: input.name,
      kind: input.kind,
      secretSealed: eventSecretBox(sessionSecret).seal(secret, secretContext(actor.orgId, id)),
    }),
  );
  return { source: toSourceDto(row), secret, url: eventsUrl(origin, id) };
}

export async function updateSource(
  db: Db,
  actor: Actor,
  id: string,
  input: { name?: string; kind?: EventSourceKind; enabled?: boolean; version: number },
) {
  assertCan(actor, 'events.manage');
  const { version, ...changes } = input;
  const row = await catchNameTaken('A connected system', () =>
    repo.updateSource(db, actor.orgId, id, version, changes),
  );
  if (row) {
    sourceCacheOf(db).forget(id);
    return toSourceDto(row);
  }
  const current = await repo.findSource(db, actor.orgId, id);
  if (!current) throw notFound('Connected system');
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
  return { source: toSourceDto(row, now), secret, url: eventsUrl(origin, id) };
}

export async function deleteSource(db: Db, actor: Actor, id: string) {
  assertCan(actor, 'events.manage');
  if (!(await repo.deleteSource(db, actor.orgId, id))) throw notFound('Connected system');
  sourceCacheOf(db).forget(id);
  return { ok: true as const };
}
