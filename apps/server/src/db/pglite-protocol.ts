/**
 * The messages between the main thread and the thread that runs the embedded database
 * (pglite-worker.ts; decision 0022). Every request carries an id that its answer repeats.
 */

/** What the worker opens: a folder on disk, or (tests) an in-memory copy of a dump. */
export interface WorkerStart {
  dataDir?: string;
  loadDataDir?: Uint8Array;
}

export type Request =
  | {
      op: 'query';
      id: number;
      sql: string;
      params: unknown[];
      rowMode?: 'array' | 'object';
      /** Types whose text is handed over as it is (Drizzle's own parsers for dates do this). */
      rawTypes?: number[];
      /** The transaction this statement belongs to; none for a statement of its own. */
      tx?: number;
    }
  | { op: 'begin'; id: number; tx: number }
  | { op: 'end'; id: number; tx: number; commit: boolean }
  | { op: 'listen'; id: number; channel: string; sub: number }
  | { op: 'unlisten'; id: number; sub: number }
  | { op: 'dump'; id: number }
  | { op: 'close'; id: number };

/** A database error as plain data: its message and PostgreSQL's fields (code, constraint …). */
export interface ErrorData {
  name: string;
  message: string;
  stack?: string;
  fields: Record<string, string | number | boolean>;
}

export type Reply =
  | { type: 'ready' }
  | { type: 'failed'; error: ErrorData }
  | { type: 'result'; id: number; value?: unknown }
  | { type: 'error'; id: number; error: ErrorData }
  | { type: 'notify'; sub: number; payload: string };

export function errorToData(err: unknown): ErrorData {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err), fields: {} };
  const fields: ErrorData['fields'] = {};
  for (const [key, value] of Object.entries(err)) {
    if (['string', 'number', 'boolean'].includes(typeof value)) {
      fields[key] = value as string | number | boolean;
    }
  }
  return { name: err.name, message: err.message, stack: err.stack, fields };
}

/** The error again on this side, with the same code/constraint/detail the app reads. */
export function errorFromData(data: ErrorData): Error {
  const err = Object.assign(new Error(data.message), data.fields);
  err.name = data.name;
  if (data.stack) err.stack = data.stack;
  return err;
}
