/**
 * The home page and the reports (issue 15) over 100,000 persons, 1,000,000 tasks and 50,000
 * deals on PostgreSQL; prints a Markdown table. The data (bench/reports-data.ts) is made once
 * in its own database and reused by later runs (BENCH_REPORTS_FRESH=1 makes it again). Each
 * route: RUNS sequential requests through app.inject, and beside it its SQL floor — the
 * statements the route sent for one request, replayed one after another as prepared
 * statements on one pg client, with no HTTP, auth or JSON around them.
 *   node --import tsx bench/reports.bench.ts
 * Env: BENCH_DATABASE_URL (server; default postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_REPORTS_DB (default spotter_reports_bench), BENCH_RUNS (default 300), and the sizes
 * of bench/reports-data.ts (BENCH_PERSONS, BENCH_TASKS, BENCH_DEALS); BENCH_REPORTS_DATA_ONLY=1
 * makes the data and stops.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../apps/server/src/app.ts';
import { openDatabase } from '../apps/server/src/db/client.ts';
import { loadConfig } from '../apps/server/src/plugins/env.ts';
import { generateReportData, SIZES } from './reports-data.ts';
import { capture } from './sql-floor.ts';
import { json, measureAll, RUNS, type Result } from './support.ts';

const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = process.env.BENCH_REPORTS_DB ?? 'spotter_reports_bench';
const EMAIL = 'reports-bench-owner@example.test';
const PASSWORD = 'Bench-Marking-Owner-1';
const STAFF = 12;

/** Every route measured, with the query it is asked; routes not (yet) in the app are skipped. */
const ROUTES: Record<string, string> = {
  'home (owner: every block)': '/api/home',
  'CRM report, this month vs previous': '/api/reports/crm?preset=this-month&compare=true',
  'CRM report, this year': '/api/reports/crm?preset=this-year',
  'sales funnel, this month vs previous': '/api/reports/funnel?preset=this-month&compare=true',
  'lead sources, this quarter': '/api/reports/lead-sources?preset=this-quarter',
  forecast: '/api/reports/forecast',
  'retention list': '/api/reports/retention',
};

function urlOf(name: string) {
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The bench database: made (and filled) when missing or incomplete, else reused as it is. */
async function ensureDatabase(): Promise<boolean> {
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [DB_NAME]);
    if (exists.rowCount && !process.env.BENCH_REPORTS_FRESH) {
      const probe = new pg.Client({ connectionString: urlOf(DB_NAME) });
      await probe.connect();
      const done = await probe
        .query(
          `select count(*)::int as n from tasks t join users u on u.org_id = t.org_id
          where u.email = $1`,
          [EMAIL],
        )
        .then((r) => (r.rows[0] as { n: number }).n >= SIZES.tasks * 0.99)
        .catch(() => false)
        .finally(() => probe.end());
      if (done) return false;
    }
    await admin.query(`drop database if exists ${DB_NAME}`);
    await admin.query(`create database ${DB_NAME}`);
    return true;
  } finally {
    await admin.end();
  }
}

async function cookieOf(app: FastifyInstance, fresh: boolean): Promise<string> {
  if (fresh) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/signup',
      payload: {
        organization: {
          name: 'Reports Bench Club',
          timezone: 'Europe/Stockholm',
          locale: 'sv',
          currency: 'SEK',
        },
        owner: { name: 'Bench Owner', email: EMAIL, password: PASSWORD },
      },
    });
    if (res.statusCode !== 201) throw new Error(`signup: ${res.statusCode} ${res.body}`);
    return res.headers['set-cookie']!.toString().split(';')[0]!;
  }
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: EMAIL, password: PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`login: ${res.statusCode} ${res.body}`);
  return res.headers['set-cookie']!.toString().split(';')[0]!;
}

async function fill(app: FastifyInstance, cookie: string) {
  const me = await json<{ organization: { id: string } }>(app, cookie, 'GET', '/api/me');
  const roles = ['sales', 'reception', 'manager'] as const;
  for (let i = 0; i < STAFF; i++) {
    await json(app, cookie, 'POST', '/api/users', {
      name: `Staff ${i + 1}`,
      email: `reports-bench-staff-${i + 1}@example.test`,
      role: roles[i % roles.length],
    });
  }
  console.error(`generating into ${DB_NAME} …`);
  await generateReportData(urlOf(DB_NAME), { orgId: me.organization.id, userIds: [] }, new Date());
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** The route's own statements (not the session lookup), replayed in turn as it sent them: its SQL floor. */
async function sqlFloor(app: FastifyInstance, cookie: string, label: string, path: string) {
  const seen = await capture(() => json(app, cookie, 'GET', path));
  // The job runner polls on its own connections meanwhile: its statements are not the route's.
  const statements = seen.filter(
    (q) =>
      !/"sessions"|auth_live_session|"jobs"|pg_notify|pg_advisory|^\s*(begin|commit)\s*$/i.test(
        q.text,
      ),
  );
  const client = new pg.Client({ connectionString: urlOf(DB_NAME) });
  await client.connect();
  const times: number[] = [];
  try {
    const runs = Math.max(10, Math.round(RUNS / 3));
    for (let i = 0; i < runs + 5; i++) {
      const t0 = performance.now();
      for (const [k, s] of statements.entries()) {
        // As the route sent it: prepared once, or planned for its values each time.
        const named = s.named ? { name: `floor_${k}` } : {};
        await client.query({ ...named, text: s.text, values: s.values });
      }
      if (i >= 5) times.push(performance.now() - t0);
    }
  } finally {
    await client.end();
  }
  times.sort((a, b) => a - b);
  const what = `${label}: SQL floor (${statements.length} statements)`;
  return { database: 'PostgreSQL', what, p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function main() {
  const fresh = await ensureDatabase();
  const database = await openDatabase({ databaseUrl: urlOf(DB_NAME), dataDir: '/nonexistent' });
  const config = loadConfig({ DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent', SIGNUP: 'open' });
  const app = await buildApp(config, { database, logger: false });
  await app.ready();
  const results: Result[] = [];
  try {
    const cookie = await cookieOf(app, fresh);
    if (fresh) await fill(app, cookie);
    // Make the data now, measure later (on a quieter machine).
    if (process.env.BENCH_REPORTS_DATA_ONLY) return;
    for (const [label, path] of Object.entries(ROUTES)) {
      if (!app.hasRoute({ method: 'GET', url: path.split('?')[0]! })) {
        console.error(`skipped ${label}: no route ${path} in this build`);
        continue;
      }
      results.push(...(await measureAll(app, cookie, 'PostgreSQL', { [label]: () => path })));
      results.push(await sqlFloor(app, cookie, label, path));
    }
  } finally {
    await app.close();
  }
  console.log(
    `\n${SIZES.persons.toLocaleString('en')} persons, ${SIZES.tasks.toLocaleString('en')} tasks, ` +
      `${SIZES.deals.toLocaleString('en')} deals; ${RUNS} sequential requests each through ` +
      `app.inject (${os.cpus().length} CPUs), the SQL floor beside each\n`,
  );
  console.log('| request | p50 ms | p95 ms |');
  console.log('| --- | ---: | ---: |');
  for (const r of results) {
    console.log(`| ${r.what} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} |`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
