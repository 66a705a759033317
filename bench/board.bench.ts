/**
 * The board (T-8) with 5,000 open tasks (and 20,000 done ones) over 100,000 generated persons,
 * on the embedded database and on PostgreSQL; prints a Markdown table. Sequential requests
 * first, then the whole board at 10 connections over HTTP beside its floors from the same run:
 * a bare Fastify route, and (PostgreSQL) the board's own SQL replayed by 10 pg clients as a
 * prepared statement.
 *   node --import tsx bench/board.bench.ts
 * Env: BENCH_TASKS open tasks (default 5000); BENCH_SECONDS per 10-connection run (default 10);
 * the rest as in bench/support.ts (BENCH_DB, BENCH_DATABASE_URL, BENCH_KEEP, BENCH_PERSONS,
 * BENCH_RUNS).
 */
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Board, BoardColumn } from '@spotter/contracts';
import type { Database } from '../apps/server/src/db/client.ts';
import { seededRandom } from '../apps/server/src/features/contacts/contacts-list.fixtures.ts';
import {
  insertStatus,
  insertTasks,
  insertTemplate,
  type TaskFixture,
} from '../apps/server/src/features/task-board/task-board.fixtures.ts';
import {
  insertGeneratedPersons,
  json,
  measureAll,
  PERSONS,
  runBench,
  signUpClub,
} from './support.ts';
import { routeAtTen } from './sql-floor.ts';

const OPEN_TASKS = Number(process.env.BENCH_TASKS ?? 5_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;
const DONE_TASKS = OPEN_TASKS * 4;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const COMMENTS = [
  'Asked about the kids class',
  'Call back about the membership',
  'Trial booked, check it went well',
  'Wants the summer camp price list',
  '',
];

/** Open tasks spread over every column around the real clock, plus done ones (history). */
function generateTasks(orgId: string, refs: Refs, now: number): TaskFixture[] {
  const r = seededRandom(4);
  const rows: TaskFixture[] = [];
  for (let i = 0; i < OPEN_TASKS + DONE_TASKS; i++) {
    const done = i >= OPEN_TASKS;
    const bucket = r.int(100);
    // Unsorted 15 %, overdue 15 %, today 15 %, tomorrow 15 %, the next 5 days 15 %, later 25 %.
    const offset =
      bucket < 30
        ? -r.int(30 * DAY)
        : bucket < 45
          ? r.int(12 * HOUR)
          : bucket < 60
            ? DAY + r.int(DAY)
            : bucket < 75
              ? 2 * DAY + r.int(5 * DAY)
              : 7 * DAY + r.int(90 * DAY);
    rows.push({
      orgId,
      templateId: r.pick(refs.templates),
      contactId: r.next() < 0.9 ? r.pick(refs.persons) : null,
      assigneeId: r.next() < 0.9 ? r.pick(refs.users) : null,
      creatorId: refs.users[0],
      statusId: !done && bucket < 15 ? null : r.pick(refs.statuses),
      dueAt: bucket >= 95 && !done ? null : new Date(now + offset),
      comment: r.pick(COMMENTS),
      createdAt: new Date(now - r.int(60 * DAY)),
      completedAt: done ? new Date(now - r.int(60 * DAY)) : null,
    });
  }
  return rows;
}

interface Refs {
  users: string[];
  statuses: string[];
  templates: string[];
  persons: string[];
}

/** A staff member's session: signed in with the temporary password, then their own. */
async function signIn(app: FastifyInstance, email: string, temporaryPassword: string) {
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password: temporaryPassword },
  });
  const first = login.headers['set-cookie']!.toString().split(';')[0]!;
  const changed = await app.inject({
    method: 'POST',
    url: '/api/me/password',
    headers: { cookie: first },
    payload: { currentPassword: temporaryPassword, newPassword: 'Bench-Marking-Staff-1' },
  });
  if (changed.statusCode !== 200)
    throw new Error(`password: ${changed.statusCode} ${changed.body}`);
  return changed.headers['set-cookie']!.toString().split(';')[0]!;
}

