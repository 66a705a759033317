/**
 * The API stack at 10 connections: GET /api/me with a session cookie, a request authenticated
 * by an API token, and /api/me again with the default request logging — each beside its floors
 * from the same run: a bare Fastify route, and (on PostgreSQL) the session lookup's SQL replayed
 * directly as a prepared statement over the pg driver by 10 clients.
 *   npm run bench              (embedded database)
 *   BENCH_DATABASE_URL=postgres://… npm run bench
 * Env: BENCH_SECONDS per measurement (default 10), BENCH_ROUNDS (default 2): the app and the
 * logging app are measured in alternating rounds, so a busy neighbour hurts both alike.
 * What request logging costs is read from a CPU profile of the logging process under the same
 * load (see loggingShares); as a cross-check, BENCH_LOG_SETS (default 2) × BENCH_LOG_ROUNDS
 * (default 5), PostgreSQL: fresh silent and logging processes answering at the same time (see
 * sideBySide), whose controls show how far two identical processes differ anyway.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';
import { serverLogging } from '../apps/server/src/plugins/logging.ts';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = 10;
const DATABASE_URL = process.env.BENCH_DATABASE_URL;
const SESSION_SECRET = randomBytes(32).toString('hex');
const here = path.dirname(fileURLToPath(import.meta.url));

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  /** CPU time the server process spent per request, in µs (0 when not known). */
  cpu: number;
}

const TICK_US = 1e6 / 100;

/** CPU time (user + system, µs) a process has used, from /proc (Linux clock ticks of 10 ms). */
function cpuOf(pid: number | undefined): number {
  if (!pid) return 0;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_US;
}

async function measure(
  url: string,
  headers: Record<string, string> = {},
  pid?: number,
): Promise<Figures> {
  const cpu0 = cpuOf(pid);
  // The load comes from a worker thread, so it does not compete with the bare route's loop.
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    headers,
    workers: 1,
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpu: pid ? (cpuOf(pid) - cpu0) / result.requests.total : 0,
  };
}

/** Averages rounds of the same measurement. */
const mean = (all: Figures[]): Figures => ({
  rps: all.reduce((s, f) => s + f.rps, 0) / all.length,
  p50: all.reduce((s, f) => s + f.p50, 0) / all.length,
  p99: all.reduce((s, f) => s + f.p99, 0) / all.length,
  cpu: all.reduce((s, f) => s + f.cpu, 0) / all.length,
});

/** The app in a child process; its log lines go to /dev/null, as a server's go to a file. */
async function startServer(env: Record<string, string>) {
  const devNull = openSync('/dev/null', 'w');
  const child: ChildProcess = fork(path.join(here, 'me-server.ts'), {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, SESSION_SECRET, SIGNUP: 'open', ...env },
    stdio: ['ignore', devNull, 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.disconnect();
    });
  /** A message to the app, and its answer. */
  const ask = (message: object) =>
    new Promise<void>((resolve) => {
      child.once('message', () => resolve());
      child.send(message);
    });
  /** A CPU profile of the app's thread while `load` runs, written to `to`. */
  const profile = async (to: string, load: () => Promise<unknown>) => {
    await ask({ profile: 'start' });
    await load();
    await ask({ profile: 'stop', to });
  };
  return { url, stop, pid: child.pid, profile };
}

async function post(url: string, body: object, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`POST ${url}: ${res.status} ${await res.text()}`);
  return res;
}

const cookieOf = (res: Response) => res.headers.get('set-cookie')!.split(';')[0]!;

/**
 * The statement the session lookup sends (sessions.repo.ts): the session, its active user,
 * the organization and whether two-step is on. Replayed by 10 clients as a named statement.
 */
const SESSION_SQL = `select s.*, u.*, o.*, t.user_id
  from sessions s
  join users u on u.id = s.user_id and u.org_id = s.org_id
  join organizations o on o.id = s.org_id
  left join two_step_secrets t
    on t.org_id = s.org_id and t.user_id = s.user_id and t.secret is not null
  where s.id = $1 and s.expires_at > $2 and u.active = true`;

async function sqlFloor(url: string, sessionId: string): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: CONNECTIONS });
  const until = Date.now() + DURATION * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      const client = await pool.connect();
      try {
        while (Date.now() < until) {
          const r = await client.query({
            name: 'bench_session',
            text: SESSION_SQL,
            values: [sessionId, new Date()],
          });
          if (r.rowCount !== 1) throw new Error('the session lookup found no session');
          done++;
        }
      } finally {
        client.release();
      }
    }),
  );
  await pool.end();
  return done / DURATION;
}

const LINES = 1_000_000;

/**
 * What writing one request line costs, without the noise of a loaded machine: the server's own
 * line writer (plugins/logging.ts) given LINES completed requests in this process, to /dev/null,
 * less the same loop with request lines off. CPU time of the whole process, so the writer's
 * thread is counted.
 */
