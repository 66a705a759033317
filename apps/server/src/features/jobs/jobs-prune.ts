import type { JobDefinitions } from './job-runner.ts';
import { pruneDoneJobs } from './jobs.repo.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long a finished job (and so its key) is kept: a key older than this may run again. */
export const KEEP_DONE_JOBS_MS = 30 * DAY_MS;

/** The runner's own upkeep: finished jobs go after 30 days, failed ones stay for admins. */
export const jobMaintenance: JobDefinitions = {
  'jobs.prune': {
    every: DAY_MS,
    run: async (db, _job, ctx) => {
      await pruneDoneJobs(db, new Date(ctx.now.getTime() - KEEP_DONE_JOBS_MS));
    },
  },
};
