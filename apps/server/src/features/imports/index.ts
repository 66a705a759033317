export { imports } from './imports.table.ts';
export { processNextImport } from './import-worker.ts';
