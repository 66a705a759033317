/**
 * What the data benchmarks (search, board) share: a fresh database on each engine with the app
 * over it, a signed-up club, generated persons, timed requests and the Markdown table.
 * Env: BENCH_DB=embedded|postgres|both (default both); BENCH_DATABASE_URL = a PostgreSQL server
 * URL (default postgres://postgres@127.0.0.1:5432/postgres) on which a fresh database is created
 * and dropped (BENCH_KEEP=1 keeps it, for EXPLAIN ANALYZE; BENCH_DB_PREFIX starts its name, default
 * `spotter`, for a server where each user's databases carry their own prefix); BENCH_PERSONS (default 100000);
 * BENCH_RUNS requests per query kind (default 300).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../apps/server/src/app.ts';
import { openDatabase, type Database, type Db } from '../apps/server/src/db/client.ts';
import {
  generatePersons,
  insertContacts,
  type GenerateOptions,
} from '../apps/server/src/features/contacts/contacts-list.fixtures.ts';
import { loadConfig } from '../apps/server/src/plugins/env.ts';

export const PERSONS = Number(process.env.BENCH_PERSONS ?? 100_000);
export const RUNS = Number(process.env.BENCH_RUNS ?? 300);
/** Rows per INSERT statement when loading generated data. */
export const INSERT_BATCH = 1000;
const WARM_UP = 20;

/** One row of the table: a request kind on one engine. */
export interface Result {
  database: string;
  what: string;
  p50: number;
  p95: number;
  /** Sequential requests only: at RUNS 300, the third-slowest. */
  p99?: number;
}

/** A benchmark's work on one engine, given a ready app over a fresh database. */
export type BenchRun<T = Result> = (
  app: FastifyInstance,
  database: Database,
  label: string,
) => Promise<T[]>;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** A request through app.inject that must succeed; its JSON answer. */
export async function json<T>(
  app: FastifyInstance,
  cookie: string,
  method: 'GET' | 'POST',
  url: string,
  body?: object,
): Promise<T> {
  const res = await app.inject({
    method,
    url,
    headers: { cookie },
    ...(body && { payload: body }),
  });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json<T>();
}

/** Signs up the club the benchmark works in; its owner's session cookie and ids. */
export async function signUpClub(app: FastifyInstance) {
  const signup = await app.inject({
    method: 'POST',
    url: '/api/signup',
    payload: {
      organization: {
        name: 'Bench Club',
        timezone: 'Europe/Stockholm',
        locale: 'sv',
        currency: 'SEK',
      },
      owner: {
        name: 'Bench Owner',
        email: `bench-${Date.now()}@example.test`,
        password: 'Bench-Marking-Owner-1',
      },
    },
  });
  if (signup.statusCode !== 201) throw new Error(`signup: ${signup.statusCode} ${signup.body}`);
  const me = signup.json<{ organization: { id: string }; user: { id: string } }>();
  return {
    cookie: signup.headers['set-cookie']!.toString().split(';')[0]!,
    orgId: me.organization.id,
    ownerId: me.user.id,
  };
}

/** PERSONS generated persons, made 10,000 at a time so the generator's rows stay small. */
export async function insertGeneratedPersons(db: Db, opts: GenerateOptions) {
  for (let i = 0; i < PERSONS; i += 10 * INSERT_BATCH) {
    const rows = generatePersons(Math.min(10 * INSERT_BATCH, PERSONS - i), i, opts);
    await insertContacts(db, rows, INSERT_BATCH);
  }
}

/** p50, p95 and p99 of RUNS sequential GETs after a warm-up; `url` gives each request's URL. */
async function measure(app: FastifyInstance, cookie: string, url: () => string) {
  for (let i = 0; i < WARM_UP; i++) await json(app, cookie, 'GET', url());
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const u = url();
    const t0 = performance.now();
    await json(app, cookie, 'GET', u);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) };
}

/** Times each request kind in turn; `queries` maps its name to a maker of its URLs. */
export async function measureAll(
  app: FastifyInstance,
  cookie: string,
  label: string,
  queries: Record<string, () => string>,
): Promise<Result[]> {
  const results: Result[] = [];
  for (const [what, url] of Object.entries(queries)) {
    results.push({ database: label, what, ...(await measure(app, cookie, url)) });
  }
  return results;
}

async function withApp<T>(
  run: BenchRun<T>,
  label: string,
  database: Database,
  dataDir: string,
  env: Record<string, string> = {},
): Promise<T[]> {
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SIGNUP: 'open', ...env });
  const app = await buildApp(config, { database, logger: false });
  await app.ready();
  try {
    return await run(app, database, label);
  } finally {
    await app.close();
  }
}

async function embedded<T>(
  name: string,
  run: BenchRun<T>,
  env?: Record<string, string>,
): Promise<T[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `spotter-${name}-bench-`));
  try {
    const database = await openDatabase({ databaseUrl: undefined, dataDir });
    return await withApp(run, 'embedded (PGlite)', database, dataDir, env);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function postgres<T>(
  name: string,
  run: BenchRun<T>,
  env?: Record<string, string>,
): Promise<T[]> {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `${process.env.BENCH_DB_PREFIX ?? 'spotter'}_${name}_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  try {
    const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '/nonexistent' });
    return await withApp(run, 'PostgreSQL', database, '/nonexistent', env);
  } finally {
    if (process.env.BENCH_KEEP) {
      console.error(`kept database ${url.toString()}`);
    } else {
      // The app's pool has closed by now; give the server a moment to notice before dropping.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await admin.query(`drop database if exists ${dbName}`).catch((err: unknown) => {
        console.error(`could not drop ${dbName}:`, err instanceof Error ? err.message : err);
      });
    }
    await admin.end();
  }
}

/**
 * Runs `run` on a fresh database of each engine BENCH_DB names (embedded first); `env` adds
 * configuration (e.g. SPOTTER_SMTP_ALLOW_HOSTS for a local SMTP server).
 */
export async function onEngines<T>(
  name: string,
  run: BenchRun<T>,
  env?: Record<string, string>,
): Promise<T[]> {
  const which = process.env.BENCH_DB ?? 'both';
  const results: T[] = [];
  if (which !== 'postgres') results.push(...(await embedded(name, run, env)));
  if (which !== 'embedded') results.push(...(await postgres(name, run, env)));
  return results;
}

/**
 * Runs the benchmark on the engines BENCH_DB names and prints the Markdown table the README
 * quotes, under a line saying what was measured (`subject`, e.g. "100,000 persons").
 */
export function runBench(bench: {
  name: string;
  subject: string;
  run: BenchRun;
  /** Prints anything else the benchmark measured, after the table. */
  after?: () => void;
}) {
  const main = async () => {
    const results = await onEngines(bench.name, bench.run);
    console.log(
      `\n${bench.subject}, ${RUNS} sequential requests each through app.inject (${os.cpus().length} CPUs)\n`,
    );
    console.log('| database | request | p50 ms | p95 ms | p99 ms |');
    console.log('| --- | --- | ---: | ---: | ---: |');
    for (const r of results) {
      const p99 = r.p99 === undefined ? '' : r.p99.toFixed(1);
      console.log(
        `| ${r.database} | ${r.what} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${p99} |`,
      );
    }
    bench.after?.();
  };
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
