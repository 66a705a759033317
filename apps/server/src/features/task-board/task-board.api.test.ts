import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BoardColumn } from '@spotter/contracts';
import { createStaff, type Client } from '../../../test/test-app.ts';
import { branches } from '../branches/index.ts';
import {
  insertPerson,
  insertStatus,
  insertTask,
  insertTasks,
  insertTemplate,
} from './task-board.fixtures.ts';
import {
  boardOrg,
  clock,
  column,
  getBoard,
  ids,
  useBoardTestApp,
  type BoardOrg,
} from './task-board.test-setup.ts';

/** T-8: what the board shows, how its columns page, filter and count. */
const t = useBoardTestApp();
let org: BoardOrg;
const NOW = '2026-11-25T11:00:00Z'; // Wednesday 12:00 in Stockholm
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  clock.now = at(NOW);
  org = await boardOrg(t);
});

const db = () => t.database.db;

/** Follows a column's cursors to the end; returns every id in the order pages gave them. */
async function drain(client: Client, name: BoardColumn, query: string, limit: number) {
  const seen: string[] = [];
  let page = column(await getBoard(client, `${query}&limit=${limit}`), name);
  seen.push(...page.items.map((i) => i.id));
  for (let n = 0; page.nextCursor && n < 100; n++) {
    const next = await getBoard(
      client,
      `${query}&limit=${limit}&column=${name}&cursor=${encodeURIComponent(page.nextCursor)}`,
    );
    expect(next.columns.map((c) => c.column)).toEqual([name]);
    page = next.columns[0]!;
    expect(page.items.length).toBeLessThanOrEqual(limit);
    seen.push(...page.items.map((i) => i.id));
  }
  return seen;
}

