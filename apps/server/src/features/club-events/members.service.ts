import type { MemberRecord, MemberRecords } from '@spotter/contracts';
import { MEMBER_RECORDS_PER_KIND } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { notFound, versionConflict } from '../../lib/errors.ts';
import * as repo from './members.repo.ts';

const iso = (v: unknown) => (v instanceof Date ? v : new Date(String(v))).toISOString();

/** Contracts, bookings, visits and payments the club's systems sent about one person. */
export async function memberRecordsOf(
  db: Db,
  actor: Actor,
  contactId: string,
): Promise<MemberRecords> {
  assertCan(actor, 'contacts.read');
  if (!(await repo.contactExists(db, actor.orgId, contactId))) throw notFound('Person');
  const rows = await repo.memberRecordsOf(db, actor.orgId, contactId, MEMBER_RECORDS_PER_KIND);
  const records = rows.map((r): MemberRecord => ({
    id: String(r.id),
    kind: r.kind as MemberRecord['kind'],
    sourceId: String(r.sourceId),
    sourceName: String(r.sourceName),
    externalId: String(r.externalId),
    occurredAt: iso(r.occurredAt),
    data: (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as Record<string, unknown>,
  }));
  const of = (kind: MemberRecord['kind']) => records.filter((r) => r.kind === kind);
  return {
    contracts: of('contract'),
    bookings: of('booking'),
    visits: of('visit'),
    payments: of('payment'),
  };
}

export async function getClubEventSettings(db: Db, actor: Actor) {
  assertCan(actor, 'events.manage');
  const row = await repo.getSettings(db, actor.orgId);
  return { autoLink: row.autoLink, logDays: row.logDays, version: row.version };
}

export async function saveClubEventSettings(
  db: Db,
  actor: Actor,
  input: { autoLink?: boolean; logDays?: number; version: number },
) {
  assertCan(actor, 'events.manage');
  const { version, ...changes } = input;
  const row = await repo.saveSettings(db, actor.orgId, version, changes);
  if (!row) {
    throw versionConflict((await repo.getSettings(db, actor.orgId)).version, 'the settings');
  }
  return { autoLink: row.autoLink, logDays: row.logDays, version: row.version };
}
