export { imports } from './imports.table.ts';
export { importsRoutes } from './imports.routes.ts';
/** The background job that runs an import (`imports.run`); app.ts hands it to the runner. */
export { importJobs } from './import-worker.ts';
