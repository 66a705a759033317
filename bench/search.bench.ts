/**
 * Search (C-11) and a filtered list page (C-10) over 100,000 generated persons and a few
 * thousand companies, on the embedded database and on PostgreSQL; prints a Markdown table.
 *   node --import tsx bench/search.bench.ts
 * Env: see bench/support.ts (BENCH_DB, BENCH_DATABASE_URL, BENCH_KEEP, BENCH_PERSONS, BENCH_RUNS)
 * and bench/load.ts (BENCH_SECONDS). On PostgreSQL it then runs list pages and searches at 10
 * connections beside their floors (a bare route; the same statements replayed alone).
 * 1,000,000 persons, on demand: BENCH_PERSONS=1000000 BENCH_DB=postgres npm run bench:search
 */
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Database } from '../apps/server/src/db/client.ts';
import os from 'node:os';
import {
  CONNECTIONS,
  loadRuns,
  printLoad,
  type LoadRow,
  type LoadFigure,
} from './statement-load.ts';
import {
  generateCompanies,
  insertContacts,
  seededRandom,
} from '../apps/server/src/features/contacts/contacts-list.fixtures.ts';
import {
  INSERT_BATCH,
  insertGeneratedPersons,
  json,
  measureAll,
  PERSONS,
  runBench,
  signUpClub,
} from './support.ts';

const COMPANIES = Math.max(100, Math.round(PERSONS / 30));
/** The server's sources this benchmark drives (another checkout's, to measure "before"). */
const APP_SRC = new URL('../apps/server/src/', import.meta.url).pathname;
const loads: Array<{ label: string; bare: LoadFigure; rows: LoadRow[] }> = [];

interface Page {
  items: Array<{ id: string }>;
  nextCursor?: string | null;
}

/**
 * A list URL `position` rows deep: a cursor walked to there when the API pages by cursor,
 * else an offset (the API before keyset paging).
 */
async function deepPage(app: FastifyInstance, cookie: string, base: string, position: number) {
  const first = await json<Page>(app, cookie, 'GET', `${base}&limit=200`);
  if (first.nextCursor === undefined) return `${base}&limit=50&offset=${position}`;
  let cursor = first.nextCursor;
  for (let seen = 200; seen < position && cursor; seen += 200) {
    const next = await json<Page>(
      app,
      cookie,
      'GET',
      `${base}&limit=200&cursor=${encodeURIComponent(cursor)}`,
    );
    cursor = next.nextCursor ?? null;
  }
  return `${base}&limit=50&cursor=${encodeURIComponent(cursor ?? '')}`;
}

