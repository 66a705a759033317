import { randomUUID } from 'node:crypto';
import type { ClubEventIn, EventSourceKind } from '@spotter/contracts';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { eventSources } from './club-events.table.ts';
import { eventSecretBox, newSigningSecret, secretContext } from './event-secrets.ts';
import * as repo from './event-sources.repo.ts';
import { storeEvents } from './ingest.service.ts';

/**
 * The demo's connected system: a source whose signing secret nobody has seen (an admin who
 * wants to connect a real system rotates it, or registers a new one), and its history stored
 * exactly as if the system had delivered it, so the job runner runs the rules on it as on any
 * delivery. Safe to run twice: the source is found by name, and a repeated event id changes
 * nothing.
 */
export async function storeDemoEvents(
  db: Db,
  input: {
    orgId: string;
    sessionSecret: string;
    source: { name: string; kind: EventSourceKind };
    events: ClubEventIn[];
    now: Date;
  },
): Promise<{ stored: number }> {
  const [existing] = await db
    .select()
    .from(eventSources)
    .where(and(eq(eventSources.orgId, input.orgId), eq(eventSources.name, input.source.name)));
  let source = existing;
  if (!source) {
    const id = randomUUID();
    source = await repo.insertSource(db, {
      id,
      orgId: input.orgId,
      name: input.source.name,
      kind: input.source.kind,
      secretSealed: eventSecretBox(input.sessionSecret).seal(
        newSigningSecret(),
        secretContext(input.orgId, id),
      ),
    });
  }
  if (input.events.length === 0) return { stored: 0 };
  const { items } = await storeEvents(db, { source }, input.events, input.now);
  return { stored: items.filter((i) => i.outcome !== 'duplicate').length };
}
