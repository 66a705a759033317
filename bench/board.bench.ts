/**
 * The board (T-8) with 5,000 open tasks (and 20,000 done ones) over 100,000 generated persons,
 * on the embedded database and on PostgreSQL; prints a Markdown table.
 *   node --import tsx bench/board.bench.ts
 * Env: BENCH_DB=embedded|postgres|both (default both); BENCH_DATABASE_URL = a PostgreSQL server
 * URL (default postgres://postgres@127.0.0.1:5432/postgres) on which a fresh database is created
 * and dropped (BENCH_KEEP=1 keeps it, for EXPLAIN ANALYZE); BENCH_PERSONS (default 100000);
 * BENCH_TASKS open tasks (default 5000); BENCH_RUNS requests per query kind (default 300).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Board, BoardColumn } from '@spotter/contracts';
import { buildApp } from '../apps/server/src/app.ts';
import { openDatabase, type Database } from '../apps/server/src/db/client.ts';
import {
  generatePersons,
  insertContacts,
  seededRandom,
} from '../apps/server/src/features/contacts/contacts-list.fixtures.ts';
import {
  insertStatus,
  insertTasks,
  insertTemplate,
  type TaskFixture,
} from '../apps/server/src/features/board/board.fixtures.ts';
import { loadConfig } from '../apps/server/src/plugins/env.ts';

const PERSONS = Number(process.env.BENCH_PERSONS ?? 100_000);
const OPEN_TASKS = Number(process.env.BENCH_TASKS ?? 5_000);
const DONE_TASKS = OPEN_TASKS * 4;
const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const COMMENTS = [
  'Asked about the kids class',
  'Call back about the membership',
  'Trial booked, check it went well',
  'Wants the summer camp price list',
  '',
];

interface Result {
  database: string;
  what: string;
  p50: number;
  p95: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function getJson<T>(app: FastifyInstance, cookie: string, url: string): Promise<T> {
  const res = await app.inject({ method: 'GET', url, headers: { cookie } });
  if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body}`);
  return res.json<T>();
}

async function post<T>(
  app: FastifyInstance,
  cookie: string | undefined,
  url: string,
  body: object,
) {
  const res = await app.inject({
    method: 'POST',
    url,
    payload: body,
    ...(cookie && { headers: { cookie } }),
  });
  if (res.statusCode >= 300) throw new Error(`POST ${url}: ${res.statusCode} ${res.body}`);
  return { body: res.json<T>(), cookie: res.headers['set-cookie']?.toString().split(';')[0] };
}

/** Open tasks spread over every column around the real clock, plus done ones (history). */
function generateTasks(orgId: string, refs: Refs, now: number): TaskFixture[] {
  const r = seededRandom(4);
  const rows: TaskFixture[] = [];
  for (let i = 0; i < OPEN_TASKS + DONE_TASKS; i++) {
    const done = i >= OPEN_TASKS;
    const bucket = r.int(100);
    // Unsorted 15 %, overdue 15 %, today 15 %, tomorrow 15 %, the next 5 days 15 %, later 25 %.
    const offset =
      bucket < 30
        ? -r.int(30 * DAY)
        : bucket < 45
          ? r.int(12 * HOUR)
          : bucket < 60
            ? DAY + r.int(DAY)
            : bucket < 75
              ? 2 * DAY + r.int(5 * DAY)
              : 7 * DAY + r.int(90 * DAY);
    rows.push({
      orgId,
      templateId: r.pick(refs.templates),
      contactId: r.next() < 0.9 ? r.pick(refs.persons) : null,
      assigneeId: r.next() < 0.9 ? r.pick(refs.users) : null,
      creatorId: refs.users[0],
      statusId: !done && bucket < 15 ? null : r.pick(refs.statuses),
      dueAt: bucket >= 95 && !done ? null : new Date(now + offset),
      comment: r.pick(COMMENTS),
      createdAt: new Date(now - r.int(60 * DAY)),
      completedAt: done ? new Date(now - r.int(60 * DAY)) : null,
    });
  }
  return rows;
}

interface Refs {
  users: string[];
  statuses: string[];
  templates: string[];
  persons: string[];
}

