import type { EventLogEntry } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { decodeTimeCursor, timeCursorPage } from '../../lib/time-cursor.ts';
import { eventLogPage, type EventLogFilter } from './event-log.repo.ts';

export async function listEventLog(
  db: Db,
  actor: Actor,
  query: EventLogFilter & { cursor?: string; limit: number },
) {
  assertCan(actor, 'events.manage');
  const cursor = query.cursor ? decodeTimeCursor(query.cursor) : undefined;
  const rows = await eventLogPage(db, actor.orgId, query, query.limit, cursor);
  const { page, nextCursor } = timeCursorPage(rows, query.limit);
  return {
    items: page.map((r): EventLogEntry => ({
      id: r.id,
      sourceId: r.sourceId,
      sourceName: r.sourceName,
      externalEventId: r.externalId,
      type: r.type,
      state: r.state as EventLogEntry['state'],
      reason: r.reason,
      receivedAt: r.receivedAt.toISOString(),
      occurredAt: r.occurredAt?.toISOString() ?? null,
      data: r.data ?? null,
      processedAt: r.processedAt?.toISOString() ?? null,
      contactId: r.contactId,
      outcome: (r.outcome as Array<Record<string, unknown>> | null) ?? null,
    })),
    nextCursor,
  };
}
