import { sql } from 'drizzle-orm';
import type { LiveEvent } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';

/** The one NOTIFY channel every instance LISTENs on. */
export const EVENTS_CHANNEL = 'spotter_events';

export interface OrgEvent extends LiveEvent {
  orgId: string;
}

/**
 * Announces a change to everyone in the organization (T-12). It is a NOTIFY, so inside a
 * transaction it is sent only when that transaction commits, and a rolled-back change is
 * never announced; every instance's `/api/events` streams receive it.
 */
export async function publishEvent(db: Db, orgId: string, event: LiveEvent): Promise<void> {
  const payload: OrgEvent = { orgId, ...event };
  await db.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify(payload)})`);
}