/** Four staff the tasks are spread over, and five more at the desk: ten sessions with the owner. */
const STAFF = [
  'Karin Sales',
  'Olof Reception',
  'Maja Manager',
  'Nils Sales',
  'Desk One',
  'Desk Two',
  'Desk Three',
  'Desk Four',
  'Desk Five',
];

async function seed(app: FastifyInstance, database: Database) {
  const { cookie, orgId, ownerId } = await signUpClub(app);
  const db = database.db;
  const refs: Refs = { users: [ownerId], statuses: [], templates: [], persons: [] };
  const staffCookies = [cookie];
  for (const [i, name] of STAFF.entries()) {
    const email = `${name.replace(' ', '-').toLowerCase()}-${Date.now()}@example.test`;
    const role = name.includes('Manager')
      ? 'manager'
      : name.includes('Desk')
        ? 'reception'
        : 'sales';
    const created = await json<{ user: { id: string }; temporaryPassword: string }>(
      app,
      cookie,
      'POST',
      '/api/users',
      { name, email, role },
    );
    if (i < 4) refs.users.push(created.user.id);
    staffCookies.push(await signIn(app, email, created.temporaryPassword));
  }
  for (const name of ['New', 'Contacted', 'Trial booked', 'Thinking']) {
    refs.statuses.push(await insertStatus(db, orgId, `${name} (bench)`));
  }
  for (const name of ['Call (bench)', 'Check the purchase (bench)', 'Visit (bench)']) {
    refs.templates.push(await insertTemplate(db, orgId, name));
  }
  const started = performance.now();
  await insertGeneratedPersons(db, { orgId, responsibleIds: refs.users });
  const persons = await db.execute(
    sql`select id from contacts where org_id = ${orgId} order by id limit 20000`,
  );
  refs.persons = (persons as unknown as { rows: Array<{ id: string }> }).rows.map((p) => p.id);
  await insertTasks(db, generateTasks(orgId, refs, Date.now()));
  // What autovacuum does to a live table soon after a bulk load: planner statistics.
  await db.execute(sql`vacuum analyze contacts`);
  await db.execute(sql`vacuum analyze tasks`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.error(
    `${database.kind}: ${PERSONS} persons, ${OPEN_TASKS} open + ${DONE_TASKS} done tasks in ${seconds} s`,
  );
  return { cookie, refs, staffCookies };
}

runBench({
  name: 'board',
  subject: `${OPEN_TASKS.toLocaleString('en')} open tasks over ${PERSONS.toLocaleString('en')} persons`,
  async run(app, database, label) {
    const { cookie, refs, staffCookies } = await seed(app, database);
    const r = seededRandom(42);
    const first = await json<Board>(app, cookie, 'GET', '/api/board');
    console.error(`${label}: ${first.columns.map((c) => `${c.column} ${c.count}`).join(', ')}`);
    // Second pages: each column's first cursor (a column with one page has none).
    const cursors = first.columns.flatMap((c) =>
      c.nextCursor ? [[c.column, c.nextCursor] as [BoardColumn, string]] : [],
    );
    const sequential = await measureAll(app, cookie, label, {
      'board: all columns': () => '/api/board',
      'board: one assignee': () => `/api/board?assigneeId=${r.pick(refs.users)}`,
      'board: search a name': () =>
        `/api/board?search=${r.pick(['anna', 'svensson', 'karl', 'nowak', 'olof'])}`,
      'board: search a phone': () => {
        const digits = String(1_000_000 + r.int(PERSONS));
        return `/api/board?search=${encodeURIComponent(`070${digits.slice(0, 3)} ${digits.slice(3)}`)}`;
      },
      "board: a column's next page": () => {
        const [column, cursor] = r.pick(cursors);
        return `/api/board?column=${column}&cursor=${encodeURIComponent(cursor)}`;
      },
    });
    return [
      ...sequential,
      ...(await routeAtTen(app, database, {
        cookie,
        label,
        path: '/api/board',
        marker: 'counts as',
        title: 'board',
        seconds: SECONDS,
        connections: CONNECTIONS,
        staffCookies,
      })),
    ];
  },
});
