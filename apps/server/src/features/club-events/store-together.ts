import type { Db } from '../../db/client.ts';
import { jobStates } from '../jobs/index.ts';
import { insertEvents, type NewClubEvent, type StoredEvents } from './ingest.repo.ts';
import { drainAfterLook, drainKeys } from './process.jobs.ts';

/** A delivery's events as stored, and whether a drain was queued for them just now. */
export interface Delivered {
  stored: StoredEvents;
  drainQueued: boolean;
}

interface Waiting {
  events: NewClubEvent[];
  now: Date;
  resolve: (delivered: Delivered) => void;
  reject: (err: unknown) => void;
}

/** A delivery whose events are committed and whose look at the source's drain is due. */
interface Looking {
  waiting: Waiting;
  stored: StoredEvents;
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
 * Stores a delivery's events, shared with the other deliveries of the same source that arrive
 * while its previous INSERT is under way: they are stored together by the next one, in the
 * order they arrived, as one statement and one commit (decision 0038). A source sending one
 * event per request would otherwise cost the database a statement and a commit per event,
 * which on a small machine took the CPU the rules needed. Each delivery is answered only once
 * the statement holding its events has committed, exactly as if it had run alone: an id that
 * two deliveries of one statement carry is stored for the first and a duplicate for the next.
 * If the shared statement fails, each delivery is stored on its own, so one delivery's fault
 * (a value the database refuses) is never another's.
 *
 * Then the source's drain is made sure of, by a look at its jobs' states taken after the
 * delivery's events were committed (see `enqueueProcessing`). While more deliveries wait, the
 * look rides on the next INSERT, whose snapshot starts after this one's commit: one statement
 * instead of two (decision 0042). The last group's look is a statement of its own.
 */
export function storeEventsTogether(
  db: Db,
  orgId: string,
  sourceId: string,
  events: NewClubEvent[],
  now: Date,
): Promise<Delivered> {
  let bySource = queues.get(db);
  if (!bySource) queues.set(db, (bySource = new Map()));
  let queue = bySource.get(sourceId);
  if (!queue) bySource.set(sourceId, (queue = { orgId, running: false, waiting: [] }));
  const answer = new Promise<Delivered>((resolve, reject) =>
    queue.waiting.push({ events, now, resolve, reject }),
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
  let due: Looking[] = [];
  while (queue.waiting.length > 0) {
    const these = takeUpTo(queue.waiting, MAX_EVENTS_PER_STATEMENT);
    const group = await storeGroup(db, queue.orgId, sourceId, these, due.length > 0);
    if (due.length > 0) {
      await settle(db, queue.orgId, sourceId, due, group.states);
    }
    due = group.stored;
  }
  queue.running = false;
  bySource.delete(sourceId);
  if (due.length > 0) await settle(db, queue.orgId, sourceId, due);
}

/**
 * Answers deliveries whose events are committed: those that stored nothing need no drain; the
 * others get the look `states` (read after their commit), or one made now.
 */
async function settle(
  db: Db,
  orgId: string,
  sourceId: string,
  due: Looking[],
  states?: Map<string, string>,
) {
  const fresh = due.filter((d) => [...d.stored.values()].some((o) => o.stored));
  for (const d of due) {
    if (!fresh.includes(d)) d.waiting.resolve({ stored: d.stored, drainQueued: false });
  }
  if (fresh.length === 0) return;
  try {
    const looked = states ?? (await jobStates(db, drainKeys(sourceId)));
    const now = fresh.at(-1)!.waiting.now;
    const queued = await drainAfterLook(db, { orgId, sourceId, now }, looked);
    for (const d of fresh) d.waiting.resolve({ stored: d.stored, drainQueued: queued });
  } catch (err) {
    for (const d of fresh) d.waiting.reject(err);
  }
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

/**
 * Stores a group of deliveries; `look`: its statement also reads the drain's states (for the
 * group before). Answers the deliveries stored (the others are answered with their error) and
 * the states, unless the shared statement failed.
 */
async function storeGroup(
  db: Db,
  orgId: string,
  sourceId: string,
  these: Waiting[],
  look: boolean,
): Promise<{ stored: Looking[]; states?: Map<string, string> }> {
  const keys = look ? drainKeys(sourceId) : undefined;
  const distinct = new Map<string, NewClubEvent>();
  for (const w of these) {
    for (const e of w.events) if (!distinct.has(e.externalId)) distinct.set(e.externalId, e);
  }
  let shared: Awaited<ReturnType<typeof insertEvents>>;
  try {
    shared = await insertEvents(db, orgId, sourceId, [...distinct.values()], keys);
  } catch (err) {
    if (these.length === 1) {
      these[0]!.reject(err);
      return { stored: [] };
    }
    const stored: Looking[] = [];
    for (const w of these) {
      try {
        stored.push({
          waiting: w,
          stored: (await insertEvents(db, orgId, sourceId, w.events)).stored,
        });
      } catch (own) {
        w.reject(own);
      }
    }
    return { stored };
  }
  // An id stored by this statement is the first delivery's; a later one that carries it too
  // sees a duplicate of it, as it would have after the first delivery's own INSERT.
  const claimed = new Set<string>();
  const stored: Looking[] = [];
  for (const w of these) {
    const own: StoredEvents = new Map();
    for (const e of w.events) {
      const row = shared.stored.get(e.externalId);
      if (!row) continue;
      const first = row.stored && !claimed.has(e.externalId);
      if (row.stored) claimed.add(e.externalId);
      own.set(e.externalId, first ? row : { id: row.id, stored: false });
    }
    stored.push({ waiting: w, stored: own });
  }
  return { stored, states: keys && shared.states };
}
