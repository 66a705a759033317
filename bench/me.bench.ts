/**
 * GET /api/me with a real session, against a bare Fastify route in the same run, so the
 * number says what auth + session lookup + serialization cost on this machine.
 *   npm run bench              (embedded database)
 *   BENCH_DATABASE_URL=postgres://… npm run bench
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildApp } from '../apps/server/src/app.ts';
import { openDatabase } from '../apps/server/src/db/client.ts';
import { loadConfig } from '../apps/server/src/plugins/env.ts';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;

async function measure(url: string, headers: Record<string, string> = {}) {
  // The load comes from a worker thread, so it does not compete with the server for its event loop.
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
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'spotter-bench-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SIGNUP: 'open',
    ...(process.env.BENCH_DATABASE_URL && { DATABASE_URL: process.env.BENCH_DATABASE_URL }),
  });
  const database = await openDatabase(config);
  const app = await buildApp(config, { database, logger: false });
  const appUrl = await app.listen({ port: 0, host: '127.0.0.1' });

  const email = `bench-${Date.now()}@example.test`;
  const signup = await fetch(`${appUrl}/api/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      organization: {
        name: 'Bench Club',
        timezone: 'Europe/Stockholm',
        locale: 'en',
        currency: 'SEK',
      },
      owner: { name: 'Bench Owner', email, password: 'Bench-Marking-Owner-1' },
    }),
  });
  if (signup.status !== 201)
    throw new Error(`signup failed: ${signup.status} ${await signup.text()}`);
  const cookie = signup.headers.get('set-cookie')!.split(';')[0]!;

  const bare = Fastify({ logger: false });
  bare.get('/api/ping', async () => ({ ok: true }));
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });

  console.log(`${DURATION}s each, ${CONNECTIONS} connections, database: ${database.kind}`);
  const baseline = await measure(`${bareUrl}/api/ping`);
  const me = await measure(`${appUrl}/api/me`, { cookie });
  const ratio = me.rps / baseline.rps;
  console.log(
    `bare Fastify route   ${baseline.rps.toFixed(0).padStart(7)} req/s  p50 ${baseline.p50} ms  p99 ${baseline.p99} ms`,
  );
  console.log(
    `GET /api/me          ${me.rps.toFixed(0).padStart(7)} req/s  p50 ${me.p50} ms  p99 ${me.p99} ms`,
  );
  console.log(`ratio /api/me : bare ${ratio.toFixed(3)}`);

  await bare.close();
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
