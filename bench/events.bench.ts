/**
 * Club events (issue 12, decision 0026), on a club of BENCH_PERSONS generated persons:
 *  1. floors: the senders against a bare Fastify route that only parses the body, and the same
 *     INSERT the API runs, as plain SQL from as many connections, into a copy of its table;
 *  2. end to end: 10 senders post signed single events for BENCH_SECONDS while the rules run
 *     on the job runner as they arrive, until every event is processed;
 *  3. processing alone: BENCH_BACKLOG events stored at once, then drained batch by batch;
 *  4. a caller lookup by phone through /api/search, beside its SQL alone.
 *  5. known callers' cards from the accepted delivery to a staff stream (BENCH_POPS calls,
 *     bench/call-pop.ts).
 *   node --import tsx bench/events.bench.ts      (BENCH_DB=postgres|embedded|both)
 */
import { fork } from 'node:child_process';
import os from 'node:os';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import type { Database } from '../apps/server/src/db/client.ts';
import { insertEvents } from '../apps/server/src/features/club-events/ingest.repo.ts';
import { processBatch } from '../apps/server/src/features/club-events/process.service.ts';
import { executeNamed } from '../apps/server/src/lib/named-statement.ts';
import { clubEvent } from './events-data.mjs';
import { callToScreen, POPS } from './call-pop.ts';
import { insertGeneratedPersons, json, onEngines, PERSONS, signUpClub } from './support.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;
const LOOKUPS = Number(process.env.BENCH_RUNS ?? 300);
const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 10_000);
/** Events per delivery: 1 (a webhook per event), or a batch as the event API also takes. */
const BATCH = Math.max(1, Number(process.env.BENCH_BATCH ?? 1));
/** Events per second the senders offer together; 0: as fast as they are answered. */
const RATE = Number(process.env.BENCH_RATE ?? 0);
/** Where the senders run: `thread` (a worker thread of this process) or `process` (their own). */
const SENDERS = process.env.BENCH_SENDERS === 'process' ? 'process' : 'thread';
/** A file to write the server thread's CPU profile of the end-to-end phase to (.cpuprofile). */
const CPU_PROFILE = process.env.BENCH_CPU_PROFILE;
const load1 = () => os.loadavg()[0]!.toFixed(1);
const started = performance.now();
/** Progress on stderr, so a long run on a busy machine shows where it is. */
const step = (what: string) =>
  console.error(
    `[${((performance.now() - started) / 1000).toFixed(0)} s, load ${load1()}] ${what}`,
  );

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

function load(
  url: string,
  secret: string | null,
  phones: string[],
  rate = RATE,
): Promise<number[]> {
  const job = {
    url,
    secret,
    connections: CONNECTIONS,
    seconds: SECONDS,
    phones,
    batch: BATCH,
    rate,
  };
  const script = new URL('./events-load.mjs', import.meta.url);
  return new Promise((resolve, reject) => {
    const done = (latencies: number[]) => resolve(latencies.sort((a, b) => a - b));
    if (SENDERS === 'process') {
      const child = fork(script, [], {
        env: { ...process.env, EVENTS_LOAD_JOB: JSON.stringify(job) },
        execArgv: [],
      });
      child.once('message', (latencies) => done(latencies as number[]));
      child.once('error', reject);
      return;
    }
    const worker = new Worker(script, { workerData: job });
    worker.once('message', done);
    worker.once('error', reject);
  });
}

async function unprocessed(database: Database, orgId: string) {
  const result = await database.db.execute(
    sql`select count(*)::int as n from club_events where org_id = ${orgId} and processed_at is null and state = 'accepted'`,
  );
  return Number((result as unknown as { rows: Array<{ n: number }> }).rows[0]!.n);
}

async function drained(database: Database, orgId: string) {
  while ((await unprocessed(database, orgId)) > 0) await new Promise((r) => setTimeout(r, 100));
}

/**
 * The floor of storing: the API's INSERT (BENCH_BATCH events per statement, as a delivery
 * stores them) as plain SQL from CONNECTIONS connections for SECONDS, into a copy of the events
 * table with its indexes, so the rules do not see these rows. Answers rows per second.
 */
async function sqlFloor(database: Database, orgId: string, sourceId: string, phones: string[]) {
  await database.db.execute(
    sql.raw('create table bench_floor_events (like club_events including all)'),
  );
  let n = 0;
  const until = performance.now() + SECONDS * 1000;
  const one = async () => {
    while (performance.now() < until) {
      const first = n + 1;
      n += BATCH;
      const rows = JSON.stringify(
        Array.from({ length: BATCH }, (_, ord) => {
          const e = clubEvent(first + ord, phones);
          return {
            ord,
            external_id: `floor-${first + ord}`,
            type: e.type,
            type_version: 1,
            occurred_at: e.occurredAt,
            data: e.data,
          };
        }),
      );
      await executeNamed(
        database.db,
        sql`
        insert into bench_floor_events (org_id, source_id, external_id, type, type_version, state,
          occurred_at, data)
        select ${orgId}::uuid, ${sourceId}::uuid, x.external_id, x.type, x.type_version,
          'accepted', x.occurred_at, x.data
        from jsonb_to_recordset(${rows}::jsonb) as x(ord int, external_id text, type text,
          type_version int, occurred_at timestamptz, data jsonb)
        order by x.ord
        on conflict (org_id, source_id, external_id) do nothing
        returning id, external_id`,
      );
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, one));
  await database.db.execute(sql.raw('drop table bench_floor_events'));
  return n / SECONDS;
}

/**
 * Processing alone: BACKLOG events stored at once (no drain queued), then run the way the
 * drain runs them, a batch per transaction, until none waits. Answers events per second.
 */
