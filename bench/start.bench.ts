/**
 * Cold start: from spawning the server's process to the first 200 from /api/health, on an
 * embedded database that already exists and on PostgreSQL, for the compiled server
 * (`apps/server/dist/server.js`, built first) and the TypeScript sources run through tsx, next
 * to the floor: a bare Fastify server answering the same route, started the same way.
 *   npm run bench:start
 * Env: BENCH_RUNS starts of each (default 7; the median is shown), BENCH_DB=embedded|postgres|both,
 * BENCH_DATABASE_URL (a PostgreSQL server; a fresh database is created and dropped),
 * BENCH_MODES=compiled,tsx (which server builds to start), BENCH_BEFORE (another checkout, e.g.
 * the commit before a change, whose sources are started through tsx as a further row).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { buildServer } from '../apps/server/build.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The floor: Fastify alone, listening and answering /api/health, as plain JavaScript. */
const bareServer = `
import Fastify from 'fastify';
const app = Fastify({ logger: false });
app.get('/api/health', async () => ({ status: 'ok' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
`;

const commands: Record<string, string[]> = {
  'bare Fastify (floor)': ['--input-type=module', '-e', bareServer],
  compiled: [path.join(root, 'apps/server/dist/server.js')],
  'tsx (TypeScript at start)': ['--import', 'tsx', path.join(root, 'apps/server/src/server.ts')],
  ...(process.env.BENCH_BEFORE && {
    [`before: ${process.env.BENCH_BEFORE} (tsx)`]: [
      '--import',
      'tsx',
      path.join(path.resolve(process.env.BENCH_BEFORE), 'apps/server/src/server.ts'),
    ],
  }),
};

// Below Linux's ephemeral range (32768+), where outgoing connections would take ports.
let nextPort = 12000 + Math.floor(Math.random() * 15000);

/** One start: ms from spawn to the first 200, then a clean stop; again if the port was taken. */
async function startOnce(args: string[], env: Record<string, string>): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startAt(args, env);
    } catch (err) {
      if (attempt === 3 || !String(err).includes('EADDRINUSE')) throw err;
    }
  }
}

async function startAt(args: string[], env: Record<string, string>): Promise<number> {
  const port = nextPort++;
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`exited early: ${stderr}`);
      if (performance.now() - t0 > 60_000) throw new Error(`no answer in 60 s: ${stderr}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.status === 200) return performance.now() - t0;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(engine: string, env: Record<string, string>) {
  const modes = [...(process.env.BENCH_MODES ?? 'compiled,tsx').split(','), 'before'];
  const chosen = Object.entries(commands).filter(
    ([name]) => name.startsWith('bare') || modes.some((m) => name.startsWith(m)),
  );
  // The database exists before the first timed start (migrated by a first, untimed one).
  await startOnce(commands.compiled ?? chosen[1]![1], env);
  const times = new Map<string, number[]>(chosen.map(([name]) => [name, []]));
  // Interleaved, so a burst of load elsewhere hits every kind alike.
  for (let i = 0; i < RUNS; i++) {
    for (const [name, args] of chosen) times.get(name)!.push(await startOnce(args, env));
  }
  const floor = median(times.get('bare Fastify (floor)')!);
  return [...times].map(([name, ms]) => ({
    engine,
    name,
    median: median(ms),
    min: Math.min(...ms),
    ratio: median(ms) / floor,
  }));
}

async function main() {
  await buildServer();
  const which = process.env.BENCH_DB ?? 'both';
  const rows: Awaited<ReturnType<typeof measure>> = [];
  if (which !== 'postgres') {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'spotter-start-bench-'));
    try {
      rows.push(...(await measure('embedded, existing database', { DATA_DIR: dataDir })));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  if (which !== 'embedded') {
    const serverUrl =
      process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const dbName = `spotter_start_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    const url = new URL(serverUrl);
    url.pathname = `/${dbName}`;
    try {
      rows.push(...(await measure('PostgreSQL', { DATABASE_URL: url.toString() })));
    } finally {
      await admin.query(`drop database if exists ${dbName}`).catch(() => {});
      await admin.end();
    }
  }
  console.log(
    `\nCold start, spawn → first 200 from /api/health; median of ${RUNS} (${os.cpus().length} CPUs, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})\n`,
  );
  console.log('| database | server | median ms | fastest ms | median : floor |');
  console.log('| --- | --- | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(
      `| ${r.engine} | ${r.name} | ${r.median.toFixed(0)} | ${r.min.toFixed(0)} | ${r.ratio.toFixed(2)} |`,
    );
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
