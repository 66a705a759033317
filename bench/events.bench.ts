/**
 * Club events (issue 12): signed single events posted by 10 senders for BENCH_SECONDS, with the
 * rules running on the job runner as they arrive, over BENCH_PERSONS generated persons; then
 * a caller lookup by phone; then known callers' cards reaching a staff stream (BENCH_POPS calls,
 * bench/call-pop.ts). Floors in the same run: the same load against a bare Fastify route
 * that only parses the body, and the phone lookup's SQL replayed directly.
 *   node --import tsx bench/events.bench.ts      (BENCH_DB=postgres|embedded|both)
 */
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import type { Database } from '../apps/server/src/db/client.ts';
import { callToScreen, POPS } from './call-pop.ts';
import { insertGeneratedPersons, json, onEngines, PERSONS, signUpClub } from './support.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;
const LOOKUPS = Number(process.env.BENCH_RUNS ?? 300);

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

function load(url: string, secret: string | null, phones: string[]): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./events-load.mjs', import.meta.url), {
      workerData: { url, secret, connections: CONNECTIONS, seconds: SECONDS, phones },
    });
    worker.once('message', (latencies: number[]) => resolve(latencies.sort((a, b) => a - b)));
    worker.once('error', reject);
  });
}

async function unprocessed(database: Database, orgId: string) {
  const result = await database.db.execute(
    sql`select count(*)::int as n from club_events where org_id = ${orgId} and processed_at is null and state = 'accepted'`,
  );
  return Number((result as unknown as { rows: Array<{ n: number }> }).rows[0]!.n);
}

interface Row {
  database: string;
  acceptRps: number;
  p50: number;
  p99: number;
  bareRps: number;
  processedPerSecond: number;
  lookupP50: number;
  lookupP99: number;
  sqlP99: number;
  popP50: number;
  popP99: number;
}

const rows = await onEngines<Row>('events', async (app, database, label) => {
  const club = await signUpClub(app);
  await insertGeneratedPersons(database.db, { orgId: club.orgId, responsibleIds: [club.ownerId] });
  // A club's tables have planner statistics (autovacuum keeps them); freshly bulk-filled ones
  // do not until it runs, and every phone lookup would then scan the table.
  await database.db.execute(sql`analyze`);
  const phoneRows = await database.db.execute(
    sql`select phone_keys[1] as phone from contacts where org_id = ${club.orgId} and cardinality(phone_keys) > 0 limit 5000`,
  );
  const phones = (phoneRows as unknown as { rows: Array<{ phone: string }> }).rows.map(
    (r) => r.phone,
  );
  const created = await json<{ source: { id: string }; secret: string }>(
    app,
    club.cookie,
    'POST',
    '/api/event-sources',
    {
      name: 'Bench system',
      kind: 'membership',
    },
  );
  const base = await app.listen({ port: 0, host: '127.0.0.1' });

  const bare = Fastify({ logger: false });
  bare.post('/events', async (req) => ({ items: [{ id: (req.body as { id: string }).id }] }));
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareLatencies = await load(`${bareUrl}/events`, null, phones);
  await bare.close();

  const t0 = performance.now();
  const latencies = await load(
    `${base}/api/event-sources/${created.source.id}/events`,
    created.secret,
    phones,
  );
  const sent = latencies.length;
  // The rules run on the job runner as events arrive; wait for the queue to drain.
  while ((await unprocessed(database, club.orgId)) > 0)
    await new Promise((r) => setTimeout(r, 200));
  const processedPerSecond = sent / ((performance.now() - t0) / 1000);

  const lookups: number[] = [];
  const sqlTimes: number[] = [];
  for (let i = 0; i < LOOKUPS; i++) {
    const phone = phones[(i * 7919) % phones.length]!;
    let s = performance.now();
    await json(app, club.cookie, 'GET', `/api/search?q=${encodeURIComponent(phone)}`);
    lookups.push(performance.now() - s);
    s = performance.now();
    await database.db.execute(
      sql`select id from contacts where org_id = ${club.orgId} and phone_keys @> array[${phone}]::text[] and deleted_at is null limit 10`,
    );
    sqlTimes.push(performance.now() - s);
  }
  lookups.sort((a, b) => a - b);
  sqlTimes.sort((a, b) => a - b);

  // A known caller's card: the delivery accepted → the call.incoming on a staff stream.
  const pops = await callToScreen({
    base,
    cookie: club.cookie,
    sourceId: created.source.id,
    secret: created.secret,
    phones,
  });
  return [
    {
      database: label,
      acceptRps: sent / SECONDS,
      p50: pct(latencies, 50),
      p99: pct(latencies, 99),
      bareRps: bareLatencies.length / SECONDS,
      processedPerSecond,
      lookupP50: pct(lookups, 50),
      lookupP99: pct(lookups, 99),
      sqlP99: pct(sqlTimes, 99),
      popP50: pct(pops, 50),
      popP99: pct(pops, 99),
    },
  ];
});

console.log(
  `\n${PERSONS.toLocaleString('en')} persons; ${CONNECTIONS} senders for ${SECONDS} s, one signed event per request; ${POPS} calls popped one at a time\n`,
);
console.log(
  '| database | accepted events/s | accept p50 / p99 ms | bare route req/s (ratio) | processed with rules, events/s | caller lookup p50 / p99 ms | its SQL alone p99 ms | call accepted → screen p50 / p99 ms |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  console.log(
    `| ${r.database} | ${r.acceptRps.toFixed(0)} | ${r.p50.toFixed(1)} / ${r.p99.toFixed(1)} | ${r.bareRps.toFixed(0)} (${(r.acceptRps / r.bareRps).toFixed(2)}) | ${r.processedPerSecond.toFixed(0)} | ${r.lookupP50.toFixed(1)} / ${r.lookupP99.toFixed(1)} | ${r.sqlP99.toFixed(1)} | ${r.popP50.toFixed(0)} / ${r.popP99.toFixed(0)} |`,
  );
}
process.exit(0);
