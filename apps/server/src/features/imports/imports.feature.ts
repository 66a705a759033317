import type { Feature } from '../../lib/feature.ts';
import type { JobDefinition } from '../jobs/index.ts';
import { importJobs } from './import-worker.ts';
import { importsRoutes } from './imports.routes.ts';

/** CSV import of persons and companies, checked in a dry run and run in the background (C-14). */
export const importsFeature: Feature<JobDefinition> = {
  name: 'imports',
  routes: [importsRoutes],
  jobs: importJobs,
};
