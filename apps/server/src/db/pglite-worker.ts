/**
 * The thread that owns the embedded database (decision 0022): PGlite runs here, so the HTTP
 * thread builds queries and answers requests while a statement executes. It opens and migrates
 * the database, then runs what the main thread sends (pglite-protocol.ts) in arrival order;
 * PGlite itself keeps a transaction's statements together and makes others wait.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { pgliteExtensions } from './pglite-extensions.ts';
import { errorToData, type Reply, type Request, type WorkerStart } from './pglite-protocol.ts';

/**
 * PostgreSQL's buffer cache inside PGlite's memory (its default is 128 MB, all of it resident
 * once touched). Pages past it are read again from the files, which the operating system
 * caches outside the process. 32 MB keeps the idle server near 340 MB at 100,000 persons
 * (about 370 MB with 64 MB); lookups and searches measured no slower on this machine.
 */
const SHARED_BUFFERS = '32MB';

const port = parentPort!;
const start = workerData as WorkerStart & { migrationsFolder: string };
const send = (reply: Reply, transfer?: ArrayBuffer[]) => port.postMessage(reply, transfer);

/** The transactions open now, by the main thread's id, and how each is to end. */
const open = new Map<number, { tx: Transaction; finish: (commit: boolean) => void }>();
/** The id of the `end` request of each transaction that is finishing. */
const pending = new Map<number, number>();
const unsubscribers = new Map<number, () => Promise<void>>();
const rawParsers = new Map<string, Record<number, (text: string) => string>>();

function parsersFor(types: number[] | undefined) {
  if (!types?.length) return undefined;
  const key = types.join(',');
  let parsers = rawParsers.get(key);
  if (!parsers) {
    parsers = Object.fromEntries(types.map((t) => [t, (text: string) => text]));
    rawParsers.set(key, parsers);
  }
  return parsers;
}

/** Starts a transaction and holds it open until the main thread says how it ends. */
function begin(client: PGlite, txId: number): Promise<void> {
  return new Promise((began, failedToBegin) => {
    let started = false;
    let endId = 0;
    client
      .transaction(async (tx) => {
        started = true;
        const commit = await new Promise<boolean>((finish) => {
          open.set(txId, { tx, finish: (c) => finish(c) });
          began();
        });
        endId = pending.get(txId)!;
        if (!commit) await tx.rollback();
      })
      .then(
        () => send({ type: 'result', id: endId }),
        (err: unknown) => {
          if (!started) failedToBegin(err);
          else send({ type: 'error', id: endId, error: errorToData(err) });
        },
      )
      .finally(() => {
        open.delete(txId);
        pending.delete(txId);
      });
  });
}
async function handle(client: PGlite, req: Request): Promise<unknown> {
  switch (req.op) {
    case 'query': {
      const runner = req.tx === undefined ? client : open.get(req.tx)?.tx;
      if (!runner) throw new Error(`transaction ${req.tx} is not open`);
      const result = await runner.query(req.sql, req.params, {
        rowMode: req.rowMode,
        parsers: parsersFor(req.rawTypes),
      });
      return { rows: result.rows, fields: result.fields, affectedRows: result.affectedRows };
    }
    case 'begin':
      return begin(client, req.tx);
    case 'end': {
      const entry = open.get(req.tx);
      if (!entry) throw new Error(`transaction ${req.tx} is not open`);
      pending.set(req.tx, req.id);
      entry.finish(req.commit);
      return NO_REPLY;
    }
    case 'listen': {
      const stop = await client.listen(req.channel, (payload) =>
        send({ type: 'notify', sub: req.sub, payload }),
      );
      unsubscribers.set(req.sub, stop);
      return undefined;
    }
    case 'unlisten': {
      await unsubscribers.get(req.sub)?.();
      unsubscribers.delete(req.sub);
      return undefined;
    }
    case 'dump':
      return new Uint8Array(await (await client.dumpDataDir('gzip')).arrayBuffer());
    case 'close':
      await client.close();
      return undefined;
  }
}

/**
 * PGlite runs no autovacuum, so a table filled in bulk (an import, a restore) keeps the
 * statistics of when it was small, and the planner then walks a whole index to find one row.
 * This analyzes every table that has more than doubled since its statistics were taken; it runs
 * after opening and then every few minutes, and costs a catalog read when nothing grew.
 */
async function analyzeGrownTables(client: PGlite): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`
    select format('%I.%I', n.nspname, c.relname) as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind = 'r' and n.nspname = 'public'
      and pg_relation_size(c.oid) / 8192 > 2 * greatest(c.relpages, 0) + 16`);
  for (const { name } of rows) await client.exec(`analyze ${name}`);
  return rows.map((r) => r.name);
}
const ANALYZE_EVERY_MS = 5 * 60_000;

/** `end` is answered when PGlite has committed or rolled back, not when it is received. */
const NO_REPLY = Symbol('no reply');

async function main() {
  let client: PGlite;
  try {
    client = await PGlite.create({
      ...(start.dataDir && { dataDir: start.dataDir }),
      ...(start.loadDataDir && { loadDataDir: new Blob([start.loadDataDir]) }),
      extensions: pgliteExtensions,
      startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${SHARED_BUFFERS}`],
    });
    await migrate(drizzle(client, { casing: 'snake_case' }), {
      migrationsFolder: start.migrationsFolder,
    });
  } catch (err) {
    send({ type: 'failed', error: errorToData(err) });
    return;
  }
  port.on('message', (req: Request) => {
    handle(client, req).then(
      (value) => {
        if (value === NO_REPLY) return;
        if (value instanceof Uint8Array) {
          send({ type: 'result', id: req.id, value }, [value.buffer as ArrayBuffer]);
        } else {
          send({ type: 'result', id: req.id, value });
        }
        if (req.op === 'close') port.close();
      },
      (err: unknown) => send({ type: 'error', id: req.id, error: errorToData(err) }),
    );
  });
  send({ type: 'ready' });
  const maintain = () => void analyzeGrownTables(client).catch(() => {});
  maintain();
  setInterval(maintain, ANALYZE_EVERY_MS).unref();
}

void main();
