import { EVENT_LOG_DAYS } from '@spotter/contracts';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { executeShaped } from '../../lib/named-statement.ts';
import { contacts } from '../contacts/index.ts';
import {
  clubEvents,
  clubEventSettings,
  eventLinks,
  eventSources,
  memberRecords,
} from './club-events.table.ts';

/** The live persons the source's member ids are linked to (trashed ones do not count). */
export async function linkedContacts(
  db: Db,
  orgId: string,
  sourceId: string,
  externalIds: readonly string[],
): Promise<Map<string, string>> {
  if (externalIds.length === 0) return new Map();
  const rows = await db
    .select({ externalId: eventLinks.externalId, contactId: eventLinks.contactId })
    .from(eventLinks)
    .innerJoin(
      contacts,
      and(eq(contacts.orgId, eventLinks.orgId), eq(contacts.id, eventLinks.contactId)),
    )
    .where(
      and(
        eq(eventLinks.orgId, orgId),
        eq(eventLinks.sourceId, sourceId),
        inArray(eventLinks.externalId, [...new Set(externalIds)]),
        isNull(contacts.deletedAt),
      ),
    );
  return new Map(rows.map((r) => [r.externalId, r.contactId]));
}

/**
 * For each key (an E.164 phone or a lower-case email), the live person the duplicate check
 * would name first (by name, then id); `rank` orders all of them the same way. Each key is its
 * own probe of the GIN index (decision 0021's `offset 0` keeps the planner from a scan).
 */
export async function personsByKeys(
  db: Db,
  orgId: string,
  by: 'phone' | 'email',
  keys: readonly string[],
): Promise<Array<{ key: string; id: string; rank: number }>> {
  if (keys.length === 0) return [];
  const column = by === 'phone' ? contacts.phoneKeys : contacts.emailKeys;
  // No ORDER BY … LIMIT inside the probe: the planner would walk the name index in order and
  // filter every contact by the key (seconds per batch); the few matches are ranked outside.
  const result = await db.execute(sql`
    select key, id, rank from (
      select k.key, c.id, (rank() over (order by c.sort_name, c.id))::int as rank,
        row_number() over (partition by k.key order by c.sort_name, c.id) as nth
      from jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb) as k(key)
      cross join lateral (
        select ${contacts.id} as id, ${contacts.sortName} as sort_name from ${contacts}
        where ${contacts.orgId} = ${orgId} and ${column} @> array[k.key]
          and ${contacts.deletedAt} is null and ${contacts.kind} = 'person'
        offset 0
      ) c
    ) m
    where nth = 1
  `);
  return (result as unknown as { rows: Array<{ key: string; id: string; rank: number }> }).rows;
}

/**
 * The member records a batch touches, locked until it commits. The keys go in as two lists the
 * unique index takes directly (a join against the pairs was planned as a walk through every
 * record of the source while the table's statistics were young); pairs nobody asked for are
 * dropped here.
 */
export async function lockMemberRecords(
  db: Db,
  orgId: string,
  sourceId: string,
  keys: ReadonlyArray<{ kind: string; externalId: string }>,
) {
  if (keys.length === 0) return [];
  const wanted = new Set(keys.map((k) => `${k.kind}\u0000${k.externalId}`));
  const rows = await db
    .select({
      kind: memberRecords.kind,
      externalId: memberRecords.externalId,
      data: memberRecords.data,
      occurredAt: memberRecords.occurredAt,
      contactId: memberRecords.contactId,
      memberExternalId: memberRecords.memberExternalId,
    })
    .from(memberRecords)
    .where(
      and(
        eq(memberRecords.orgId, orgId),
        eq(memberRecords.sourceId, sourceId),
        inArray(memberRecords.kind, [...new Set(keys.map((k) => k.kind))]),
        inArray(memberRecords.externalId, [...new Set(keys.map((k) => k.externalId))]),
      ),
    )
    .for('update');
  return rows.filter((r) => wanted.has(`${r.kind}\u0000${r.externalId}`));
}

/**
 * The final state of each record a batch changed, in one statement, prepared once: the rows go
 * in as one JSON value, so building it costs the same whatever the number of records.
 */
export async function writeMemberRecords(
  db: Db,
  orgId: string,
  sourceId: string,
  records: ReadonlyArray<{
    kind: string;
    externalId: string;
    memberExternalId: string | null;
    contactId: string | null;
    occurredAt: Date;
    data: Record<string, unknown>;
  }>,
) {
  if (records.length === 0) return;
  const rows = records.map((r) => ({
    kind: r.kind,
    external_id: r.externalId,
    member_external_id: r.memberExternalId,
    contact_id: r.contactId,
    occurred_at: r.occurredAt.toISOString(),
    data: r.data,
  }));
  await executeShaped(
    db,
    'club_events.write_member_records',
    () => sql`
      insert into ${memberRecords} (org_id, source_id, kind, external_id, member_external_id,
        contact_id, occurred_at, data)
      select ${sql.placeholder('orgId')}::uuid, ${sql.placeholder('sourceId')}::uuid, x.kind,
        x.external_id, x.member_external_id, x.contact_id, x.occurred_at, x.data
      from jsonb_to_recordset(${sql.placeholder('rows')}::jsonb) as x(kind text,
        external_id text, member_external_id text, contact_id uuid, occurred_at timestamptz,
        data jsonb)
      on conflict (org_id, source_id, kind, external_id) do update set data = excluded.data,
        occurred_at = excluded.occurred_at, contact_id = excluded.contact_id,
        member_external_id = excluded.member_external_id, updated_at = now()`,
    { orgId, sourceId, rows: JSON.stringify(rows) },
  );
}

/**
 * Links member ids to persons (a link to a person since trashed is moved), and gives each
 * person what the source sent about that member before anyone was linked.
 */
export async function writeLinks(
  db: Db,
  orgId: string,
  sourceId: string,
  links: ReadonlyMap<string, string>,
) {
  if (links.size === 0) return;
  const claims = JSON.stringify(
    [...links].map(([externalId, contactId]) => ({
      external_id: externalId,
      contact_id: contactId,
    })),
  );
  // Prepared once; the links go in as one JSON value, and what the source sent about each
  // member before is claimed by the same statement (its member records are those stored
  // before it, this batch's too).
  await executeShaped(
    db,
    'club_events.write_links_and_claim',
    () => sql`
      with links as (
        insert into ${eventLinks} (org_id, source_id, external_id, contact_id)
        select ${sql.placeholder('orgId')}::uuid, ${sql.placeholder('sourceId')}::uuid,
          x.external_id, x.contact_id
        from jsonb_to_recordset(${sql.placeholder('links')}::jsonb) as x(external_id text,
          contact_id uuid)
        on conflict (org_id, source_id, external_id) do update set contact_id = excluded.contact_id
      )
      update ${memberRecords} set contact_id = x.contact_id
      from jsonb_to_recordset(${sql.placeholder('links')}::jsonb) as x(external_id text,
        contact_id uuid)
      where ${memberRecords.orgId} = ${sql.placeholder('orgId')}::uuid
        and ${memberRecords.sourceId} = ${sql.placeholder('sourceId')}::uuid
        and ${memberRecords.memberExternalId} = x.external_id
        and ${memberRecords.contactId} is null`,
    { orgId, sourceId, links: claims },
  );
}

/** What the member's side of the card holds, mirrored from events. */
export type RecordKind = 'contract' | 'booking' | 'visit' | 'payment';

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
