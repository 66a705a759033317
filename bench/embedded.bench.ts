/**
 * The embedded database under load: GET /api/persons/:id at 1 and 10 connections and the
 * server's idle memory, with 100,000 persons, against the server run as its own process
 * (as `npm start` runs it), next to its floors from the same run: a bare Fastify route, and the
 * same by-id SQL replayed straight on PGlite in this process (after the server has stopped).
 *   npm run bench:embedded
 * Env: BENCH_PERSONS (default 100000), BENCH_SECONDS per measurement (default 10),
 * BENCH_DATA (a folder to keep the generated database in and reuse; default a fresh temporary
 * one), BENCH_SERVER=compiled|tsx (default compiled: apps/server/dist, built first),
 * BENCH_ROOT (another checkout to measure, e.g. the commit before a change; run with tsx).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import type * as AppModule from '../apps/server/src/app.ts';
import type * as ClientModule from '../apps/server/src/db/client.ts';
import type * as FixturesModule from '../apps/server/src/features/contacts/contacts-list.fixtures.ts';
import type * as EnvModule from '../apps/server/src/plugins/env.ts';

const PERSONS = Number(process.env.BENCH_PERSONS ?? 100_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(process.env.BENCH_ROOT ?? here);
const serverSrc = path.join(root, 'apps/server/src');
const PASSWORD = 'Bench-Marking-Owner-1';

interface Fixture {
  email: string;
  orgId: string;
  ids: string[];
}

/** The club, its 100,000 persons and a sample of their ids, made once per BENCH_DATA folder. */
async function generate(dataDir: string): Promise<Fixture> {
  const fixtureFile = path.join(dataDir, 'bench-fixture.json');
  if (existsSync(fixtureFile)) return JSON.parse(readFileSync(fixtureFile, 'utf8')) as Fixture;
  const { buildApp } = (await import(path.join(serverSrc, 'app.ts'))) as typeof AppModule;
  const { openDatabase } = (await import(
    path.join(serverSrc, 'db/client.ts')
  )) as typeof ClientModule;
  const { loadConfig } = (await import(path.join(serverSrc, 'plugins/env.ts'))) as typeof EnvModule;
  const fixtures = (await import(
    path.join(serverSrc, 'features/contacts/contacts-list.fixtures.ts')
  )) as typeof FixturesModule;
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SIGNUP: 'open' });
  const database = await openDatabase(config);
  const app = await buildApp(config, { database, logger: false });
  await app.ready();
  try {
    const email = `bench-${Date.now()}@example.test`;
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
        owner: { name: 'Bench Owner', email, password: PASSWORD },
      },
    });
    if (signup.statusCode !== 201) throw new Error(`signup: ${signup.body}`);
    const orgId = signup.json<{ organization: { id: string } }>().organization.id;
    const t0 = performance.now();
    const ids: string[] = [];
    for (let i = 0; i < PERSONS; i += 10_000) {
      const rows = fixtures.generatePersons(Math.min(10_000, PERSONS - i), i, { orgId });
      // Every 100th person gets a known id: the requests pick from these.
      for (let k = 0; k < rows.length; k += 100) ids.push((rows[k]!.id = randomUUID()));
      await fixtures.insertContacts(database.db, rows, 1000);
    }
    // PGlite has no autovacuum: without statistics the planner walks a whole index for one id.
    await database.db.execute(sql`vacuum analyze contacts`);
    console.error(
      `generated ${PERSONS} persons in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
    const fixture: Fixture = { email, orgId, ids };
    writeFileSync(fixtureFile, JSON.stringify(fixture));
    return fixture;
  } finally {
    await app.close();
  }
}

function startServer(dataDir: string, port: number): ChildProcess {
  const compiled = (process.env.BENCH_SERVER ?? 'compiled') === 'compiled' && root === here;
  const args = compiled
    ? [path.join(root, 'apps/server/dist/server.js')]
    : ['--import', 'tsx', path.join(serverSrc, 'server.ts')];
  return spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

async function waitFor(url: string, child: ChildProcess) {
  for (;;) {
    if (child.exitCode !== null) throw new Error('server exited');
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Resident memory of a process, MB (Linux). */
function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function load(url: string, connections: number, ids: string[], headers = {}) {
  let i = 0;
  const result = await autocannon({
    url,
    connections,
    duration: DURATION,
    headers,
    requests: [
      {
        setupRequest: (req) => ({ ...req, path: `${req.path}${ids[i++ % ids.length] ?? ''}` }),
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  }
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

/** The by-id SQL alone, sequential, straight on PGlite in this process. */
async function sqlFloor(dataDir: string, fixture: Fixture) {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { btree_gin } = await import('@electric-sql/pglite/contrib/btree_gin');
  const client = await PGlite.create({
    dataDir: path.join(dataDir, 'pglite'),
    extensions: { pg_trgm, btree_gin },
  });
  try {
    const text = 'select * from contacts where org_id = $1 and id = $2';
    let n = 0;
    const end = performance.now() + DURATION * 1000;
    while (performance.now() < end) {
      await client.query(text, [fixture.orgId, fixture.ids[n % fixture.ids.length]]);
      n++;
    }
    return n / DURATION;
  } finally {
    await client.close();
  }
}

async function main() {
  if (root === here && (process.env.BENCH_SERVER ?? 'compiled') === 'compiled') {
    const { buildServer } = await import('../apps/server/build.ts');
    await buildServer();
  }
  const keep = process.env.BENCH_DATA;
  const dataDir = keep
    ? path.resolve(keep)
    : mkdtempSync(path.join(os.tmpdir(), 'spotter-embedded-bench-'));
  const fixture = await generate(dataDir);
  // Each run works on a copy, so a kept folder stays as generated.
  const runDir = mkdtempSync(path.join(os.tmpdir(), 'spotter-embedded-run-'));
  cpSync(dataDir, runDir, { recursive: true });
  const port = 12000 + Math.floor(Math.random() * 15000);
  const server = startServer(runDir, port);
  const base = `http://127.0.0.1:${port}`;
  const rows: string[] = [];
  try {
    await waitFor(`${base}/api/health`, server);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: fixture.email, password: PASSWORD }),
    });
    if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    await new Promise((r) => setTimeout(r, 3000));
    const idleRss = rssOf(server.pid!);

    const bare = Fastify({ logger: false });
    bare.get('/api/ping/:id', async (req) => ({ id: (req.params as { id: string }).id }));
    const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
    for (const connections of [1, 10]) {
      const floor = await load(`${bareUrl}/api/ping/`, connections, fixture.ids);
      const byId = await load(`${base}/api/persons/`, connections, fixture.ids, { cookie });
      rows.push(
        `| ${connections} | ${byId.rps.toFixed(0)} | ${byId.p50} / ${byId.p99} | ${floor.rps.toFixed(0)} | ${(byId.rps / floor.rps).toFixed(3)} |`,
      );
    }
    await bare.close();
    const busyRss = rssOf(server.pid!);
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    const sqlRps = await sqlFloor(runDir, fixture);

    console.log(
      `\nGET /api/persons/:id, ${PERSONS} persons, embedded, ${DURATION} s each (${os.cpus().length} CPUs, load ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}), server: ${root === here ? (process.env.BENCH_SERVER ?? 'compiled') : root}\n`,
    );
    console.log('| connections | req/s | p50 / p99 ms | bare route req/s | ratio to bare |');
    console.log('| ---: | ---: | ---: | ---: | ---: |');
    for (const row of rows) console.log(row);
    console.log(`\nthe same SQL alone on PGlite, sequential: ${sqlRps.toFixed(0)} per s`);
    console.log(
      `server RSS: idle ${idleRss.toFixed(0)} MB, after the load ${busyRss.toFixed(0)} MB`,
    );
  } finally {
    if (server.exitCode === null) server.kill('SIGTERM');
    rmSync(runDir, { recursive: true, force: true });
    if (!keep) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