async function requestLineCpu(): Promise<number> {
  const lines = serverLogging('info', '/dev/null').lines!;
  const run = async (on: boolean) => {
    const start = process.cpuUsage();
    for (let i = 0; i < LINES; i++) {
      // As the server gives it: a new id, and a response time of its own, for every request.
      if (on) {
        lines.request(
          `req-${i.toString(36)}`,
          'GET',
          '/api/me',
          '127.0.0.1',
          200,
          performance.now(),
          0.25 + i * 1e-7,
        );
      }
      // As a server does: the event loop turns every few requests, and the writes get done.
      if (i % 16 === 15) await new Promise((resolve) => setImmediate(resolve));
    }
    await new Promise<void>((resolve) => lines.flush(() => resolve()));
    const used = process.cpuUsage(start);
    return (used.user + used.system) / LINES;
  };
  await run(true); // warm-up
  const off = await run(false);
  const on = await run(true);
  return on - off;
}

interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * What request logging runs, as the frames of a CPU profile: every sample with one of these on
 * its stack is logging's time — except Node's own work called from within them (NODES_OWN).
 */
const LOGGING_FRAMES: [string, (f: { functionName: string; url: string }) => boolean][] = [
  // The line and its batch, each request's logger, and the request object's two fields.
  ['request line and logger', (f) => /plugins\/logging\.(ts|js)$/.test(f.url)],
  // Node handing our subscriber the finished response.
  ['finish notice', (f) => f.url === 'node:diagnostics_channel' && f.functionName === 'publish'],
];
/** Node's constructing of a request (called from ours), which every server does. */
const NODES_OWN = (f: { functionName: string; url: string }) =>
  f.functionName === 'IncomingMessage' && f.url === 'node:_http_incoming';

/**
 * The share of a profiled thread's busy time (every sample but idle ones) that each of
 * LOGGING_FRAMES' kinds of work took, and garbage collection's.
 */
function loggingShares(file: string) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // The innermost kind of logging on each node's stack, or none.
  const kind = new Map<number, string | null>();
  const kindOf = (id: number): string | null => {
    const known = kind.get(id);
    if (known !== undefined) return known;
    const frame = byId.get(id)!.callFrame;
    const own = LOGGING_FRAMES.find(([, matches]) => matches(frame))?.[0];
    const up = parent.get(id);
    const found = own ?? (NODES_OWN(frame) || up === undefined ? null : kindOf(up));
    kind.set(id, found);
    return found;
  };
  const time = new Map<string, number>();
  let busy = 0;
  let gc = 0;
  profile.samples.forEach((id, i) => {
    const name = byId.get(id)!.callFrame.functionName;
    const dt = profile.timeDeltas[i] ?? 0;
    if (name === '(idle)') return;
    busy += dt;
    if (name === '(garbage collector)') gc += dt;
    const k = kindOf(id);
    if (k) time.set(k, (time.get(k) ?? 0) + dt);
  });
  const share = (t: number) => (busy > 0 ? t / busy : 0);
  const kinds = LOGGING_FRAMES.map(([k]) => [k, share(time.get(k) ?? 0)] as const);
  return { total: kinds.reduce((t, [, v]) => t + v, 0), kinds, gc: share(gc), busyMs: busy / 1000 };
}

const LOG_SETS = Number(process.env.BENCH_LOG_SETS ?? 2);
const LOG_ROUNDS = Number(process.env.BENCH_LOG_ROUNDS ?? 5);
const LOG_CONNECTIONS = 4;

interface Target {
  url: string;
  cookie: string;
  pid: number;
}

