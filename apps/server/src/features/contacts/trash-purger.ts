import type { JobDefinitions } from '../jobs/index.ts';
import { purgeExpired } from './trash.repo.ts';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Purges expired trash (C-12) as a recurring system job: at first start, then every hour.
 * Each run is one DELETE (with the promotion of a new primary guardian for children who lose
 * theirs, in the same transaction), so it does no harm if two instances run it close together.
 */
export const trashJobs: JobDefinitions = {
  'trash.purge': {
    every: HOUR_MS,
    run: async (db, _job, ctx) => {
      await db.transaction((tx) => purgeExpired(tx, ctx.now));
    },
  },
};
