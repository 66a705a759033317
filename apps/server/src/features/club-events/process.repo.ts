import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { executeShaped } from '../../lib/named-statement.ts';
import { clubEvents } from './club-events.table.ts';

export type EventRow = typeof clubEvents.$inferSelect;

/**
 * Which events a run takes: a source's next waiting ones (after `afterSeq`: where the drain's
 * previous batch ended), or named ones.
 */
export type EventSelection =
  { sourceId: string; limit: number; afterSeq?: number } | { ids: string[] };

/**
 * The waiting events, in arrival order, locked until the run commits: a second run (another
 * instance, a retried job) waits for this one and then finds them processed.
 */
export function lockWaitingEvents(db: Db, orgId: string, select: EventSelection) {
  const which =
    'ids' in select
      ? inArray(clubEvents.id, select.ids)
      : and(
          eq(clubEvents.sourceId, select.sourceId),
          // Processed events leave entries in the waiting index until a vacuum removes them: a
          // drain starts each next batch where the last ended instead of walking past them again.
          select.afterSeq === undefined ? undefined : gt(clubEvents.seq, select.afterSeq),
        );
  return db
    .select()
    .from(clubEvents)
    .where(
      and(
        eq(clubEvents.orgId, orgId),
        which,
        eq(clubEvents.state, 'accepted'),
        isNull(clubEvents.processedAt),
      ),
    )
    .orderBy(asc(clubEvents.seq))
    .limit('ids' in select ? select.ids.length : select.limit)
    .for('update');
}

/**
 * Marks a run's events processed, each with its person and what was done, in one statement
 * prepared once (the rows go in as one JSON value).
 */
export async function markProcessed(
  db: Db,
  orgId: string,
  now: Date,
  done: ReadonlyArray<{ id: string; contactId: string | null; outcome: unknown }>,
) {
  if (done.length === 0) return;
  const rows = JSON.stringify(
    done.map((d) => ({ id: d.id, contact_id: d.contactId, outcome: d.outcome })),
  );
  await executeShaped(
    db,
    'club_events.mark_processed',
    () => sql`
      update ${clubEvents} set processed_at = ${sql.placeholder('now')}::timestamptz,
        contact_id = x.contact_id, outcome = x.outcome
      from jsonb_to_recordset(${sql.placeholder('rows')}::jsonb) as x(id uuid, contact_id uuid,
        outcome jsonb)
      where ${clubEvents.orgId} = ${sql.placeholder('orgId')}::uuid and ${clubEvents.id} = x.id`,
    { orgId, now: now.toISOString(), rows },
  );
}
