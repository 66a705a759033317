/**
 * Batch create of persons for integrations (issue 11): BENCH_ROWS (default 100,000) persons
 * sent as `POST /api/persons/batch` requests of BENCH_BATCH (500) items, BENCH_CONCURRENCY (4)
 * requests at a time, authenticated by an API token, on the embedded database and on
 * PostgreSQL. In the same run it measures
 *  - the floor: the same persons, derived columns and all, written by one plain
 *    INSERT … SELECT FROM jsonb_to_recordset per batch at the same concurrency (no checks,
 *    matching, history or HTTP); only the statements are timed, not making the rows;
 *  - the way before: BENCH_SINGLE (default 2,000) persons through `POST /api/persons`, one
 *    request each, at the same concurrency.
 *   node --import tsx bench/batch.bench.ts
 * Env: BENCH_DB, BENCH_DATABASE_URL, BENCH_KEEP as in bench/support.ts.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { PersonBatchResult } from '@spotter/contracts';
import type { Db } from '../apps/server/src/db/client.ts';
import { prepareContactValues } from '../apps/server/src/features/contacts/contact-values.ts';
import { seededRandom } from '../apps/server/src/features/contacts/contacts-list.fixtures.ts';
import { json, onEngines, signUpClub } from './support.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const SINGLE = Number(process.env.BENCH_SINGLE ?? 2_000);

const FIRST = ['Anna', 'Erik', 'Maja', 'Lars', 'Karin', 'Oskar', 'Elsa', 'Johan', 'Sara', 'Nils'];
const LAST = ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson'];

interface Refs {
  statusIds: string[];
  tagIds: string[];
}

/** Person i as a booking system would send it; every phone and email is unique. */
function person(i: number, refs: Refs, r: ReturnType<typeof seededRandom>) {
  const firstName = r.pick(FIRST);
  const lastName = r.pick(LAST);
  const digits = String(1_000_000 + i).padStart(7, '0');
  const number = r.int(2) === 0 ? `070-${digits.slice(0, 3)} ${digits.slice(3)}` : `+4673${digits}`;
  const tags = Array.from({ length: r.int(3) }, () => r.pick(refs.tagIds));
  return {
    firstName,
    lastName,
    phones: [{ number }],
    emails: [{ email: `${firstName}.${lastName}.${i}@booking.example`.toLowerCase() }],
    statusId: r.pick(refs.statusIds),
    tagIds: [...new Set(tags)],
  };
}
type Item = ReturnType<typeof person>;

function items(from: number, count: number, refs: Refs, seed: number): Item[] {
  const r = seededRandom(seed);
  return Array.from({ length: count }, (_, n) => person(from + n, refs, r));
}

