/**
 * The SQL floor of a benchmark on PostgreSQL: the statement the app sends for a request,
 * captured, then replayed alone by 10 pg clients as a prepared statement.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Database } from '../apps/server/src/db/client.ts';
import { registerCompression } from '../apps/server/src/plugins/compression.ts';
import { load, summarize, type Load } from './load.ts';
import { json, type Result } from './support.ts';

/**
 * The statements the app sends to PostgreSQL while `during` runs: text, values, and whether it
 * sent them as named (prepared) statements or unnamed ones (planned for their values each time).
 */
export async function capture(during: () => Promise<unknown>) {
  const seen: Array<{ text: string; values: unknown[]; named: boolean }> = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown];
    if (typeof first === 'string') {
      seen.push({ text: first, values: (second as unknown[]) ?? [], named: false });
    } else if (first && typeof first === 'object') {
      const named = typeof (first as { name?: unknown }).name === 'string';
      seen.push({ text: first.text, values: first.values ?? (second as unknown[]) ?? [], named });
    }
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await during();
  } finally {
    pg.Client.prototype.query = query;
  }
  return seen;
}

/** The URL of the fresh database support.ts made on the BENCH_DATABASE_URL server. */
export async function databaseUrlOf(database: Database) {
  const result = await database.db.execute(sql`select current_database() as name`);
  const url = new URL(
    process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  );
  url.pathname = `/${(result as unknown as { rows: Array<{ name: string }> }).rows[0]!.name}`;
  return url.toString();
}

/** A statement replayed by `connections` clients, each as a named prepared statement (the floor). */
export async function sqlAtTen(
  url: string,
  statement: { text: string; values: unknown[] },
  opts: { connections: number; seconds: number },
) {
  const pool = new pg.Pool({ connectionString: url, max: opts.connections });
  const until = Date.now() + opts.seconds * 1000;
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: opts.connections }, async () => {
      const client = await pool.connect();
      try {
        while (Date.now() < until) {
          const t0 = performance.now();
          await client.query({
            name: 'bench_statement',
            text: statement.text,
            values: statement.values,
          });
          times.push(performance.now() - t0);
        }
      } finally {
        client.release();
      }
    }),
  );
  await pool.end();
  return summarize(times, opts.seconds);
}

/**
 * What the load asks for, as a browser does: `Accept-Encoding` of Chromium and Firefox, so the
 * app compresses as it does for them. BENCH_ENCODING=identity: uncompressed answers (the figures
 * before this header was sent).
 */
export const ACCEPT_ENCODING = process.env.BENCH_ENCODING ?? 'gzip, deflate, br, zstd';

/**
 * A GET route at `CONNECTIONS` connections over HTTP for `seconds`, beside a bare Fastify route
 * and the same answer served ready-made by a bare route (what sending it costs), and (on
 * PostgreSQL) the route's own statement — the one whose text contains `marker` —
 * replayed by as many pg clients: the floors it is compared with. Prints each and the ratios;
 * answers table rows named `title` ("board", "board with sums").
 */
