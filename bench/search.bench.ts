/**
 * Search (C-11) and a filtered list page (C-10) over 100,000 generated persons and a few
 * thousand companies, on the embedded database and on PostgreSQL; prints a Markdown table.
 *   node --import tsx bench/search.bench.ts
 * Env: BENCH_DB=embedded|postgres|both (default both); BENCH_DATABASE_URL = a PostgreSQL server
 * URL (default postgres://postgres@127.0.0.1:5432/postgres) on which a fresh database is created
 * and dropped (BENCH_KEEP=1 keeps it, for EXPLAIN ANALYZE); BENCH_PERSONS (default 100000); BENCH_RUNS requests per query kind (default 300).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp } from '../apps/server/src/app.ts';
import { openDatabase, type Database } from '../apps/server/src/db/client.ts';
import {
  generateCompanies,
  generatePersons,
  insertContacts,
  seededRandom,
} from '../apps/server/src/features/contacts/contacts-list.fixtures.ts';
import { loadConfig } from '../apps/server/src/plugins/env.ts';

const PERSONS = Number(process.env.BENCH_PERSONS ?? 100_000);
const COMPANIES = Math.max(100, Math.round(PERSONS / 30));
const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const BATCH = 1000;

interface Result {
  database: string;
  what: string;
  p50: number;
  p95: number;
  runs: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function json<T>(
  app: FastifyInstance,
  cookie: string,
  method: 'GET' | 'POST',
  url: string,
  body?: object,
) {
  const res = await app.inject({
    method,
    url,
    headers: { cookie },
    ...(body && { payload: body }),
  });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json<T>();
}

async function seed(app: FastifyInstance, database: Database) {
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
  const cookie = signup.headers['set-cookie']!.toString().split(';')[0]!;
  const orgId = me.organization.id;
  const statuses = (
    await json<{ items: Array<{ id: string }> }>(
      app,
      cookie,
      'GET',
      '/api/settings/statuses?entity=person',
    )
  ).items.map((s) => s.id);
  const tags: string[] = [];
  for (const name of ['Yoga', 'Kids', 'Pilates', 'Newsletter', 'Trial']) {
    tags.push((await json<{ id: string }>(app, cookie, 'POST', '/api/settings/tags', { name })).id);
  }
  const field = await json<{ id: string; options: Array<{ id: string }> }>(
    app,
    cookie,
    'POST',
    '/api/settings/custom-fields',
    {
      entity: 'person',
      name: 'Membership',
      type: 'dropdown',
      options: [{ name: 'Gold' }, { name: 'Silver' }, { name: 'Bronze' }],
    },
  );
  const opts = {
    orgId,
    statusIds: statuses,
    tagIds: tags,
    responsibleIds: [me.user.id],
    dropdown: { fieldId: field.id, optionIds: field.options.map((o) => o.id) },
  };
  const started = performance.now();
  for (let i = 0; i < PERSONS; i += BATCH * 10) {
    await insertContacts(
      database.db,
      generatePersons(Math.min(BATCH * 10, PERSONS - i), i, opts),
      BATCH,
    );
  }
  await insertContacts(database.db, generateCompanies(COMPANIES, 0, opts), BATCH);
  // What autovacuum does to a live table soon after a bulk load: statistics for the planner
  // and a visibility map, so counts and id pages can come from the indexes alone.
  await database.db.execute(sql`vacuum analyze contacts`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.error(`${database.kind}: ${PERSONS} persons + ${COMPANIES} companies in ${seconds} s`);
  return { cookie, statuses, tags };
}

async function measure(
  app: FastifyInstance,
  cookie: string,
  urls: () => string,
): Promise<[number, number]> {
  for (let i = 0; i < 20; i++) await json(app, cookie, 'GET', urls()); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const url = urls();
    const t0 = performance.now();
    await json(app, cookie, 'GET', url);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return [percentile(times, 50), percentile(times, 95)];
}

async function benchOne(label: string, database: Database, dataDir: string): Promise<Result[]> {
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SIGNUP: 'open' });
  const app = await buildApp(config, { database, logger: false });
  await app.ready();
  try {
    const { cookie, statuses, tags } = await seed(app, database);
    const r = seededRandom(42);
    const n = () => r.int(PERSONS);
    const phone = (i: number) => String(1_000_000 + i).padStart(7, '0');
    const queries: Record<string, () => string> = {
      'search: name part': () =>
        r.pick(['anna', 'svensson', 'lindq', 'nowak', 'ivan', 'olof', 'karl']),
      'search: first + last name': () =>
        r.pick(['anna svensson', 'erik johansson', 'olga petrov', 'liam carter']),
      'search: 2 letters': () => r.pick(['an', 'er', 'sv', 'jo']),
      'search: phone 070-…': () => `070${phone(n()).slice(0, 3)}-${phone(n()).slice(3)}`,
      'search: phone +46…': () => `+4670${phone(n())}`,
      'search: last 4 digits': () => phone(n()).slice(3),
      'search: email': () => `.${n()}@`,
      'search: org number': () => `55${String(1_000_000 + r.int(COMPANIES)).padStart(8, '0')}`,
    };
    const results: Result[] = [];
    for (const [what, q] of Object.entries(queries)) {
      const [p50, p95] = await measure(
        app,
        cookie,
        () => `/api/search?q=${encodeURIComponent(q())}`,
      );
      results.push({ database: label, what, p50, p95, runs: RUNS });
    }
    const list = () =>
      `/api/persons?statusId=${r.pick(statuses)}&tagId=${r.pick(tags)}&sort=name&limit=50&offset=${r.int(40) * 50}`;
    const [lp50, lp95] = await measure(app, cookie, list);
    results.push({
      database: label,
      what: 'list: status + tag, by name, offset page',
      p50: lp50,
      p95: lp95,
      runs: RUNS,
    });
    const deep = () => `/api/persons?sort=-createdAt&limit=50&offset=${r.int(PERSONS - 50)}`;
    const [dp50, dp95] = await measure(app, cookie, deep);
    results.push({
      database: label,
      what: 'list: all, by created, any offset',
      p50: dp50,
      p95: dp95,
      runs: RUNS,
    });
    return results;
  } finally {
    await app.close();
  }
}

async function embedded(): Promise<Result[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'spotter-search-bench-'));
  try {
    const database = await openDatabase({ databaseUrl: undefined, dataDir });
    return await benchOne('embedded (PGlite)', database, dataDir);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function postgres(): Promise<Result[]> {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `spotter_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '/nonexistent' });
    return await benchOne('PostgreSQL', database, '/nonexistent');
  } finally {
    if (process.env.BENCH_KEEP) {
      console.error(`kept database ${url.toString()}`);
    } else {
      // The app's pool has closed by now; give the server a moment to notice before dropping.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await admin.query(`drop database if exists ${name}`).catch((err: unknown) => {
        console.error(`could not drop ${name}:`, err instanceof Error ? err.message : err);
      });
    }
    await admin.end();
  }
}

async function main() {
  const which = process.env.BENCH_DB ?? 'both';
  const results: Result[] = [];
  if (which !== 'postgres') results.push(...(await embedded()));
  if (which !== 'embedded') results.push(...(await postgres()));
  console.log(
    `\n${PERSONS.toLocaleString('en')} persons, ${COMPANIES.toLocaleString('en')} companies, ${RUNS} sequential requests each through app.inject (${os.cpus().length} CPUs)\n`,
  );
  console.log('| database | request | p50 ms | p95 ms |');
  console.log('| --- | --- | ---: | ---: |');
  for (const r of results) {
    console.log(`| ${r.database} | ${r.what} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} |`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