/** Runs `work(0 … n-1)` with at most CONCURRENCY at once; each one's duration in ms. */
async function pool(n: number, work: (i: number) => Promise<void>) {
  const times: number[] = [];
  let next = 0;
  const lane = async () => {
    while (next < n) {
      const i = next++;
      const t0 = performance.now();
      await work(i);
      times.push(performance.now() - t0);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  return { ms: performance.now() - t0, times: times.sort((a, b) => a - b) };
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

const FLOOR_COLUMNS =
  'id uuid, org_id uuid, kind text, first_name text, last_name text, display_name text, ' +
  'sort_name text, phones jsonb, emails jsonb, phone_keys text[], email_keys text[], ' +
  'search_text text, status_id uuid, tag_ids uuid[], custom jsonb';

/** The floor: the same persons as plain rows, one INSERT … SELECT per batch. */
async function floor(db: Db, orgId: string, refs: Refs) {
  const batches = Math.ceil(ROWS / BATCH);
  const records = (b: number) =>
    items(b * BATCH, Math.min(BATCH, ROWS - b * BATCH), refs, 1000 + b).map((p) => {
      const v = prepareContactValues('person', p, { region: 'SE' });
      return {
        id: randomUUID(),
        org_id: orgId,
        kind: 'person',
        first_name: v.firstName,
        last_name: v.lastName,
        display_name: v.displayName,
        sort_name: v.sortName,
        phones: v.phones,
        emails: v.emails,
        phone_keys: v.phoneKeys,
        email_keys: v.emailKeys,
        search_text: v.searchText,
        status_id: v.statusId,
        tag_ids: v.tagIds,
        custom: {},
      };
    });
  const prepared = Array.from({ length: batches }, (_, b) => JSON.stringify(records(b)));
  const { ms } = await pool(batches, async (b) => {
    await db.execute(sql`
      insert into contacts (${sql.raw(FLOOR_COLUMNS.replace(/ [a-z[\]]+(,|$)/g, '$1'))})
      select * from jsonb_to_recordset(${prepared[b]}::jsonb) as x(${sql.raw(FLOOR_COLUMNS)})`);
  });
  return ms;
}

interface Outcome {
  database: string;
  batchMs: number;
  p50: number;
  p95: number;
  floorMs: number;
  singleMs: number;
}

const perSecond = (rows: number, ms: number) => Math.round(rows / (ms / 1000)).toLocaleString('en');

async function bench(app: FastifyInstance, db: Db, label: string): Promise<Outcome[]> {
  const { cookie, orgId } = await signUpClub(app);
  const byItems = <T extends { id: string }>(x: { items: T[] }) => x.items.map((i) => i.id);
  const statusIds = byItems(
    await json<{ items: Array<{ id: string }> }>(
      app,
      cookie,
      'GET',
      '/api/settings/statuses?entity=person',
    ),
  );
  const tagIds: string[] = [];
  for (const name of ['Barn', 'Vuxen', 'Yoga']) {
    tagIds.push(
      (await json<{ id: string }>(app, cookie, 'POST', '/api/settings/tags', { name })).id,
    );
  }
  const refs: Refs = { statusIds, tagIds };
  const { secret } = await json<{ secret: string }>(app, cookie, 'POST', '/api/api-tokens', {
    name: 'Booking system',
  });
  const post = async (url: string, payload: object) => {
    const res = await app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${secret}` },
      payload,
    });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res;
  };

  // Made before the clock starts, like the floor's rows: the client's work is not timed.
  const batches = Math.ceil(ROWS / BATCH);
  const bodies = Array.from({ length: batches }, (_, b) =>
    JSON.stringify({ items: items(b * BATCH, Math.min(BATCH, ROWS - b * BATCH), refs, b) }),
  );
  let created = 0;
  const run = await pool(batches, async (b) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/persons/batch',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      payload: bodies[b],
    });
    if (res.statusCode !== 200) throw new Error(`batch ${b}: ${res.statusCode} ${res.body}`);
    created += res.json<PersonBatchResult>().created;
  });
  if (created !== ROWS) throw new Error(`created ${created} of ${ROWS}`);
  console.error(`${label}: batch ${perSecond(ROWS, run.ms)} persons/s`);

  const floorMs = await floor(db, orgId, refs);
  console.error(`${label}: floor ${perSecond(ROWS, floorMs)} persons/s`);

  const singles = items(10_000_000, SINGLE, refs, 7);
  const single = await pool(SINGLE, async (i) => {
    await post('/api/persons', singles[i]!);
  });
  console.error(`${label}: one by one ${perSecond(SINGLE, single.ms)} persons/s`);
  return [
    {
      database: label,
      batchMs: run.ms,
      p50: pct(run.times, 50),
      p95: pct(run.times, 95),
      floorMs,
      singleMs: single.ms,
    },
  ];
}

async function main() {
  const results = await onEngines('batch', (app, database, label) =>
    bench(app, database.db, label),
  );
  console.log(
    `\n${ROWS.toLocaleString('en')} persons in batches of ${BATCH}, ${CONCURRENCY} requests at ` +
      `a time; one by one: ${SINGLE.toLocaleString('en')} persons (${os.cpus().length} CPUs, ` +
      `Node ${process.version}, load ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')})\n`,
  );
  console.log(
    '| database | one by one persons/s | batch persons/s | batch request p50 / p95 ms | floor persons/s | batch : floor |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    console.log(
      `| ${r.database} | ${perSecond(SINGLE, r.singleMs)} | ${perSecond(ROWS, r.batchMs)} | ` +
        `${r.p50.toFixed(0)} / ${r.p95.toFixed(0)} | ${perSecond(ROWS, r.floorMs)} | ` +
        `${(r.floorMs / r.batchMs).toFixed(2)} |`,
    );
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