export async function routeAtTen(
  app: FastifyInstance,
  database: Database,
  opts: {
    cookie: string;
    label: string;
    path: string;
    marker: string;
    title: string;
    seconds: number;
    connections: number;
    /** Also a row for the bare route in the table. */
    bareRow?: boolean;
    /**
     * Other signed-in staff's cookies: the route is also loaded with each connection as
     * another of them (each asks for their own answer, nothing is the same request twice).
     */
    staffCookies?: string[];
  },
): Promise<Result[]> {
  const { cookie, label, path, connections } = opts;
  let statement: { text: string; values: unknown[] } | undefined;
  if (database.kind === 'postgres') {
    const seen = await capture(() => json(app, cookie, 'GET', path));
    statement = seen.find((q) => q.text.includes(opts.marker));
    // BENCH_DUMP_SQL=<file>: the statement and its values, for EXPLAIN ANALYZE by hand.
    if (statement && process.env.BENCH_DUMP_SQL) {
      writeFileSync(process.env.BENCH_DUMP_SQL, JSON.stringify(statement, null, 2));
    }
  }
  // The route's own answer, as it is now, served ready-made by a bare route: what sending an
  // answer of that size costs on this machine (the board's is about 150 kB of JSON).
  const answer = await app.inject({ method: 'GET', url: path, headers: { cookie } });
  const appUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const bare = Fastify({ logger: false });
  // The bare routes compress as the app does, so a floor includes what the app must do.
  await registerCompression(bare);
  bare.get('/api/ping', async () => ({ ok: true }));
  bare.get('/api/answer', async (_req, reply) => {
    reply.type('application/json');
    return answer.body;
  });
  // And the two together, nothing else: a bare route that runs the route's statement (named, on
  // a pool of as many connections) and sends the ready-made answer.
  const pool = statement
    ? new pg.Pool({ connectionString: await databaseUrlOf(database), max: connections })
    : undefined;
  if (statement && pool) {
    const named = { name: 'floor_statement', text: statement.text, values: statement.values };
    bare.get('/api/statement-and-answer', async (_req, reply) => {
      await pool.query(named);
      reply.type('application/json');
      return answer.body;
    });
  }
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
  const at = {
    connections,
    seconds: opts.seconds,
    headers: { 'accept-encoding': ACCEPT_ENCODING },
  };
  const sentAs = await app.inject({
    method: 'GET',
    url: path,
    headers: { cookie, 'accept-encoding': ACCEPT_ENCODING },
  });
  const encoded = `${(sentAs.rawPayload.length / 1024).toFixed(0)} kB ${sentAs.headers['content-encoding'] ?? 'identity'}`;
  const load1 = os.loadavg()[0]!.toFixed(2);
  const floor = await load(`${bareUrl}/api/ping`, at);
  const sent = await load(`${bareUrl}/api/answer`, at);
  const both = pool ? await load(`${bareUrl}/api/statement-and-answer`, at) : undefined;
  const route = await load(`${appUrl}${path}`, { ...at, headers: { ...at.headers, cookie } });
  const staff = opts.staffCookies?.length
    ? await load(`${appUrl}${path}`, {
        ...at,
        perConnection: opts.staffCookies.map((c) => ({ cookie: c })),
      })
    : undefined;
  const alone = statement
    ? await sqlAtTen(await databaseUrlOf(database), statement, at)
    : undefined;
  await bare.close();
  await pool?.end();
  const line = (what: string, l: Load) =>
    console.error(
      `${label}: ${what.padEnd(30)} ${l.rps.toFixed(0).padStart(6)}/s  p50 ${l.p50.toFixed(1)}  ` +
        `p95 ${l.p95.toFixed(1)}  p99 ${l.p99.toFixed(1)} ms`,
    );
  console.error(
    `${label}: ${connections} connections, ${opts.seconds} s each, load ${load1}, ` +
      `Accept-Encoding: ${ACCEPT_ENCODING} (the answer sent as ${encoded})`,
  );
  line('bare Fastify route', floor);
  line(`its ${(answer.body.length / 1024).toFixed(0)} kB answer, ready-made`, sent);
  if (both) line('its statement + that answer', both);
  line(`GET ${path}`, route);
  if (staff) line(`GET ${path}, ${opts.staffCookies!.length} staff`, staff);
  if (alone) {
    line(`${opts.title} SQL alone (prepared, pg)`, alone);
    console.error(
      `${label}: ${opts.title} throughput ${(route.rps / alone.rps).toFixed(3)} of its SQL alone, ` +
        `${(route.rps / floor.rps).toFixed(4)} of a bare route; p95 ${(route.p95 / alone.p95).toFixed(2)}× the SQL's`,
    );
  }
  const row = (what: string, l: Load): Result => ({
    database: label,
    what,
    p50: l.p50,
    p95: l.p95,
  });
  return [
    ...(opts.bareRow
      ? [row(`bare route at ${connections} connections (${floor.rps.toFixed(0)}/s)`, floor)]
      : []),
    row(
      `its answer (${(answer.body.length / 1024).toFixed(0)} kB) from a bare route (${sent.rps.toFixed(0)}/s)`,
      sent,
    ),
    ...(both
      ? [row(`its statement and that answer, bare route (${both.rps.toFixed(0)}/s)`, both)]
      : []),
    row(`${opts.title} at ${connections} connections (${route.rps.toFixed(0)}/s)`, route),
    ...(staff
      ? [
          row(
            `${opts.title} at ${connections} connections, each another staff member (${staff.rps.toFixed(0)}/s)`,
            staff,
          ),
        ]
      : []),
    ...(alone
      ? [row(`${opts.title} SQL alone, ${connections} clients (${alone.rps.toFixed(0)}/s)`, alone)]
      : []),
  ];
}
