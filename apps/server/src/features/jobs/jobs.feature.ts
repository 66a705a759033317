import type { Feature } from '../../lib/feature.ts';
import type { JobDefinition } from './job-runner.ts';
import { jobMaintenance } from './jobs-prune.ts';
import { jobsRoutes } from './jobs.routes.ts';

/** The durable job queue: failed jobs for admins, and the prune of old finished jobs. */
export const jobsFeature: Feature<JobDefinition> = {
  name: 'jobs',
  routes: [jobsRoutes],
  jobs: jobMaintenance,
};
