import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { enqueueJob, jobStates, type JobDefinitions } from '../jobs/index.ts';
import { clubEvents } from './club-events.table.ts';
import { pruneEventLog } from './members.repo.ts';
import { processBatch } from './process.service.ts';
import { unpaidJobs } from './unpaid-check.ts';

export const DRAIN_JOB = 'club-events.drain';
export const SWEEP_JOB = 'club-events.sweep';
export const PRUNE_JOB = 'club-events.prune';
const DAY_MS = 24 * 60 * 60 * 1000;
const PRUNE_BATCH = 5_000;
/**
 * Events one drain runs per transaction (decision 0026); it looks again until the source has
 * none waiting. Smaller on the embedded database, whose one connection a batch holds.
 */
const DRAIN_BATCH = 200;
const EMBEDDED_BATCH = 50;
const PAUSE_MS = 10;
/**
 * A batch smaller than this held a few deliveries' worth: the next one waits GATHER_MS for more
 * to arrive. A batch's reads and writes are some 25 statements whatever its size, so a drain
 * that kept up with single-event deliveries ran them a handful at a time and spent the machine
 * on those statements instead of on accepting (decision 0042).
 */
const GATHER_BELOW = 50;
const GATHER_MS = 20;

/**
 * A source's events are processed by one drain at a time, in the order they arrived. It has two
 * job keys under one concurrency key of limit 1, so while one runs the other can wait queued
 * and take over when it ends. Storing events makes sure one of the two is queued: a queued
 * drain starts after the events were committed, so it sees them; one that is running may have
 * looked for the last time already. Under load one is running and the other queued, and a
 * delivery only reads their states (no lock, no write). A batch's events are marked processed
 * in the transaction that ran them, so a drain that dies half-way, or a second one, never runs
 * an event twice.
 */
export async function enqueueProcessing(db: Db, e: { orgId: string; sourceId: string; now: Date }) {
  const base = `club-events:drain:${e.sourceId}`;
  const keys = [base, `${base}:next`] as const;
  const states = await jobStates(db, keys);
  if (keys.some((k) => states.get(k) === 'queued')) return false;
  const key = keys.find((k) => states.get(k) !== 'running') ?? base;
  return enqueueJob(
    db,
    {
      kind: DRAIN_JOB,
      key,
      orgId: e.orgId,
      payload: { sourceId: e.sourceId },
      runAt: e.now,
      concurrency: { key: base, limit: 1 },
    },
    { again: true },
  );
}

interface DrainCheck {
  running: boolean;
  waiting: Array<{ resolve: (queued: boolean) => void; reject: (err: unknown) => void }>;
  latest: { orgId: string; sourceId: string; now: Date };
}
const drainChecks = new WeakMap<Db, Map<string, DrainCheck>>();

/**
 * `enqueueProcessing` for a delivery, shared by the deliveries of a source that arrive while a
 * look is under way: they wait for the next look, which starts once the current one has
 * answered, so after every waiting delivery's events were committed — which is all the look
 * needs to be right. A busy source is looked at once per round trip, not once per delivery.
 */
export function ensureDrain(
  db: Db,
  e: { orgId: string; sourceId: string; now: Date },
): Promise<boolean> {
  let bySource = drainChecks.get(db);
  if (!bySource) drainChecks.set(db, (bySource = new Map()));
  let check = bySource.get(e.sourceId);
  if (!check) bySource.set(e.sourceId, (check = { running: false, waiting: [], latest: e }));
  check.latest = e;
  const answer = new Promise<boolean>((resolve, reject) => check.waiting.push({ resolve, reject }));
  if (!check.running) void lookWhileWaited(db, bySource, check);
  return answer;
}

async function lookWhileWaited(db: Db, bySource: Map<string, DrainCheck>, check: DrainCheck) {
  check.running = true;
  while (check.waiting.length > 0) {
    const these = check.waiting.splice(0);
    try {
      const queued = await enqueueProcessing(db, check.latest);
      for (const w of these) w.resolve(queued);
    } catch (err) {
      for (const w of these) w.reject(err);
    }
  }
  check.running = false;
  bySource.delete(check.latest.sourceId);
}

/**
 * An event whose drain could not be queued (its server stopped between storing it and
 * queueing) waits for the sweep, which queues its drain within twice this.
 */
const SWEEP_EVERY_MS = 5_000;

export const clubEventJobs: JobDefinitions = {
  [DRAIN_JOB]: {
    run: async (db, job, ctx) => {
      const sourceId = job.payload.sourceId;
      if (typeof sourceId !== 'string' || !job.orgId) return;
      // Where the previous batch ended: events with an earlier place committed later are
      // another drain's (their delivery queued one, this one being under way).
      let afterSeq: number | undefined;
      let lastRan = 0;
      for (let batches = 0; ; batches++) {
        // On the embedded database (one connection) requests waiting for it get in between;
        // elsewhere a small batch is followed by a moment for more events to arrive.
        const pause = ctx.oneConnection ? PAUSE_MS : lastRan < GATHER_BELOW ? GATHER_MS : 0;
        if (batches > 0 && pause > 0) await new Promise((r) => setTimeout(r, pause));
        if (ctx.stopping()) return 'release';
        // A batch at a time, each in its own transaction, on the clock of its moment; the
        // settings are read with each batch, so a change applies from the next one on.
        const limit = ctx.oneConnection ? EMBEDDED_BATCH : DRAIN_BATCH;
        const { ran, lastSeq } = await processBatch(
          db,
          job.orgId,
          { sourceId, limit, afterSeq },
          ctx.clock(),
        );
        afterSeq = lastSeq ?? afterSeq;
        lastRan = ran;
        // Until a look finds nothing: events stored while this batch ran queued no drain (this
        // one was running), so they are this drain's to take.
        if (ran === 0) return;
      }
    },
  },
  [SWEEP_JOB]: {
    every: SWEEP_EVERY_MS,
    run: async (db, _job, ctx) => {
      const before = new Date(ctx.now.getTime() - SWEEP_EVERY_MS);
      const stale = await db
        .selectDistinct({ orgId: clubEvents.orgId, sourceId: clubEvents.sourceId })
        .from(clubEvents)
        .where(
          and(
            eq(clubEvents.state, 'accepted'),
            isNull(clubEvents.processedAt),
            lt(clubEvents.receivedAt, before),
          ),
        )
        .limit(1000);
      for (const s of stale) await enqueueProcessing(db, { ...s, now: ctx.now });
    },
  },
  [PRUNE_JOB]: {
    every: DAY_MS,
    run: async (db, _job, ctx) => {
      // A bounded batch at a time, so a large first prune never holds the table for long.
      while (!ctx.stopping() && (await pruneEventLog(db, ctx.now, PRUNE_BATCH)) === PRUNE_BATCH);
    },
  },
  ...unpaidJobs,
};
