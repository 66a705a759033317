import type { Db } from '../../db/client.ts';
import { insertEvents, type NewClubEvent } from './ingest.repo.ts';

type Stored = Map<string, { id: string; stored: boolean }>;

interface Waiting {
  events: NewClubEvent[];
  resolve: (stored: Stored) => void;
  reject: (err: unknown) => void;
}

interface SourceQueue {
  orgId: string;
  running: boolean;
  waiting: Waiting[];
}

/** Beyond this many events the waiting deliveries go in more than one statement. */
const MAX_EVENTS_PER_STATEMENT = 500;

const queues = new WeakMap<Db, Map<string, SourceQueue>>();

/**
 * `insertEvents` for a delivery, shared with the other deliveries of the same source that
 * arrive while its previous INSERT is under way: they are stored together by the next one, in
 * the order they arrived, as one statement and one commit (decision 0038). A source sending
 * one event per request would otherwise cost the database a statement and a commit per event,
 * which on a small machine took the CPU the rules needed. Each delivery is answered only once
 * the statement holding its events has committed, exactly as if it had run alone: an id that
 * two deliveries of one statement carry is stored for the first and a duplicate for the next.
 * If the shared statement fails, each delivery is stored on its own, so one delivery's fault
 * (a value the database refuses) is never another's.
 */
export function insertEventsTogether(
  db: Db,
  orgId: string,
  sourceId: string,
  events: NewClubEvent[],
): Promise<Stored> {
  let bySource = queues.get(db);
  if (!bySource) queues.set(db, (bySource = new Map()));
  let queue = bySource.get(sourceId);
  if (!queue) bySource.set(sourceId, (queue = { orgId, running: false, waiting: [] }));
  const answer = new Promise<Stored>((resolve, reject) =>
    queue.waiting.push({ events, resolve, reject }),
  );
  if (!queue.running) void storeWhileWaited(db, bySource, sourceId, queue);
  return answer;
}

async function storeWhileWaited(
  db: Db,
  bySource: Map<string, SourceQueue>,
  sourceId: string,
  queue: SourceQueue,
) {
  queue.running = true;
  while (queue.waiting.length > 0) {
    const these = takeUpTo(queue.waiting, MAX_EVENTS_PER_STATEMENT);
    await storeGroup(db, queue.orgId, sourceId, these);
  }
  queue.running = false;
  bySource.delete(sourceId);
}

/** The first deliveries waiting, as many as fit in a statement (always at least one). */
function takeUpTo(waiting: Waiting[], maxEvents: number): Waiting[] {
  let n = 0;
  let events = 0;
  while (n < waiting.length && (n === 0 || events + waiting[n]!.events.length <= maxEvents)) {
    events += waiting[n]!.events.length;
    n++;
  }
  return waiting.splice(0, n);
}

async function storeGroup(db: Db, orgId: string, sourceId: string, these: Waiting[]) {
  if (these.length === 1) {
    const [only] = these;
    await insertEvents(db, orgId, sourceId, only!.events).then(only!.resolve, only!.reject);
    return;
  }
  const distinct = new Map<string, NewClubEvent>();
  for (const w of these) {
    for (const e of w.events) if (!distinct.has(e.externalId)) distinct.set(e.externalId, e);
  }
  let stored: Stored;
  try {
    stored = await insertEvents(db, orgId, sourceId, [...distinct.values()]);
  } catch {
    for (const w of these) {
      await insertEvents(db, orgId, sourceId, w.events).then(w.resolve, w.reject);
    }
    return;
  }
  // An id stored by this statement is the first delivery's; a later one that carries it too
  // sees a duplicate of it, as it would have after the first delivery's own INSERT.
  const claimed = new Set<string>();
  for (const w of these) {
    const own: Stored = new Map();
    for (const e of w.events) {
      const row = stored.get(e.externalId);
      if (!row) continue;
      const first = row.stored && !claimed.has(e.externalId);
      if (row.stored) claimed.add(e.externalId);
      own.set(e.externalId, first ? row : { id: row.id, stored: false });
    }
    w.resolve(own);
  }
}
