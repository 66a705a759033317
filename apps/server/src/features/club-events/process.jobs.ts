import { and, asc, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { enqueueJob, type JobDefinitions } from '../jobs/index.ts';
import { clubEvents } from './club-events.table.ts';
import { pruneEventLog } from './members.repo.ts';
import { processClubEvent } from './process.service.ts';
import { loadOrgRules } from './rule-context.ts';
import { unpaidJobs } from './unpaid-check.ts';

export const DRAIN_JOB = 'club-events.drain';
export const SWEEP_JOB = 'club-events.sweep';
export const PRUNE_JOB = 'club-events.prune';
const DAY_MS = 24 * 60 * 60 * 1000;
const PRUNE_BATCH = 5_000;
/** Events one drain takes per look; it looks again until the source has none waiting. */
const DRAIN_BATCH = 200;

/**
 * A source's events are processed by one drain job at a time (its key names the source), in
 * the order they arrived. Storing an event queues the drain unless it is queued already; each
 * event is still marked processed in its own transaction, so a drain that dies half-way, or a
 * second one, never runs an event twice.
 */
export function enqueueProcessing(db: Db, e: { orgId: string; sourceId: string; now: Date }) {
  return enqueueJob(
    db,
    {
      kind: DRAIN_JOB,
      key: `club-events:drain:${e.sourceId}`,
      orgId: e.orgId,
      payload: { sourceId: e.sourceId },
      runAt: e.now,
    },
    { again: true },
  );
}

function waiting(db: Db, orgId: string, sourceId: string) {
  return db
    .select({ id: clubEvents.id })
    .from(clubEvents)
    .where(
      and(
        eq(clubEvents.orgId, orgId),
        eq(clubEvents.sourceId, sourceId),
        eq(clubEvents.state, 'accepted'),
        isNull(clubEvents.processedAt),
      ),
    )
    .orderBy(asc(clubEvents.receivedAt), asc(clubEvents.id))
    .limit(DRAIN_BATCH);
}

/**
 * An event stored in the moment between a drain's last empty look and its end queued nothing
 * (the drain was still running): the sweep queues its drain again, within twice this.
 */
const SWEEP_EVERY_MS = 5_000;

export const clubEventJobs: JobDefinitions = {
  [DRAIN_JOB]: {
    run: async (db, job, ctx) => {
      const sourceId = job.payload.sourceId;
      if (typeof sourceId !== 'string' || !job.orgId) return;
      for (;;) {
        const batch = await waiting(db, job.orgId, sourceId);
        // Read once per batch: settings changed meanwhile apply from the next batch on.
        const org = batch.length > 0 ? await loadOrgRules(db, job.orgId) : undefined;
        for (const { id } of batch) {
          if (ctx.stopping()) return 'release';
          await processClubEvent(db, job.orgId, id, ctx.now, org);
        }
        // Until a look finds nothing: events stored while this batch ran queued no drain (this
        // one was running), so they are this drain's to take.
        if (batch.length === 0) return;
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
