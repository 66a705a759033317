import type { Feature } from '../../lib/feature.ts';
import { startImportWorker } from './import-worker.ts';
import { importsRoutes } from './imports.routes.ts';

/** CSV import of persons and companies, checked in a dry run and run in the background (C-14). */
export const importsFeature: Feature = {
  name: 'imports',
  routes: [importsRoutes],
  background: [
    (app) => startImportWorker(app.db, (err) => app.log.error({ err }, 'import worker')),
  ],
};
