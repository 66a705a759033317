import type { Feature } from '../../lib/feature.ts';
import type { JobDefinition } from '../jobs/index.ts';
import { clubEventJobs } from './process.jobs.ts';
import { eventSourcesRoutes } from './event-sources.routes.ts';
import { ingestRoutes } from './ingest.routes.ts';
import { testEventsRoutes } from './test-events.routes.ts';
import { twilioRoutes } from './twilio.routes.ts';

/** Connected club systems and the events they deliver. */
export const clubEventsFeature: Feature<JobDefinition> = {
  name: 'club-events',
  routes: [eventSourcesRoutes, ingestRoutes, testEventsRoutes, twilioRoutes],
  jobs: clubEventJobs,
};
