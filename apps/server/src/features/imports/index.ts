export { imports } from './imports.table.ts';