async function seed(app: FastifyInstance, database: Database) {
  const signup = await post<{ organization: { id: string }; user: { id: string } }>(
    app,
    undefined,
    '/api/signup',
    {
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
  );
  const cookie = signup.cookie!;
  const orgId = signup.body.organization.id;
  const db = database.db;
  const refs: Refs = { users: [signup.body.user.id], statuses: [], templates: [], persons: [] };
  for (const name of ['Karin Sales', 'Olof Reception', 'Maja Manager', 'Nils Sales']) {
    const email = `${name.split(' ')[0]!.toLowerCase()}-${Date.now()}@example.test`;
    const role = name.includes('Manager') ? 'manager' : 'sales';
    refs.users.push(
      (await post<{ user: { id: string } }>(app, cookie, '/api/users', { name, email, role })).body
        .user.id,
    );
  }
  for (const name of ['New', 'Contacted', 'Trial booked', 'Thinking']) {
    refs.statuses.push(await insertStatus(db, orgId, `${name} (bench)`));
  }
  for (const name of ['Call (bench)', 'Check the purchase (bench)', 'Visit (bench)']) {
    refs.templates.push(await insertTemplate(db, orgId, name));
  }
  const started = performance.now();
  for (let i = 0; i < PERSONS; i += 10_000) {
    await insertContacts(
      db,
      generatePersons(Math.min(10_000, PERSONS - i), i, { orgId, responsibleIds: refs.users }),
      1000,
    );
  }
  const persons = await db.execute(
    sql`select id from contacts where org_id = ${orgId} order by id limit 20000`,
  );
  refs.persons = (persons as unknown as { rows: Array<{ id: string }> }).rows.map((p) => p.id);
  await insertTasks(db, generateTasks(orgId, refs, Date.now()));
  // What autovacuum does to a live table soon after a bulk load: planner statistics.
  await db.execute(sql`vacuum analyze contacts`);
  await db.execute(sql`vacuum analyze tasks`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.error(
    `${database.kind}: ${PERSONS} persons, ${OPEN_TASKS} open + ${DONE_TASKS} done tasks in ${seconds} s`,
  );
  return { cookie, refs };
}

async function measure(
  app: FastifyInstance,
  cookie: string,
  url: () => string,
): Promise<[number, number]> {
  for (let i = 0; i < 20; i++) await getJson(app, cookie, url()); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const u = url();
    const t0 = performance.now();
    await getJson(app, cookie, u);
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
    const { cookie, refs } = await seed(app, database);
    const r = seededRandom(42);
    const first = await getJson<Board>(app, cookie, '/api/board');
    console.error(`${label}: ${first.columns.map((c) => `${c.column} ${c.count}`).join(', ')}`);
    // Second pages: each column's first cursor (a column with one page has none).
    const cursors = first.columns.flatMap((c) =>
      c.nextCursor ? [[c.column, c.nextCursor] as [BoardColumn, string]] : [],
    );
    const queries: Record<string, () => string> = {
      'board: all columns': () => '/api/board',
      'board: one assignee': () => `/api/board?assigneeId=${r.pick(refs.users)}`,
      'board: search a name': () =>
        `/api/board?search=${r.pick(['anna', 'svensson', 'karl', 'nowak', 'olof'])}`,
      'board: search a phone': () => {
        const digits = String(1_000_000 + r.int(PERSONS));
        return `/api/board?search=${encodeURIComponent(`070${digits.slice(0, 3)} ${digits.slice(3)}`)}`;
      },
      "board: a column's next page": () => {
        const [column, cursor] = r.pick(cursors);
        return `/api/board?column=${column}&cursor=${encodeURIComponent(cursor)}`;
      },
    };
    const results: Result[] = [];
    for (const [what, url] of Object.entries(queries)) {
      const [p50, p95] = await measure(app, cookie, url);
      results.push({ database: label, what, p50, p95 });
    }
    return results;
  } finally {
    await app.close();
  }
}

async function embedded(): Promise<Result[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'spotter-board-bench-'));
  try {
    const database = await openDatabase({ databaseUrl: undefined, dataDir });
    return await benchOne('embedded (PGlite)', database, dataDir);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function postgres(): Promise<Result[]> {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `spotter_board_bench_${Date.now()}`;
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
    `\n${OPEN_TASKS.toLocaleString('en')} open tasks over ${PERSONS.toLocaleString('en')} persons, ${RUNS} sequential requests each through app.inject (${os.cpus().length} CPUs)\n`,
  );
  console.log('| database | request | p50 ms | p95 ms |');
  console.log('| --- | --- | ---: | ---: |');
  for (const x of results) {
    console.log(`| ${x.database} | ${x.what} | ${x.p50.toFixed(1)} | ${x.p95.toFixed(1)} |`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
