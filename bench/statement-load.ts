/**
 * Requests at 10 connections (autocannon) beside their floors, measured in the same run: a bare
 * Fastify route, and the very statements one request sends, replayed directly as prepared
 * statements over the pg driver with 10 clients. Ratios survive a busy machine better than
 * absolute numbers. PostgreSQL only (the replay needs the pg driver).
 * Env: BENCH_SECONDS per run (default 10).
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';
import type pg from 'pg';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
export const CONNECTIONS = 10;

export interface LoadFigure {
  what: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface LoadRow {
  what: string;
  api: LoadFigure;
  sql: LoadFigure;
}

interface Statement {
  text: string;
  values: unknown[];
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** autocannon at CONNECTIONS connections; every answer must be a 2xx. */
async function hammer(what: string, url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers,
    workers: 1,
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return {
    what,
    rps: result.requests.average,
    p50: result.latency.p50,
    // autocannon reports p97.5 but no p95: the closer of its neighbours, rounded up.
    p95: result.latency.p97_5,
    p99: result.latency.p99,
  } satisfies LoadFigure;
}

/**
 * The pg driver the app uses, found from the app's own folder (the "before" run drives
 * another checkout), with its Client's query wrapped to record what one request sends.
 */
function recorder(appSrcDir: string) {
  const pgModule = createRequire(`${appSrcDir}/`)('pg') as typeof pg;
  const proto = pgModule.Client.prototype as unknown as {
    query: (...args: unknown[]) => unknown;
  };
  const original = proto.query;
  let log: Statement[] | null = null;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const [first, second] = args;
    if (log) {
      if (typeof first === 'string') log.push({ text: first, values: (second as unknown[]) ?? [] });
      else if (first && typeof first === 'object' && 'text' in first) {
        const q = first as { text: string; values?: unknown[] };
        // drizzle passes the values beside the config object.
        log.push({ text: q.text, values: q.values ?? (second as unknown[]) ?? [] });
      }
    }
    return original.apply(this, args);
  };
  return {
    pg: pgModule,
    async capture(run: () => Promise<unknown>): Promise<Statement[]> {
      log = [];
      try {
        await run();
        return log.filter((s) => !/^\s*(begin|commit|rollback)\b/i.test(s.text));
      } finally {
        log = null;
      }
    },
  };
}

/** The statements of one request, one after another as named prepared statements, 10 clients. */
async function replay(
  pgModule: typeof pg,
  url: string,
  what: string,
  statements: Statement[],
): Promise<LoadFigure> {
  const clients = await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      const c = new pgModule.Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
  const tag = Math.random().toString(36).slice(2, 8);
  const once = async (c: pg.Client) => {
    for (const [i, s] of statements.entries()) {
      await c.query({ name: `floor_${tag}_${i}`, text: s.text, values: s.values });
    }
  };
  for (const c of clients) await once(c);
  const times: number[] = [];
  const end = performance.now() + SECONDS * 1000;
  await Promise.all(
    clients.map(async (c) => {
      while (performance.now() < end) {
        const t0 = performance.now();
        await once(c);
        times.push(performance.now() - t0);
      }
    }),
  );
  await Promise.all(clients.map((c) => c.end()));
  times.sort((a, b) => a - b);
  return {
    what,
    rps: times.length / SECONDS,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
  };
}

/**
 * For each request: the API at 10 connections, then the statements it sends replayed alone.
 * `app` must be ready; it is put on a port here. Returns the bare route's figure too.
 */
export async function loadRuns(opts: {
  app: FastifyInstance;
  appSrcDir: string;
  databaseUrl: string;
  cookie: string;
  requests: Record<string, string>;
}): Promise<{ bare: LoadFigure; rows: LoadRow[] }> {
  const rec = recorder(opts.appSrcDir);
  const bareApp = Fastify({ logger: false });
  bareApp.get('/api/ping', async () => ({ ok: true }));
  const bareUrl = await bareApp.listen({ port: 0, host: '127.0.0.1' });
  const appUrl = await opts.app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const bare = await hammer('bare Fastify route', `${bareUrl}/api/ping`);
    const rows: LoadRow[] = [];
    for (const [what, path] of Object.entries(opts.requests)) {
      const statements = await rec.capture(async () => {
        const res = await fetch(`${appUrl}${path}`, { headers: { cookie: opts.cookie } });
        if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
      });
      // BENCH_DUMP_SQL=<prefix>: each request's statements and values, for EXPLAIN ANALYZE by hand.
      if (process.env.BENCH_DUMP_SQL) {
        const file = `${process.env.BENCH_DUMP_SQL}.${rows.length}.json`;
        writeFileSync(file, JSON.stringify({ what, path, statements }, null, 2));
      }
      const api = await hammer(what, `${appUrl}${path}`, { cookie: opts.cookie });
      const sql = await replay(rec.pg, opts.databaseUrl, what, statements);
      console.error(
        `${what}: ${api.rps.toFixed(0)} req/s (p95 ${api.p95} ms); its ${statements.length} statements alone ${sql.rps.toFixed(0)}/s`,
      );
      rows.push({ what, api, sql });
    }
    return { bare, rows };
  } finally {
    await bareApp.close();
  }
}

/** The Markdown table of a load run. */
export function printLoad(title: string, load: { bare: LoadFigure; rows: LoadRow[] }) {
  const f = (n: number) => n.toFixed(n < 10 ? 1 : 0);
  console.log(`\n${title}\n`);
  console.log(
    '| request | API req/s | API p50 / p95* / p99 ms | its SQL alone, req/s | SQL p95 ms | API : SQL | API : bare |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  console.log(
    `| bare Fastify route | ${f(load.bare.rps)} | ${load.bare.p50} / ${load.bare.p95} / ${load.bare.p99} | | | | 1 |`,
  );
  for (const r of load.rows) {
    console.log(
      `| ${r.what} | ${f(r.api.rps)} | ${r.api.p50} / ${r.api.p95} / ${r.api.p99} | ${f(r.sql.rps)} | ${f(r.sql.p95)} | ${(r.api.rps / r.sql.rps).toFixed(2)} | ${(r.api.rps / load.bare.rps).toFixed(3)} |`,
    );
  }
  console.log('\n*autocannon reports p97.5, shown as the p95 column (a little above the p95).');
}
