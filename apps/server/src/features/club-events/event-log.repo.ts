import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { cursorAtOf, olderThan, type TimeCursor } from '../../lib/time-cursor.ts';
import { clubEvents, eventSources } from './club-events.table.ts';

export interface EventLogFilter {
  sourceId?: string;
  type?: string;
  state?: 'accepted' | 'refused';
}

/** Newest first, one keyset page (`limit + 1` rows, so the caller knows if more follow). */
export function eventLogPage(
  db: Db,
  orgId: string,
  filter: EventLogFilter,
  limit: number,
  cursor?: TimeCursor,
) {
  const conditions: SQL[] = [eq(clubEvents.orgId, orgId)];
  if (filter.sourceId) conditions.push(eq(clubEvents.sourceId, filter.sourceId));
  if (filter.type) conditions.push(eq(clubEvents.type, filter.type));
  if (filter.state) conditions.push(eq(clubEvents.state, filter.state));
  if (cursor) conditions.push(olderThan(clubEvents.receivedAt, clubEvents.id, cursor));
  return db
    .select({
      id: clubEvents.id,
      sourceId: clubEvents.sourceId,
      sourceName: eventSources.name,
      externalId: clubEvents.externalId,
      type: clubEvents.type,
      state: clubEvents.state,
      reason: clubEvents.reason,
      receivedAt: clubEvents.receivedAt,
      occurredAt: clubEvents.occurredAt,
      data: clubEvents.data,
      processedAt: clubEvents.processedAt,
      contactId: clubEvents.contactId,
      outcome: clubEvents.outcome,
      cursorAt: cursorAtOf(clubEvents.receivedAt),
    })
    .from(clubEvents)
    .innerJoin(
      eventSources,
      and(eq(eventSources.orgId, clubEvents.orgId), eq(eventSources.id, clubEvents.sourceId)),
    )
    .where(and(...conditions))
    .orderBy(desc(clubEvents.receivedAt), desc(clubEvents.id))
    .limit(limit + 1);
}