describe('GET /api/board', () => {
  it('shows six columns: tasks with no status in Unsorted (newest first), the rest by due time', async () => {
    clock.now = at(NOW);
    const o = await boardOrg(t);
    const person = await insertPerson(db(), o.orgId, {
      firstName: 'Vera',
      lastName: 'Lind',
      phone: '070-111 22 33',
      email: 'vera@example.test',
    });
    const base = { orgId: o.orgId, templateId: o.templateId };
    const older = await insertTask(db(), { ...base, createdAt: at('2026-11-20T09:00:00Z') });
    const newer = await insertTask(db(), {
      ...base,
      contactId: person,
      assigneeId: o.ownerId,
      takenById: o.ownerId,
      comment: 'Asked about kids classes',
      dueAt: at('2026-11-25T08:00:00Z'), // overdue, but with no status it is Unsorted
      createdAt: at('2026-11-24T09:00:00Z'),
    });
    const today = await insertTask(db(), {
      ...base,
      statusId: o.statusId,
      dueAt: at('2026-11-25T15:00:00Z'),
    });
    const undated = await insertTask(db(), { ...base, statusId: o.statusId });
    const far = await insertTask(db(), {
      ...base,
      statusId: o.statusId,
      dueAt: at('2027-01-10T09:00:00Z'),
    });
    // Never on the board: done tasks and call rounds (their calls are the cards).
    await insertTask(db(), { ...base, statusId: o.statusId, completedAt: at(NOW) });
    await insertTask(db(), { ...base, completedAt: at(NOW) });
    const round = await insertTemplate(db(), o.orgId, 'Board test round', 'round');
    await insertTask(db(), { ...base, templateId: round, type: 'round' });

    const board = await getBoard(o.owner);
    expect(board.columns.map((c) => [c.column, c.count])).toEqual([
      ['unsorted', 2],
      ['overdue', 0],
      ['today', 1],
      ['tomorrow', 0],
      ['week', 0],
      ['later', 2],
    ]);
    expect(ids(board, 'unsorted')).toEqual([newer, older]);
    expect(ids(board, 'today')).toEqual([today]);
    expect(ids(board, 'later')).toEqual([far, undated]);
    expect(column(board, 'unsorted').nextCursor).toBeNull();

    const card = column(board, 'unsorted').items[0]!;
    expect(card).toEqual({
      id: newer,
      type: 'call',
      template: {
        id: o.templateId,
        name: 'Board test call',
        color: '#1c7ed6',
        background: '#e7f5ff',
      },
      contact: {
        id: person,
        kind: 'person',
        name: 'Vera Lind',
        phone: '+46701112233',
        // Written out by the server, so the board needs no phone library (decision 0030).
        phoneDisplay: {
          country: 'SE',
          national: '070-111 22 33',
          international: '+46 70 111 22 33',
        },
        email: 'vera@example.test',
        responsibleId: null,
        guardian: null,
      },
      assignee: { id: o.ownerId, name: 'Owner Olsson' },
      takenBy: { id: o.ownerId, name: 'Owner Olsson' },
      status: null,
      comment: 'Asked about kids classes',
      dueAt: '2026-11-25T08:00:00.000Z',
      dueState: 'overdue',
      createdAt: '2026-11-24T09:00:00.000Z',
      version: 1,
      // No lead form submission waits for this person (speed to lead, decision 0029).
      waitingSince: null,
    });
    expect(column(board, 'today').items[0]!.status).toEqual({
      id: o.statusId,
      name: 'Board test status',
      color: '#2b8a3e',
      background: '#ebfbee',
    });
  });

  it('pages every column with its cursor: each card once, in order, ties broken by id', async () => {
    clock.now = at(NOW);
    const o = await boardOrg(t);
    const base = { orgId: o.orgId, templateId: o.templateId };
    // Today: 23 cards on 5 due times, so pages split ties.
    const todayIds = await insertTasks(
      db(),
      Array.from({ length: 23 }, (_, i) => ({
        ...base,
        statusId: o.statusId,
        dueAt: at(`2026-11-25T1${3 + (i % 5)}:00:00Z`),
      })),
    );
    // Later: 8 dated cards, then 9 with no due time.
    const laterDated = await insertTasks(
      db(),
      Array.from({ length: 8 }, (_, i) => ({
        ...base,
        statusId: o.statusId,
        dueAt: at(`2026-12-${10 + (i % 3)}T09:00:00Z`),
      })),
    );
    const laterUndated = await insertTasks(
      db(),
      Array.from({ length: 9 }, () => ({ ...base, statusId: o.statusId })),
    );
    // Unsorted: 14 cards whose created times differ by microseconds, some tied exactly.
    const unsorted = await insertTasks(
      db(),
      Array.from({ length: 14 }, () => base),
    );
    for (const [i, id] of unsorted.entries()) {
      const micros = String(100_000 + Math.floor(i / 2)).padStart(6, '0');
      await db().execute(
        sql`update tasks set created_at = ${`2026-11-24T10:00:00.${micros}Z`}::timestamptz where id = ${id}`,
      );
    }
    const dueOf = new Map<string, number>();
    const rows = await getBoard(o.owner, 'limit=100');
    for (const c of rows.columns.flatMap((col) => col.items)) {
      dueOf.set(c.id, c.dueAt ? Date.parse(c.dueAt) : Infinity);
    }

    const today = await drain(o.owner, 'today', '', 4);
    expect(today).toHaveLength(23);
    expect(new Set(today)).toEqual(new Set(todayIds));
    expect(today).toEqual(
      [...todayIds].sort((a, b) => dueOf.get(a)! - dueOf.get(b)! || (a < b ? -1 : 1)),
    );

    const later = await drain(o.owner, 'later', '', 5);
    expect(later).toHaveLength(17);
    expect(new Set(later.slice(0, 8))).toEqual(new Set(laterDated));
    expect(later.slice(8)).toEqual([...laterUndated].sort());

    const newestFirst = await drain(o.owner, 'unsorted', '', 3);
    expect(newestFirst).toHaveLength(14);
    expect(new Set(newestFirst)).toEqual(new Set(unsorted));
    // Pairs share a created time; the later pair comes first, and within a pair the higher id.
    const pairs = Array.from({ length: 7 }, (_, k) =>
      unsorted
        .slice(k * 2, k * 2 + 2)
        .sort()
        .reverse(),
    );
    expect(newestFirst).toEqual(pairs.reverse().flat());
  });

  it('refuses a cursor without its column, and one it did not write', async () => {
    const bad = [
      'column=today&cursor=bm90IGEgY3Vyc29y',
      `cursor=${Buffer.from(`|${org.templateId}`).toString('base64url')}`,
      `column=today&cursor=${Buffer.from(`|${org.templateId}`).toString('base64url')}`,
    ];
    for (const q of bad) {
      const res = await org.owner.request('GET', `/api/board?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json<{ fields: Record<string, string> }>().fields).toHaveProperty('cursor');
    }
    const res = await org.owner.request('GET', '/api/board?column=overdue&limit=500');
    expect(res.statusCode).toBe(400);
  });

  it('filters by branch, status, assignee (or me) and template, and counts what it shows', async () => {
    clock.now = at(NOW);
    const o = await boardOrg(t);
    const sales = await createStaff(t.app, o.testOrg, 'sales');
    const [north] = await db()
      .insert(branches)
      .values({ orgId: o.orgId, name: 'North' })
      .returning({ id: branches.id });
    const otherStatus = await insertStatus(db(), o.orgId, 'Waiting');
    const otherTemplate = await insertTemplate(db(), o.orgId, 'Board test visit', 'client');
    const due = at('2026-11-25T15:00:00Z');
    const base = { orgId: o.orgId, templateId: o.templateId, statusId: o.statusId, dueAt: due };
    const inNorth = await insertTask(db(), { ...base, branchId: north!.id });
    const waiting = await insertTask(db(), { ...base, statusId: otherStatus });
    const mine = await insertTask(db(), { ...base, assigneeId: o.ownerId });
    const theirs = await insertTask(db(), { ...base, assigneeId: sales.id });
    const visit = await insertTask(db(), { ...base, templateId: otherTemplate });
    const unsorted = await insertTask(db(), { ...base, statusId: null, assigneeId: o.ownerId });

    const all = await getBoard(o.owner);
    expect(column(all, 'today').count).toBe(5);
    const cases: Array<[string, string[], string[]]> = [
      [`branchId=${north!.id}`, [inNorth], []],
      [`statusId=${otherStatus}`, [waiting], []],
      [
        `statusId=${otherStatus}&statusId=${o.statusId}`,
        [inNorth, waiting, mine, theirs, visit],
        [],
      ],
      ['assigneeId=me', [mine], [unsorted]],
      [`assigneeId=${sales.id}`, [theirs], []],
      [`templateId=${otherTemplate}`, [visit], []],
      [`templateId=${otherTemplate}&assigneeId=me`, [], []],
    ];
    for (const [query, today, unsortedIds] of cases) {
      const board = await getBoard(o.owner, query);
      expect(new Set(ids(board, 'today')), query).toEqual(new Set(today));
      expect(column(board, 'today').count, query).toBe(today.length);
      expect(ids(board, 'unsorted'), query).toEqual(unsortedIds);
      expect(column(board, 'unsorted').count, query).toBe(unsortedIds.length);
    }
    // "me" is whoever asks.
    expect(ids(await getBoard(sales.client, 'assigneeId=me'), 'today')).toEqual([theirs]);
  });

  it("searches the person's name and phone and the comment", async () => {
    clock.now = at(NOW);
    const o = await boardOrg(t);
    const ebba = await insertPerson(db(), o.orgId, {
      firstName: 'Ebba',
      lastName: 'Strandberg',
      phone: '070-555 12 34',
    });
    const hugo = await insertPerson(db(), o.orgId, {
      firstName: 'Hugo',
      lastName: 'Nyqvist',
      phone: '073-999 88 77',
    });
    const base = { orgId: o.orgId, templateId: o.templateId, statusId: o.statusId };
    const ebbaCall = await insertTask(db(), { ...base, contactId: ebba, dueAt: at(NOW) });
    const hugoCall = await insertTask(db(), {
      ...base,
      contactId: hugo,
      comment: 'Wants a trial of the Strandberg method',
      dueAt: at('2026-11-26T10:00:00Z'),
    });
    const note = await insertTask(db(), { ...base, statusId: null, comment: 'Order new mats' });

    const found = async (q: string) => {
      const board = await getBoard(o.owner, `search=${encodeURIComponent(q)}`);
      const shown = board.columns.flatMap((c) => c.items.map((i) => i.id));
      const counted = board.columns.reduce((n, c) => n + c.count, 0);
      expect(counted, q).toBe(shown.length);
      return new Set(shown);
    };
    expect(await found('ebba')).toEqual(new Set([ebbaCall]));
    expect(await found('Ebba Strand')).toEqual(new Set([ebbaCall]));
    expect(await found('strandberg')).toEqual(new Set([ebbaCall, hugoCall]));
    expect(await found('070-555 12 34')).toEqual(new Set([ebbaCall]));
    expect(await found('+46 73 999 88 77')).toEqual(new Set([hugoCall]));
    expect(await found('9988')).toEqual(new Set([hugoCall]));
    expect(await found('new mats')).toEqual(new Set([note]));
    expect(await found('100%')).toEqual(new Set());
    expect(await found('nobody here')).toEqual(new Set());
    // A search and a column page together: the page holds only matches.
    const page = await getBoard(o.owner, 'search=strandberg&column=tomorrow');
    expect(page.columns.map((c) => [c.column, c.count, c.items.map((i) => i.id)])).toEqual([
      ['tomorrow', 1, [hugoCall]],
    ]);
  });
});
