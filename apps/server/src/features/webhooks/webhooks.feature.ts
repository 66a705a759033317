import type { Feature } from '../../lib/feature.ts';
import { contactChanged } from '../contacts/index.ts';
import { leadFormSubmitted } from '../lead-forms/index.ts';
import type { JobDefinition } from '../jobs/index.ts';
import { taskChanged } from '../tasks/index.ts';
import { webhookJobs } from './deliver.jobs.ts';
import { emitContactEvent, emitLeadFormEvent, emitTaskEvent } from './subscribers.ts';
import { webhooksRoutes } from './webhooks.routes.ts';

/** Outbound webhooks (A-4, decision 0027): signed deliveries of CRM changes, retried. */
export const webhooksFeature: Feature<JobDefinition> = {
  name: 'webhooks',
  routes: [webhooksRoutes],
  wire: () => {
    contactChanged.on(emitContactEvent);
    taskChanged.on(emitTaskEvent);
    leadFormSubmitted.on(emitLeadFormEvent);
  },
  jobs: (app) => webhookJobs(app),
};
