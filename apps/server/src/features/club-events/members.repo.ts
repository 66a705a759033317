import { EVENT_LOG_DAYS } from '@spotter/contracts';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { contacts } from '../contacts/index.ts';
import {
  clubEvents,
  clubEventSettings,
  eventLinks,
  eventSources,
  memberRecords,
} from './club-events.table.ts';

/** The live person a source's member id is linked to, if any (a trashed one does not count). */
export async function linkedContact(db: Db, orgId: string, sourceId: string, externalId: string) {
  const [row] = await db
    .select({ contactId: eventLinks.contactId })
    .from(eventLinks)
    .innerJoin(
      contacts,
      and(eq(contacts.orgId, eventLinks.orgId), eq(contacts.id, eventLinks.contactId)),
    )
    .where(
      and(
        eq(eventLinks.orgId, orgId),
        eq(eventLinks.sourceId, sourceId),
        eq(eventLinks.externalId, externalId),
        isNull(contacts.deletedAt),
      ),
    );
  return row?.contactId;
}

/**
 * Links the member id to the person (a link to a person since trashed is moved), and gives the
 * person what the source sent about that member before anyone was linked.
 */
export async function link(
  db: Db,
  orgId: string,
  sourceId: string,
  externalId: string,
  contactId: string,
) {
  await db
    .insert(eventLinks)
    .values({ orgId, sourceId, externalId, contactId })
    .onConflictDoUpdate({
      target: [eventLinks.orgId, eventLinks.sourceId, eventLinks.externalId],
      set: { contactId },
    });
  await db
    .update(memberRecords)
    .set({ contactId })
    .where(
      and(
        eq(memberRecords.orgId, orgId),
        eq(memberRecords.sourceId, sourceId),
        eq(memberRecords.memberExternalId, externalId),
        isNull(memberRecords.contactId),
      ),
    );
}

export interface MemberRecordInput {
  orgId: string;
  sourceId: string;
  kind: 'contract' | 'booking' | 'visit' | 'payment';
  externalId: string;
  memberExternalId: string | null;
  contactId: string | null;
  occurredAt: string;
  /** Merged over what is stored (a cancellation keeps the booking's class and time). */
  data: Record<string, unknown>;
}

/**
 * Keeps the newest state per record: an event that happened before the stored one (delivered
 * out of order) changes nothing. Answers the data before and after, or undefined if older.
 */
export async function upsertMemberRecord(db: Db, r: MemberRecordInput) {
  const [before] = await db
    .select({ data: memberRecords.data })
    .from(memberRecords)
    .where(
      and(
        eq(memberRecords.orgId, r.orgId),
        eq(memberRecords.sourceId, r.sourceId),
        eq(memberRecords.kind, r.kind),
        eq(memberRecords.externalId, r.externalId),
      ),
    )
    .for('update');
  const [row] = await db
    .insert(memberRecords)
    .values({ ...r, occurredAt: new Date(r.occurredAt) })
    .onConflictDoUpdate({
      target: [
        memberRecords.orgId,
        memberRecords.sourceId,
        memberRecords.kind,
        memberRecords.externalId,
      ],
      set: {
        data: sql`${memberRecords.data} || excluded.data`,
        occurredAt: sql`excluded.occurred_at`,
        contactId: sql`coalesce(excluded.contact_id, ${memberRecords.contactId})`,
        memberExternalId: sql`coalesce(excluded.member_external_id, ${memberRecords.memberExternalId})`,
        updatedAt: sql`now()`,
      },
      setWhere: sql`${memberRecords.occurredAt} <= excluded.occurred_at`,
    })
    .returning({ data: memberRecords.data });
  if (!row) return undefined;
  return {
    before: (before?.data ?? null) as Record<string, unknown> | null,
    after: row.data as Record<string, unknown>,
  };
}

export async function getSettings(db: Db, orgId: string) {
  const [row] = await db.select().from(clubEventSettings).where(eq(clubEventSettings.orgId, orgId));
  return row ?? { orgId, autoLink: false, logDays: EVENT_LOG_DAYS.default, version: 0 };
}

export async function saveSettings(
  db: Db,
  orgId: string,
  version: number,
  changes: { autoLink?: boolean; logDays?: number },
) {
  if (version === 0) {
    const rows = await db
      .insert(clubEventSettings)
      .values({ orgId, ...changes })
      .onConflictDoNothing()
      .returning();
    return rows[0];
  }
  const [row] = await db
    .update(clubEventSettings)
    .set({ ...changes, version: sql`${clubEventSettings.version} + 1` })
    .where(and(eq(clubEventSettings.orgId, orgId), eq(clubEventSettings.version, version)))
    .returning();
  return row;
}

/** The newest records of each kind of one person, across every source. */
export async function memberRecordsOf(db: Db, orgId: string, contactId: string, perKind: number) {
  const result = await db.execute(sql`
    select r.id, r.kind, r.source_id as "sourceId", s.name as "sourceName",
      r.external_id as "externalId", r.occurred_at as "occurredAt", r.data
    from unnest(array['contract', 'booking', 'visit', 'payment']) as k(kind)
    cross join lateral (
      select * from ${memberRecords} m
      where m.org_id = ${orgId} and m.contact_id = ${contactId} and m.kind = k.kind
      order by m.occurred_at desc, m.id desc
      limit ${perKind}
    ) r
    join ${eventSources} s on s.org_id = r.org_id and s.id = r.source_id
    order by r.occurred_at desc, r.id desc
  `);
  return (result as unknown as { rows: Array<Record<string, unknown>> }).rows;
}

export async function contactExists(db: Db, orgId: string, contactId: string) {
  const [row] = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.id, contactId)));
  return Boolean(row);
}

/** A payment for a contract arrived: the contract is paid, whatever else its last event said. */
export async function markContractPaid(
  db: Db,
  orgId: string,
  sourceId: string,
  externalId: string,
) {
  await db
    .update(memberRecords)
    .set({ data: sql`${memberRecords.data} || '{"paid": true}'::jsonb` })
    .where(
      and(
        eq(memberRecords.orgId, orgId),
        eq(memberRecords.sourceId, sourceId),
        eq(memberRecords.kind, 'contract'),
        eq(memberRecords.externalId, externalId),
      ),
    );
}

export async function findMemberRecord(
  db: Db,
  orgId: string,
  sourceId: string,
  kind: string,
  externalId: string,
) {
  const [row] = await db
    .select()
    .from(memberRecords)
    .where(
      and(
        eq(memberRecords.orgId, orgId),
        eq(memberRecords.sourceId, sourceId),
        eq(memberRecords.kind, kind),
        eq(memberRecords.externalId, externalId),
      ),
    );
  return row;
}

/**
 * Deliveries older than their organization's log days leave the log, a bounded batch at a
 * time; answers how many went. Events still waiting to be processed stay.
 */
export async function pruneEventLog(db: Db, now: Date, limit: number) {
  const result = await db.execute(sql`
    delete from ${clubEvents} e
    where (e.org_id, e.id) in (
      select c.org_id, c.id from ${clubEvents} c
      left join ${clubEventSettings} s on s.org_id = c.org_id
      where c.received_at < ${now.toISOString()}::timestamptz
          - make_interval(days => coalesce(s.log_days, ${EVENT_LOG_DAYS.default}))
        and (c.state = 'refused' or c.processed_at is not null)
      limit ${limit}
    )
  `);
  return (
    (result as unknown as { rowCount?: number; affectedRows?: number }).rowCount ??
    (result as unknown as { affectedRows?: number }).affectedRows ??
    0
  );
}