async function seed(app: FastifyInstance, database: Database) {
  const { cookie, orgId, ownerId } = await signUpClub(app);
  const statuses = (
    await json<{ items: Array<{ id: string }> }>(
      app,
      cookie,
      'GET',
      '/api/settings/statuses?entity=person',
    )
  ).items.map((s) => s.id);
  const tags: string[] = [];
  for (const name of ['Yoga', 'Kids', 'Pilates', 'Newsletter', 'Trial']) {
    tags.push((await json<{ id: string }>(app, cookie, 'POST', '/api/settings/tags', { name })).id);
  }
  const field = await json<{ id: string; options: Array<{ id: string }> }>(
    app,
    cookie,
    'POST',
    '/api/settings/custom-fields',
    {
      entity: 'person',
      name: 'Membership',
      type: 'dropdown',
      options: [{ name: 'Gold' }, { name: 'Silver' }, { name: 'Bronze' }],
    },
  );
  const opts = {
    orgId,
    statusIds: statuses,
    tagIds: tags,
    responsibleIds: [ownerId],
    dropdown: { fieldId: field.id, optionIds: field.options.map((o) => o.id) },
  };
  const started = performance.now();
  await insertGeneratedPersons(database.db, opts);
  await insertContacts(database.db, generateCompanies(COMPANIES, 0, opts), INSERT_BATCH);
  // What autovacuum does to a live table soon after a bulk load: statistics for the planner
  // and a visibility map, so counts and id pages can come from the indexes alone.
  await database.db.execute(sql`vacuum analyze contacts`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.error(`${database.kind}: ${PERSONS} persons + ${COMPANIES} companies in ${seconds} s`);
  return { cookie, statuses, tags };
}

runBench({
  name: 'search',
  subject: `${PERSONS.toLocaleString('en')} persons, ${COMPANIES.toLocaleString('en')} companies`,
  async run(app, database, label) {
    const { cookie, statuses, tags } = await seed(app, database);
    const r = seededRandom(42);
    const n = () => r.int(PERSONS);
    const phone = (i: number) => String(1_000_000 + i).padStart(7, '0');
    const searches: Record<string, () => string> = {
      'search: name part': () =>
        r.pick(['anna', 'svensson', 'lindq', 'nowak', 'ivan', 'olof', 'karl']),
      'search: frequent substring "son"': () => 'son',
      'search: first + last name': () =>
        r.pick(['anna svensson', 'erik johansson', 'olga petrov', 'liam carter']),
      'search: 2 letters': () => r.pick(['an', 'er', 'sv', 'jo']),
      'search: phone 070-…': () => `070${phone(n()).slice(0, 3)}-${phone(n()).slice(3)}`,
      'search: phone +46…': () => `+4670${phone(n())}`,
      'search: last 4 digits': () => phone(n()).slice(3),
      'search: email': () => `.${n()}@`,
      'search: org number': () => `55${String(1_000_000 + r.int(COMPANIES)).padStart(8, '0')}`,
    };
    const queries: Record<string, () => string> = Object.fromEntries(
      Object.entries(searches).map(([what, q]) => [
        what,
        () => `/api/search?q=${encodeURIComponent(q())}`,
      ]),
    );
    const filtered = (page: number) =>
      `/api/persons?statusId=${r.pick(statuses)}&tagId=${r.pick(tags)}&sort=name&limit=50&offset=${page * 50}`;
    const deepByName = await deepPage(app, cookie, '/api/persons?sort=name', PERSONS / 2);
    const deepByCreated = await deepPage(app, cookie, '/api/persons?sort=-createdAt', PERSONS / 2);
    const cursorApi = !deepByName.includes('offset=');
    queries['list: status + tag, by name, first page'] = () =>
      cursorApi ? filtered(0).replace(/&offset=\d+/, '') : filtered(0);
    const half = (PERSONS / 2).toLocaleString('en');
    queries[`list: all by name, page at row ${half} (half way)`] = () => deepByName;
    queries[`list: all newest first, page at row ${half}`] = () => deepByCreated;
    const results = await measureAll(app, cookie, label, queries);
    if (database.kind === 'postgres') {
      const pool = (
        database.db as unknown as { $client: { options: { connectionString: string } } }
      ).$client;
      const load = await loadRuns({
        app,
        appSrcDir: APP_SRC,
        databaseUrl: pool.options.connectionString,
        cookie,
        requests: {
          'list: 50 persons by name, first page': '/api/persons?sort=name&limit=50',
          [`list: 50 persons by name, page at row ${half}`]: deepByName,
          'search: frequent substring "son"': '/api/search?q=son',
          'search: exact phone +4670…': `/api/search?q=${encodeURIComponent(`+4670${phone(n())}`)}`,
        },
      });
      loads.push({ label, ...load });
    }
    return results;
  },
  after() {
    for (const l of loads) {
      printLoad(
        `${l.label}: ${PERSONS.toLocaleString('en')} persons, ${CONNECTIONS} connections, ${process.env.BENCH_SECONDS ?? 10} s each; load average ${os
          .loadavg()
          .map((x) => x.toFixed(1))
          .join(' ')}`,
        l,
      );
    }
  },
});
