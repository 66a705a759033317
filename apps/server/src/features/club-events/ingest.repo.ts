import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { executeShaped } from '../../lib/named-statement.ts';
import { clubEvents } from './club-events.table.ts';

export interface NewClubEvent {
  externalId: string;
  type: string;
  typeVersion: number;
  occurredAt: string;
  data: unknown;
}

/**
 * Stores a batch of distinct events in one statement; an event id the source already delivered
 * is left as it is (the unique index decides, so two instances receiving the same delivery at
 * once store it once). Answers each external id's stored row id and whether this call stored it.
 */
export async function insertEvents(
  db: Db,
  orgId: string,
  sourceId: string,
  events: NewClubEvent[],
): Promise<Map<string, { id: string; stored: boolean }>> {
  // Built once, then parsed and planned once per connection, whatever the number of events:
  // a delivery only binds its values.
  const rows = await executeShaped<{ id: string; external_id: string }>(
    db,
    'club_events.insert',
    () => sql`
    insert into ${clubEvents} (org_id, source_id, external_id, type, type_version, state,
      occurred_at, data)
    select ${sql.placeholder('orgId')}::uuid, ${sql.placeholder('sourceId')}::uuid,
      x.external_id, x.type, x.type_version, 'accepted', x.occurred_at, x.data
    from jsonb_to_recordset(${sql.placeholder('events')}::jsonb) as x(ord int, external_id text,
      type text, type_version int, occurred_at timestamptz, data jsonb)
    order by x.ord
    on conflict (org_id, source_id, external_id) do nothing
    returning id, external_id
  `,
    {
      orgId,
      sourceId,
      events: JSON.stringify(
        events.map((e, ord) => ({
          ord,
          external_id: e.externalId,
          type: e.type,
          type_version: e.typeVersion,
          occurred_at: e.occurredAt,
          data: e.data,
        })),
      ),
    },
  );
  const outcome = new Map<string, { id: string; stored: boolean }>();
  for (const row of rows) {
    outcome.set(String(row.external_id), { id: String(row.id), stored: true });
  }
  const repeated = events.map((e) => e.externalId).filter((id) => !outcome.has(id));
  if (repeated.length > 0) {
    const earlier = await db
      .select({ id: clubEvents.id, externalId: clubEvents.externalId })
      .from(clubEvents)
      .where(
        and(
          eq(clubEvents.orgId, orgId),
          eq(clubEvents.sourceId, sourceId),
          inArray(clubEvents.externalId, repeated),
        ),
      );
    for (const row of earlier) outcome.set(row.externalId!, { id: row.id, stored: false });
  }
  return outcome;
}

/** A delivery that did not verify: kept with its reason only (its body is not trusted). */
export async function insertRefusal(db: Db, orgId: string, sourceId: string, reason: string) {
  await db.insert(clubEvents).values({ orgId, sourceId, state: 'refused', reason });
}
