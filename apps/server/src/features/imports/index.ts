export { imports } from './imports.table.ts';
export { importsRoutes } from './imports.routes.ts';
export { startImportWorker, processNextImport } from './import-worker.ts';
