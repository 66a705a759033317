import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { executeShaped } from '../../lib/named-statement.ts';
import { jobStatesPart } from '../jobs/index.ts';
import { clubEvents } from './club-events.table.ts';

export interface NewClubEvent {
  externalId: string;
  type: string;
  typeVersion: number;
  occurredAt: string;
  data: unknown;
}

export type StoredEvents = Map<string, { id: string; stored: boolean }>;

/**
 * Stores a batch of distinct events in one statement; an event id the source already delivered
 * is left as it is (the unique index decides, so two instances receiving the same delivery at
 * once store it once). Answers each external id's stored row id and whether this call stored it.
 * `look`: two job keys whose states the same statement reads (`states`), as of its start.
 */
export async function insertEvents(
  db: Db,
  orgId: string,
  sourceId: string,
  events: NewClubEvent[],
  look?: readonly [string, string],
): Promise<{ stored: StoredEvents; states: Map<string, string> }> {
  // Built once, then parsed and planned once per connection, whatever the number of events:
  // a delivery only binds its values. Without a look its keys are null and match no job.
  const rows = await executeShaped<{
    id: string | null;
    external_id: string | null;
    job_key: string | null;
    job_state: string | null;
  }>(
    db,
    'club_events.insert_and_look',
    () => sql`
    with stored as (
      insert into ${clubEvents} (org_id, source_id, external_id, type, type_version, state,
        occurred_at, data)
      select ${sql.placeholder('orgId')}::uuid, ${sql.placeholder('sourceId')}::uuid,
        x.external_id, x.type, x.type_version, 'accepted', x.occurred_at, x.data
      from jsonb_to_recordset(${sql.placeholder('events')}::jsonb) as x(ord int,
        external_id text, type text, type_version int, occurred_at timestamptz, data jsonb)
      order by x.ord
      on conflict (org_id, source_id, external_id) do nothing
      returning id, external_id
    )
    select id::text as id, external_id, null::text as job_key, null::text as job_state
    from stored
    union all
    select null, null, j.job_key, j.job_state
    from (${jobStatesPart(sql.placeholder('lookA'), sql.placeholder('lookB'))}) as j
  `,
    {
      orgId,
      sourceId,
      lookA: look?.[0] ?? null,
      lookB: look?.[1] ?? null,
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
  const outcome: StoredEvents = new Map();
  const states = new Map<string, string>();
  for (const row of rows) {
    if (row.job_key !== null) states.set(row.job_key, String(row.job_state));
    else outcome.set(String(row.external_id), { id: String(row.id), stored: true });
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
  return { stored: outcome, states };
}

/** A delivery that did not verify: kept with its reason only (its body is not trusted). */
export async function insertRefusal(db: Db, orgId: string, sourceId: string, reason: string) {
  await db.insert(clubEvents).values({ orgId, sourceId, state: 'refused', reason });
}
