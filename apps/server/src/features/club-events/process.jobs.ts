import type { Db } from '../../db/client.ts';
import { enqueueJob, type JobDefinitions } from '../jobs/index.ts';
import { processClubEvent } from './process.service.ts';
import { unpaidJobs } from './unpaid-check.ts';

export const PROCESS_JOB = 'club-events.process';

/**
 * One job per accepted event, keyed by the event, so its rules run once whatever the number of
 * instances and deliveries. A source's events run one at a time, so two events about a
 * member nobody knows yet cannot both create them.
 */
export function enqueueProcessing(
  db: Db,
  e: { orgId: string; sourceId: string; eventId: string; now: Date },
) {
  return enqueueJob(db, {
    kind: PROCESS_JOB,
    key: `club-event:${e.eventId}`,
    orgId: e.orgId,
    payload: { eventId: e.eventId },
    runAt: e.now,
    concurrency: { key: `club-events:${e.sourceId}`, limit: 1 },
  });
}

export const clubEventJobs: JobDefinitions = {
  [PROCESS_JOB]: {
    run: async (db, job, ctx) => {
      const eventId = job.payload.eventId;
      if (typeof eventId !== 'string' || !job.orgId) return;
      await processClubEvent(db, job.orgId, eventId, ctx.now);
    },
  },
  ...unpaidJobs,
};
