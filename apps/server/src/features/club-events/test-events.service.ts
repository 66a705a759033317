import { randomUUID } from 'node:crypto';
import type { ClubEventIn, ClubEventType, EventReceipt } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import * as sources from './event-sources.repo.ts';
import { storeEvents } from './ingest.service.ts';

export interface TestEventInput {
  type: ClubEventType;
  version: 1;
  occurredAt?: string;
  data: Record<string, unknown>;
}

/**
 * An event an admin writes by hand in settings ("try it without an integration"): stored and
 * processed exactly as if the source had delivered it, under an id no club system uses.
 */
export async function sendTestEvent(
  db: Db,
  actor: Actor,
  sourceId: string,
  input: TestEventInput,
  now: Date,
): Promise<EventReceipt> {
  assertCan(actor, 'events.manage');
  const source = await sources.findSource(db, actor.orgId, sourceId);
  if (!source) throw notFound('Connected system');
  // A switched-off source refuses real deliveries; a test must not pretend otherwise.
  if (!source.enabled) throw forbidden('This connected system is switched off');
  const event: ClubEventIn = {
    id: `test_${randomUUID()}`,
    type: input.type,
    version: input.version,
    occurredAt: input.occurredAt ?? now.toISOString(),
    data: input.data,
  };
  const { items } = await storeEvents(db, { source }, [event], now);
  return items[0]!;
}
