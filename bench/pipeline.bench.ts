/**
 * The pipeline board (S-4, issue 14) with 20,000 open deals (and 5,000 won or lost ones) over
 * 100,000 generated persons, on the embedded database and on PostgreSQL; prints a Markdown
 * table. Sequential requests first, then the whole board with its sums at 10 connections over
 * HTTP beside its floors from the same run: a bare Fastify route, and (PostgreSQL) the board's
 * own SQL replayed by 10 pg clients as a prepared statement.
 *   node --import tsx bench/pipeline.bench.ts
 * Env: BENCH_DEALS open deals (default 20000); BENCH_SECONDS per 10-connection run (default
 * 10); the rest as in bench/support.ts (BENCH_DB, BENCH_DATABASE_URL, BENCH_KEEP,
 * BENCH_PERSONS, BENCH_RUNS).
 */
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { DealBoard, Pipeline } from '@spotter/contracts';
import type { Database, Db } from '../apps/server/src/db/client.ts';
import { seededRandom } from '../apps/server/src/features/contacts/contacts-list.fixtures.ts';
import { deals } from '../apps/server/src/features/deals/index.ts';
import {
  INSERT_BATCH,
  insertGeneratedPersons,
  json,
  measureAll,
  PERSONS,
  runBench,
  signUpClub,
} from './support.ts';
import { routeAtTen } from './sql-floor.ts';

const OPEN_DEALS = Number(process.env.BENCH_DEALS ?? 20_000);
const CLOSED_DEALS = Math.round(OPEN_DEALS / 4);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;
const DAY = 24 * 3_600_000;
const TITLES = ['Gold membership', 'Off-peak card', 'Student membership', 'PT package'];

interface Refs {
  users: string[];
  persons: string[];
  pipeline: Pipeline;
  types: string[];
  lostReasons: string[];
}

/** Open deals over every open stage, and won and lost ones of the last 90 days. */
function generateDeals(orgId: string, refs: Refs, now: number) {
  const r = seededRandom(14);
  const open = refs.pipeline.stages.filter((s) => s.state === 'open');
  const closed = refs.pipeline.stages.filter((s) => s.state !== 'open');
  const rows: (typeof deals.$inferInsert)[] = [];
  for (let i = 0; i < OPEN_DEALS + CLOSED_DEALS; i++) {
    const isOpen = i < OPEN_DEALS;
    const stage = isOpen ? r.pick(open) : r.pick(closed);
    const created = now - r.int(120 * DAY);
    const override = r.next() < 0.1 ? r.int(101) : null;
    rows.push({
      orgId,
      title: r.pick(TITLES),
      personId: r.pick(refs.persons),
      amount: 100 * (500 + r.int(12_000)),
      currency: 'SEK',
      expectedCloseDate: isOpen
        ? new Date(now + (r.int(120) - 20) * DAY).toISOString().slice(0, 10)
        : null,
      ownerId: r.pick(refs.users),
      typeId: r.pick(refs.types),
      pipelineId: refs.pipeline.id,
      stageId: stage.id,
      probability: override ?? stage.probability,
      probabilityOverride: override,
      lostReasonId: stage.state === 'lost' ? r.pick(refs.lostReasons) : null,
      closedAt: isOpen ? null : new Date(now - r.int(90 * DAY)),
      createdAt: new Date(created),
      updatedAt: new Date(created + r.int(10 * DAY)),
    });
  }
  return rows;
}

async function insertDeals(db: Db, rows: (typeof deals.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    await db.insert(deals).values(rows.slice(i, i + INSERT_BATCH));
  }
}

async function seed(app: FastifyInstance, database: Database) {
  const { cookie, orgId, ownerId } = await signUpClub(app);
  const db = database.db;
  const users = [ownerId];
  for (const name of ['Karin Sales', 'Maja Manager', 'Nils Sales', 'Olle Sales']) {
    const email = `${name.split(' ')[0]!.toLowerCase()}-${Date.now()}@example.test`;
    const role = name.includes('Manager') ? 'manager' : 'sales';
    const created = await json<{ user: { id: string } }>(app, cookie, 'POST', '/api/users', {
      name,
      email,
      role,
    });
    users.push(created.user.id);
  }
  const { items } = await json<{ items: Pipeline[] }>(app, cookie, 'GET', '/api/pipelines');
  const list = (kind: string) =>
    json<{ items: Array<{ id: string }> }>(app, cookie, 'GET', `/api/deal-lists/${kind}`).then(
      (l) => l.items.map((x) => x.id),
    );
  const started = performance.now();
  await insertGeneratedPersons(db, { orgId, responsibleIds: users });
  const persons = await db.execute(
    sql`select id from contacts where org_id = ${orgId} order by id limit 50000`,
  );
  const refs: Refs = {
    users,
    persons: (persons as unknown as { rows: Array<{ id: string }> }).rows.map((p) => p.id),
    pipeline: items[0]!,
    types: await list('types'),
    lostReasons: await list('lost-reasons'),
  };
  await insertDeals(db, generateDeals(orgId, refs, Date.now()));
  // What autovacuum does to a live table soon after a bulk load: planner statistics.
  await db.execute(sql`vacuum analyze contacts`);
  await db.execute(sql`vacuum analyze deals`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.error(
    `${database.kind}: ${PERSONS} persons, ${OPEN_DEALS} open + ${CLOSED_DEALS} closed deals in ${seconds} s`,
  );
  return { cookie, refs };
}

runBench({
  name: 'pipeline',
  subject: `${OPEN_DEALS.toLocaleString('en')} open deals over ${PERSONS.toLocaleString('en')} persons`,
  async run(app, database, label) {
    const { cookie, refs } = await seed(app, database);
    const r = seededRandom(42);
    const first = await json<DealBoard>(app, cookie, 'GET', '/api/deals/board');
    console.error(`${label}: ${first.columns.map((c) => `${c.count}`).join(', ')} deals by stage`);
    const cursors = first.columns.flatMap((c) =>
      c.nextCursor ? [[c.stageId, c.nextCursor] as [string, string]] : [],
    );
    const month = new Date().toISOString().slice(0, 7);
    const sequential = await measureAll(app, cookie, label, {
      'board: all stages with sums': () => '/api/deals/board',
      'board: one owner': () => `/api/deals/board?ownerId=${r.pick(refs.users)}`,
      'board: closing this month': () => `/api/deals/board?closeMonth=${month}`,
      'board: search a name': () =>
        `/api/deals/board?q=${r.pick(['anna', 'svensson', 'karl', 'nowak', 'olof'])}`,
      "board: a column's next page": () => {
        const [stageId, cursor] = r.pick(cursors);
        return `/api/deals/board?stageId=${stageId}&cursor=${encodeURIComponent(cursor)}`;
      },
      'deals list: first page': () => '/api/deals',
    });
    return [
      ...sequential,
      ...(await routeAtTen(app, database, {
        cookie,
        label,
        path: '/api/deals/board',
        marker: 'all_sums as',
        title: 'board with sums',
        seconds: SECONDS,
        connections: CONNECTIONS,
        bareRow: true,
      })),
    ];
  },
});
