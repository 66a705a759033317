/**
 * Search (C-11) and a filtered list page (C-10) over 100,000 generated persons and a few
 * thousand companies, on the embedded database and on PostgreSQL; prints a Markdown table.
 *   node --import tsx bench/search.bench.ts
 * Env: see bench/support.ts (BENCH_DB, BENCH_DATABASE_URL, BENCH_KEEP, BENCH_PERSONS, BENCH_RUNS).
 */
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Database } from '../apps/server/src/db/client.ts';
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
    queries['list: status + tag, by name, offset page'] = () =>
      `/api/persons?statusId=${r.pick(statuses)}&tagId=${r.pick(tags)}&sort=name&limit=50&offset=${r.int(40) * 50}`;
    queries['list: all, by created, any offset'] = () =>
      `/api/persons?sort=-createdAt&limit=50&offset=${r.int(PERSONS - 50)}`;
    return measureAll(app, cookie, label, queries);
  },
});
