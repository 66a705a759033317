/**
 * The main thread's side of the embedded database thread (pglite-worker.ts, decision 0022): a
 * stand-in for PGlite that Drizzle's own PGlite driver uses unchanged, so statements, results
 * and transactions behave as they do on an in-process PGlite; only the execution moves.
 */
import { Worker } from 'node:worker_threads';
import type { PGlite, QueryOptions, Results, Transaction } from '@electric-sql/pglite';
import {
  errorFromData,
  type ErrorData,
  type Reply,
  type Request,
  type WorkerStart,
} from './pglite-protocol.ts';

type Op = Request extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export interface PgliteThread {
  /** What Drizzle's PGlite driver calls: `query` and `transaction`. */
  client: PGlite;
  /** Resolves once the database is open and migrated; rejects with the reason it is not. */
  ready: Promise<void>;
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  dumpDataDir(): Promise<Blob>;
  /** Closes the database (PGlite writes everything out) and ends the thread. */
  close(): Promise<void>;
}

/**
 * The worker's file next to this one: the build's JavaScript, or from the sources TypeScript,
 * which the thread loads through tsx (a worker does not take `--import` from its execArgv).
 */
function newWorker(workerData: unknown): Worker {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./pglite-worker.js', import.meta.url), { workerData });
  }
  const source = JSON.stringify(new URL('./pglite-worker.ts', import.meta.url).href);
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${source}); })`;
  return new Worker(boot, { eval: true, workerData });
}

export function startPgliteThread(start: WorkerStart & { migrationsFolder: string }): PgliteThread {
  const worker = newWorker(start);
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const subscribers = new Map<number, (payload: string) => void>();
  let nextId = 1;
  let stopped: Error | undefined;

  let markReady!: () => void;
  let markFailed!: (err: Error) => void;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  // Whoever opened it awaits `ready` when it needs to; until then nothing is left unhandled.
  ready.catch(() => {});

  const stop = (err: Error) => {
    stopped ??= err;
    markFailed(stopped);
    for (const w of waiting.values()) w.reject(stopped);
    waiting.clear();
  };
  worker.on('message', (reply: Reply) => {
    switch (reply.type) {
      case 'ready':
        return markReady();
      case 'failed':
        return stop(errorFromData(reply.error));
      case 'notify':
        return subscribers.get(reply.sub)?.(reply.payload);
      case 'result':
      case 'error': {
        const w = waiting.get(reply.id);
        waiting.delete(reply.id);
        if (reply.type === 'result') w?.resolve(reply.value);
        else w?.reject(errorFromData(reply.error as ErrorData));
      }
    }
  });
  worker.on('error', (err) => stop(err));
  worker.on('exit', (code) =>
    stop(new Error(`the embedded database stopped (thread exit ${code})`)),
  );

  const call = <T>(op: Op): Promise<T> => {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...op, id });
    });
  };

  const queryIn =
    (tx: number | undefined) =>
    <T>(sql: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> =>
      call<Results<T>>({
        op: 'query',
        sql,
        params,
        rowMode: options?.rowMode,
        rawTypes: options?.parsers ? Object.keys(options.parsers).map(Number) : undefined,
        tx,
      });

  let nextTx = 1;
  const transaction = async <T>(body: (tx: Transaction) => Promise<T>): Promise<T> => {
    const tx = nextTx++;
    await call({ op: 'begin', tx });
    const handle = { query: queryIn(tx) } as unknown as Transaction;
    let result: T;
    try {
      result = await body(handle);
    } catch (err) {
      // The body's error is the one that matters; a failed rollback leaves nothing to keep.
      await call({ op: 'end', tx, commit: false }).catch(() => {});
      throw err;
    }
    await call({ op: 'end', tx, commit: true });
    return result;
  };

  let nextSub = 1;
  return {
    client: { query: queryIn(undefined), transaction } as unknown as PGlite,
    ready,
    listen: async (channel, onMessage) => {
      const sub = nextSub++;
      subscribers.set(sub, onMessage);
      await call({ op: 'listen', channel, sub });
      return async () => {
        subscribers.delete(sub);
        await call({ op: 'unlisten', sub });
      };
    },
    dumpDataDir: async () => new Blob([await call<Uint8Array<ArrayBuffer>>({ op: 'dump' })]),
    close: async () => {
      if (!stopped) await call({ op: 'close' });
      await worker.terminate();
    },
  };
}
