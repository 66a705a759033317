import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { acquireDirLock, type DirLock, type DirLockOptions } from './dir-lock.ts';
import type { WorkerStart } from './pglite-protocol.ts';
import { startPgliteThread } from './pglite-thread.ts';

export { pgliteExtensions } from './pglite-extensions.ts';

/** One handle type for both drivers; queries name their tables (no relational `db.query`). */
export type Db = PgDatabase<PgQueryResultHKT>;
export type DatabaseKind = 'embedded' | 'postgres';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /**
   * LISTEN on a channel: `pg_notify` from any instance (and any transaction, once committed)
   * reaches `onMessage`. Returns the unsubscribe function.
   */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  /**
   * Embedded only: the whole data folder as a gzipped tarball, taken while no statement runs,
   * so it holds every commit acknowledged before it (PGlite's `dumpDataDir`).
   */
  dumpDataDir?: () => Promise<Blob>;
  /** Embedded on disk only: the data folder this process holds locked. */
  dataDir?: string;
  /**
   * Settles when the database is open and migrated (queries sent before then wait for it);
   * `openDatabase` has awaited it unless asked not to, so the caller can build the app meanwhile.
   */
  ready: Promise<void>;
  close(): Promise<void>;
}

export const migrationsFolder = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'migrations',
);

/** Any constant works; it only has to be the same for every instance of Spotter. */
const MIGRATION_LOCK_KEY = 7_314_001;

export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Several instances may start at once: only one applies migrations at a time.
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migratePg(drizzlePg(client, { casing: 'snake_case' }), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    client.release();
  }
  const db = drizzlePg(pool, { casing: 'snake_case' }) as unknown as Db;
  const listeners = new Set<() => Promise<void>>();
  return {
    db,
    kind: 'postgres',
    ready: Promise.resolve(),
    listen: async (channel, onMessage) => {
      const stop = await listenPostgres(url, channel, onMessage);
      listeners.add(stop);
      return async () => {
        listeners.delete(stop);
        await stop();
      };
    },
    close: async () => {
      for (const stop of [...listeners]) await stop();
      await pool.end();
    },
  };
}

/**
 * A dedicated connection that LISTENs (a pooled one would lose the subscription); it
 * reconnects after a dropped connection, so events keep flowing after a PostgreSQL restart.
 */
async function listenPostgres(
  url: string,
  channel: string,
  onMessage: (payload: string) => void,
): Promise<() => Promise<void>> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name ${channel}`);
  let stopped = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const reconnect = () => {
    if (!stopped) retry = setTimeout(() => void connect().catch(reconnect), 1000);
  };
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (msg) => {
      if (msg.channel === channel && msg.payload !== undefined) onMessage(msg.payload);
    });
    c.on('error', () => {
      if (stopped) return;
      c.end().catch(() => {});
      reconnect();
    });
    await c.connect();
    await c.query(`listen ${channel}`);
    client = c;
  };
  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    await client?.end().catch(() => {});
  };
}

/** Wraps an already open PGlite (tests hand in clones of a migrated template). */
export async function usePglite(
  client: PGlite,
  onClose?: () => void,
  dataDir?: string,
): Promise<Database> {
  const db = drizzlePglite(client, { casing: 'snake_case' });
  await migratePglite(db, { migrationsFolder });
  return {
    db: db as unknown as Db,
    kind: 'embedded',
    ready: Promise.resolve(),
    listen: (channel, onMessage) => client.listen(channel, onMessage),
    dumpDataDir: () => client.dumpDataDir('gzip'),
    dataDir,
    close: async () => {
      await client.close();
      onClose?.();
    },
  };
}

/** The embedded database's own folder inside DATA_DIR. */
export const pgliteDirOf = (dataDir: string) => path.join(dataDir, 'pglite');

/** Says why start-up pauses when the folder's lock names a process it cannot check. */
const tellWait: DirLockOptions['onWait'] = (holder, ms) =>
  console.warn(
    `The data folder is locked by process ${holder.pid}${holder.host ? ` on ${holder.host}` : ''}, ` +
      `which runs elsewhere (another container?). Waiting up to ${Math.ceil(ms / 1000)} s ` +
      'for it to stop…',
  );

/**
 * The embedded database in its own thread (decision 0022): PGlite runs there, and the HTTP
 * thread sends it statements. The folder's lock is held here, in the process, until close.
 * With `{ wait: false }` it returns once the thread is started; `ready` says when it is open.
 */
export async function openEmbedded(
  dataDir: string,
  opts: { wait?: boolean } = {},
): Promise<Database> {
  const dir = pgliteDirOf(dataDir);
  mkdirSync(dir, { recursive: true });
  // PGlite has no lock of its own: two processes on one directory silently lose commits.
  const lock: DirLock = await acquireDirLock(dataDir, { onWait: tellWait });
  const database = onThread({ dataDir: dir }, () => lock.release(), dataDir);
  if (opts.wait !== false) await database.ready;
  return database;
}

/**
 * A database on its own thread (pglite-worker.ts): a folder on disk, or a copy of a dump in
 * memory (tests). `onClose` runs once the thread has ended, also when it failed to open.
 */
export function onThread(start: WorkerStart, onClose?: () => void, dataDir?: string): Database {
  const thread = startPgliteThread({ ...start, migrationsFolder });
  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= (async () => {
      try {
        await thread.close();
      } finally {
        onClose?.();
      }
    })());
  // A database that failed to open lets go of its folder at once.
  thread.ready.catch(() => close().catch(() => {}));
  return {
    db: drizzlePglite(thread.client, { casing: 'snake_case' }) as unknown as Db,
    kind: 'embedded',
    ready: thread.ready,
    listen: thread.listen,
    dumpDataDir: thread.dumpDataDir,
    dataDir,
    close,
  };
}

export function openDatabase(
  opts: { databaseUrl: string | undefined; dataDir: string },
  embedded: { wait?: boolean } = {},
) {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openEmbedded(opts.dataDir, embedded);
}