async function processingAlone(
  database: Database,
  orgId: string,
  sourceId: string,
  phones: string[],
) {
  for (let i = 0; i < BACKLOG; i += 100) {
    const events = Array.from({ length: Math.min(100, BACKLOG - i) }, (_, k) => {
      const e = clubEvent(1_000_000 + i + k, phones);
      return { externalId: `backlog-${i + k}`, typeVersion: 1, ...e };
    });
    await insertEvents(database.db, orgId, sourceId, events);
  }
  const t0 = performance.now();
  let ran = 0;
  let afterSeq: number | undefined;
  for (;;) {
    const batch = await processBatch(
      database.db,
      orgId,
      { sourceId, limit: 200, afterSeq },
      new Date(),
    );
    if (batch.ran === 0) break;
    ran += batch.ran;
    afterSeq = batch.lastSeq;
  }
  await drained(database, orgId);
  return ran / ((performance.now() - t0) / 1000);
}

interface Row {
  database: string;
  load: string;
  acceptRps: number;
  p50: number;
  p99: number;
  bareRps: number;
  sqlRps: number;
  backlogAtEnd: number;
  endToEnd: number;
  processingAlone: number;
  lookupP50: number;
  lookupP99: number;
  sqlP99: number;
  popP50: number;
  popP99: number;
  loopP99: number;
  loopMax: number;
}

const rows = await onEngines<Row>('events', async (app, database, label) => {
  step(`${label}: generating persons`);
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
  step('bare route');
  // The floor as fast as it goes, whatever rate the API is offered.
  const bareLatencies = await load(`${bareUrl}/events`, null, phones, 0);
  await bare.close();
  step('the INSERT as plain SQL');
  const sqlRps = await sqlFloor(database, club.orgId, created.source.id, phones);

  step('signed deliveries, rules running');
  const load0 = load1();
  const profiler = CPU_PROFILE ? new Session() : undefined;
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }
  // How long the server's event loop kept work waiting while deliveries and drains shared it.
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  const t0 = performance.now();
  const latencies = await load(
    `${base}/api/event-sources/${created.source.id}/events${BATCH > 1 ? '/batch' : ''}`,
    created.secret,
    phones,
  );
  loopDelay.disable();
  if (profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    writeFileSync(CPU_PROFILE!, JSON.stringify(profile));
    profiler.disconnect();
  }
  const sent = latencies.length * BATCH;
  const backlogAtEnd = await unprocessed(database, club.orgId);
  step(`${sent} accepted, ${backlogAtEnd} waiting`);
  // The rules run on the job runner as events arrive; wait until the last one has run.
  await drained(database, club.orgId);
  const endToEnd = sent / ((performance.now() - t0) / 1000);
  const loadAvg = `${load0} → ${load1()}`;
  step('processing alone');
  const alone = await processingAlone(database, club.orgId, created.source.id, phones);

  step('caller lookups');
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
      load: loadAvg,
      acceptRps: sent / SECONDS,
      p50: pct(latencies, 50),
      p99: pct(latencies, 99),
      bareRps: (bareLatencies.length * BATCH) / SECONDS,
      sqlRps,
      backlogAtEnd,
      endToEnd,
      processingAlone: alone,
      lookupP50: pct(lookups, 50),
      lookupP99: pct(lookups, 99),
      sqlP99: pct(sqlTimes, 99),
      popP50: pct(pops, 50),
      popP99: pct(pops, 99),
      loopP99: loopDelay.percentile(99) / 1e6,
      loopMax: loopDelay.max / 1e6,
    },
  ];
});

const f = (n: number) => n.toLocaleString('en', { maximumFractionDigits: 0 });
console.log(
  `\n${f(PERSONS)} persons; ${CONNECTIONS} senders for ${SECONDS} s, ${BATCH === 1 ? 'one signed event per request' : `signed batches of ${BATCH} events`}${RATE > 0 ? `, offered at ${f(RATE)} events/s` : ', as fast as answered'}; a backlog of ${f(BACKLOG)}; ${POPS} calls popped one at a time (${os.cpus().length} CPUs)\n`,
);
console.log(
  '| database | load average (1 min) | accepted events/s | accept p50 / p99 ms | bare route events/s (ratio) | its INSERT as plain SQL, rows/s (ratio) | waiting when sending stopped | end to end: accepted and processed, events/s | processing alone, events/s | event loop delay while sending, p99 / max ms |',
);
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  console.log(
    `| ${r.database} | ${r.load} | ${f(r.acceptRps)} | ${r.p50.toFixed(1)} / ${r.p99.toFixed(1)} | ${f(r.bareRps)} (${(r.acceptRps / r.bareRps).toFixed(2)}) | ${f(r.sqlRps)} (${(r.acceptRps / r.sqlRps).toFixed(2)}) | ${f(r.backlogAtEnd)} | ${f(r.endToEnd)} | ${f(r.processingAlone)} | ${r.loopP99.toFixed(1)} / ${r.loopMax.toFixed(1)} |`,
  );
}
console.log(
  '\n| database | caller lookup p50 / p99 ms | its SQL alone p99 ms | call accepted → screen p50 / p99 ms |',
);
console.log('| --- | ---: | ---: | ---: |');
for (const r of rows) {
  console.log(
    `| ${r.database} | ${r.lookupP50.toFixed(1)} / ${r.lookupP99.toFixed(1)} | ${r.sqlP99.toFixed(1)} | ${r.popP50.toFixed(0)} / ${r.popP99.toFixed(0)} |`,
  );
}
process.exit(0);