/** Server CPU time per request of each target while all of them answer /api/me at once. */
async function atOnce(targets: Target[]): Promise<number[]> {
  const cpu0 = targets.map((t) => cpuOf(t.pid));
  const results = await Promise.all(
    targets.map((t) =>
      autocannon({
        url: `${t.url}/api/me`,
        connections: LOG_CONNECTIONS,
        duration: DURATION,
        headers: { cookie: t.cookie },
        workers: 1,
      }),
    ),
  );
  return results.map((r, i) => {
    if (r.non2xx > 0 || r.errors > 0) throw new Error(`${targets[i]!.url}: failed requests`);
    return (cpuOf(targets[i]!.pid) - cpu0[i]!) / r.requests.total;
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * What request logging costs, measured so that the machine's other work falls on every side
 * alike: three fresh app processes started the same way — two at LOG_LEVEL=silent, one at the
 * default info — answer /api/me all at once, round after round. Each round gives the info
 * process's server CPU per request against the mean of the two silent ones, and (the control:
 * how much two identical processes differ anyway) the second silent against the first. Done
 * for LOG_SETS fresh sets of processes, since a process's speed also depends on how it started.
 */
async function sideBySide(
  start: (level: string) => Promise<{
    url: string;
    pid?: number;
    stop(): Promise<void>;
    profile(to: string, load: () => Promise<unknown>): Promise<void>;
  }>,
  login: (url: string) => Promise<string>,
  profileDir: string,
) {
  const sets: { logging: number; control: number; profiled: number }[] = [];
  for (let set = 0; set < LOG_SETS; set++) {
    const apps = [await start('silent'), await start('silent'), await start('info')];
    const targets = await Promise.all(
      apps.map(async (app) => ({ url: app.url, cookie: await login(app.url), pid: app.pid! })),
    );
    await atOnce(targets); // warm-up
    const loggings: number[] = [];
    const controls: number[] = [];
    for (let round = 0; round < LOG_ROUNDS; round++) {
      const [a, b, info] = await atOnce(targets);
      loggings.push(info! / ((a! + b!) / 2));
      controls.push(b! / a!);
    }
    // One more round, with the info process profiling itself: logging's share of its busy time.
    const file = path.join(profileDir, `side-${set}.cpuprofile`);
    await apps[2]!.profile(file, () => atOnce(targets));
    const profiled = loggingShares(file).total;
    for (const app of apps) await app.stop();
    sets.push({ logging: median(loggings) - 1, control: median(controls) - 1, profiled });
  }
  return sets;
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'spotter-bench-'));
  const dbEnv: Record<string, string> = DATABASE_URL ? { DATABASE_URL } : { DATA_DIR: dataDir };
  const email = `bench-${Date.now()}@example.test`;
  const password = 'Bench-Marking-Owner-1';

  const bare = Fastify({ logger: false });
  bare.get('/api/ping', async () => ({ ok: true }));
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });

  let server = await startServer({ ...dbEnv, LOG_LEVEL: 'silent' });
  const signup = await post(`${server.url}/api/signup`, {
    organization: {
      name: 'Bench Club',
      timezone: 'Europe/Stockholm',
      locale: 'en',
      currency: 'SEK',
    },
    owner: { name: 'Bench Owner', email, password },
  });
  const cookie = cookieOf(signup);
  const created = await post(`${server.url}/api/api-tokens`, { name: 'Bench' }, { cookie });
  const { secret } = (await created.json()) as { secret: string };
  const bearer = { authorization: `Bearer ${secret}` };
  const sessionId = createHmac('sha256', SESSION_SECRET)
    .update(decodeURIComponent(cookie.split('=')[1]!))
    .digest('hex');

  // The embedded database is one process's: the logging app runs after the silent one there.
  let logging = DATABASE_URL ? await startServer({ ...dbEnv, LOG_LEVEL: 'info' }) : undefined;
  const loginCookie = async (url: string) =>
    cookieOf(await post(`${url}/api/auth/login`, { email, password }));
  let loggingCookie = logging && (await loginCookie(logging.url));

  console.log(
    `${DURATION}s × ${ROUNDS} rounds each, ${CONNECTIONS} connections, database: ` +
      `${DATABASE_URL ? 'PostgreSQL' : 'embedded'}, ${os.cpus().length} CPUs, load ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );
  const runs = { bare: [] as Figures[], me: [] as Figures[], token: [] as Figures[] };
  const logged: Figures[] = [];
  const sql: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    runs.bare.push(await measure(`${bareUrl}/api/ping`));
    runs.me.push(await measure(`${server.url}/api/me`, { cookie }, server.pid));
    runs.token.push(await measure(`${server.url}/api/organization`, bearer, server.pid));
    if (DATABASE_URL) sql.push(await sqlFloor(DATABASE_URL, sessionId));
    if (logging && loggingCookie) {
      logged.push(await measure(`${logging.url}/api/me`, { cookie: loggingCookie }, logging.pid));
    }
  }
  if (!DATABASE_URL) {
    // Embedded: the same app with logging on, after the silent one has let go of the folder.
    await server.stop();
    logging = await startServer({ ...dbEnv, LOG_LEVEL: 'info' });
    loggingCookie = await loginCookie(logging.url);
    for (let round = 0; round < ROUNDS; round++) {
      logged.push(await measure(`${logging.url}/api/me`, { cookie: loggingCookie }, logging.pid));
    }
    server = {
      url: '',
      stop: async () => {},
      pid: undefined,
      profile: async () => {},
    };
  }

  const base = mean(runs.bare);
  const line = (label: string, f: Figures, ratio?: string) =>
    console.log(
      `${label.padEnd(34)} ${f.rps.toFixed(0).padStart(7)} req/s  p50 ${f.p50.toFixed(1)} ms  ` +
        `p99 ${f.p99.toFixed(1)} ms${f.cpu ? `  ${f.cpu.toFixed(0)} µs CPU/req` : ''}` +
        `${ratio ? `  ${ratio}` : ''}`,
    );
  const vsBare = (f: Figures) => `${(f.rps / base.rps).toFixed(3)} of bare`;
  const me = mean(runs.me);
  line('bare Fastify route', base);
  line('GET /api/me (cookie)', me, vsBare(me));
  line('GET /api/organization (API token)', mean(runs.token), vsBare(mean(runs.token)));
  if (sql.length) {
    const floor = sql.reduce((a, b) => a + b, 0) / sql.length;
    console.log(
      `${'session SQL alone (prepared, pg)'.padEnd(34)} ${floor.toFixed(0).padStart(7)} q/s` +
        `  /api/me is ${(me.rps / floor).toFixed(3)} of it`,
    );
  }
  const withLogs = mean(logged);
  line('GET /api/me, LOG_LEVEL=info', withLogs, vsBare(withLogs));
  // One after the other, the two processes' figures move with whatever else the machine does;
  // side by side they share it (PostgreSQL: the apps run at once).
  if (DATABASE_URL) {
    const sets = await sideBySide(
      (level) => startServer({ ...dbEnv, LOG_LEVEL: level }),
      loginCookie,
      dataDir,
    );
    const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %`;
    console.log(
      `side by side: ${LOG_SETS} sets of three fresh processes (silent, silent, info), ` +
        `${LOG_ROUNDS} rounds of ${DURATION}s, ${LOG_CONNECTIONS} connections each; median of ` +
        `the rounds' server CPU per request`,
    );
    for (const [i, set] of sets.entries()) {
      console.log(
        `  set ${i + 1}: info against the silent pair ${pct(set.logging)}  ` +
          `(control: the two silent processes differ by ${pct(set.control)}); ` +
          `profiled: request logging ${(set.profiled * 100).toFixed(2)} % of the info process's busy time`,
      );
    }
    const spread = (values: number[]) => {
      const m = values.reduce((a, b) => a + b, 0) / values.length;
      const sd = Math.sqrt(values.reduce((a, b) => a + (b - m) ** 2, 0) / (values.length - 1 || 1));
      return `mean ${pct(m)} ± ${((sd / Math.sqrt(values.length)) * 100).toFixed(1)} (standard error), median ${pct(median(values))}`;
    };
    console.log(
      `whole processes compared, server CPU per /api/me, info against silent: ` +
        `${spread(sets.map((s) => s.logging))}; the controls: ${spread(sets.map((s) => s.control))}`,
    );
    const shares = sets.map((s) => s.profiled);
    console.log(
      `profiled in each set's info process: request logging ${(median(shares) * 100).toFixed(2)} % ` +
        `of its busy time (median; ${(Math.min(...shares) * 100).toFixed(2)}–` +
        `${(Math.max(...shares) * 100).toFixed(2)} %; target ≤ 3 %)`,
    );
  }
  // What request logging's own code takes of the logging process's thread, read from a CPU
  // profile of it under the same load: unlike two processes' CPU times, this does not move with
  // how each process happened to start or what else the machine did meanwhile.
  if (logging && loggingCookie) {
    const profiled = async (app: NonNullable<typeof logging>, cookieFor: string, name: string) => {
      const file = path.join(dataDir, `${name}.cpuprofile`);
      await app.profile(file, () => measure(`${app.url}/api/me`, { cookie: cookieFor }, app.pid));
      return loggingShares(file);
    };
    const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
    const info = await profiled(logging, loggingCookie, 'info');
    console.log(
      `CPU profile of the info process, ${DURATION}s of /api/me at ${CONNECTIONS} connections ` +
        `(100 µs samples, ${info.busyMs.toFixed(0)} ms busy): request logging ${pct(info.total)} ` +
        `of its busy time (${info.kinds.map(([k, v]) => `${k} ${pct(v)}`).join(', ')}; ` +
        `target ≤ 3 %); garbage collection ${pct(info.gc)}`,
    );
    if (server.pid) {
      const silent = await profiled(server, cookie, 'silent');
      console.log(
        `the silent process, profiled the same way: request logging ${pct(silent.total)}, ` +
          `garbage collection ${pct(silent.gc)}`,
      );
    }
  }
  const perLine = await requestLineCpu();
  console.log(
    `one request line alone: ${perLine.toFixed(2)} µs CPU (${LINES.toLocaleString('en')} through ` +
      `the server's writer to /dev/null), ${((perLine / withLogs.cpu) * 100).toFixed(1)} % of ` +
      `/api/me's ${withLogs.cpu.toFixed(0)} µs`,
  );

  await logging?.stop();
  await server.stop();
  await bare.close();
  rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
