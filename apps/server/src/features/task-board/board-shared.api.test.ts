import { describe, expect, it } from 'vitest';
import { createStaff, type Client } from '../../../test/test-app.ts';
import { insertTask } from './task-board.fixtures.ts';
import {
  boardOrg,
  clock,
  column,
  getBoard,
  ids,
  useBoardTestApp,
} from './task-board.test-setup.ts';

/**
 * Boards asked for at the same time share their reads (decision 0018): what every staff member
 * sees alike is read once, each staff member's private tasks are theirs alone, and a request
 * never gets a read that started before it.
 */
const NOW = '2026-11-25T11:00:00Z'; // Wednesday 12:00 in Stockholm
const EARLIER_TODAY = '2026-11-25T07:00:00Z';
const t = useBoardTestApp();
const db = () => t.database.db;

describe('boards asked for together', () => {
  it("give each staff member their own private tasks and nobody else's", async () => {
    clock.now = new Date(NOW);
    const o = await boardOrg(t);
    const anna = await createStaff(t.app, o.testOrg, 'sales');
    const karl = await createStaff(t.app, o.testOrg, 'sales');
    const base = {
      orgId: o.orgId,
      templateId: o.templateId,
      statusId: o.statusId,
      dueAt: new Date(EARLIER_TODAY),
    };
    const shared = await Promise.all([insertTask(db(), base), insertTask(db(), base)]);
    const annas = await insertTask(db(), {
      ...base,
      type: 'internal',
      private: true,
      creatorId: anna.id,
      assigneeId: anna.id,
    });
    // Karl's to-do in Unsorted: a private task counts where it sits.
    const karls = await insertTask(db(), {
      ...base,
      statusId: null,
      dueAt: null,
      type: 'internal',
      private: true,
      creatorId: karl.id,
      assigneeId: karl.id,
    });
    const seen = (b: Awaited<ReturnType<typeof getBoard>>) => ({
      overdue: new Set(ids(b, 'overdue')),
      overdueCount: column(b, 'overdue').count,
      unsorted: ids(b, 'unsorted'),
      unsortedCount: column(b, 'unsorted').count,
    });
    const clients: Array<[string, Client]> = [
      ['owner', o.owner],
      ['anna', anna.client],
      ['karl', karl.client],
    ];
    // Many at once, several rounds: whoever shares a read, each answer is the asker's.
    for (let round = 0; round < 3; round++) {
      const boards = await Promise.all(
        Array.from({ length: 12 }, (_, i) => clients[i % 3]!).map(async ([who, client]) => ({
          who,
          board: seen(await getBoard(client)),
        })),
      );
      for (const { who, board } of boards) {
        const overdue = who === 'anna' ? [...shared, annas] : shared;
        expect(board.overdue, who).toEqual(new Set(overdue));
        expect(board.overdueCount, who).toBe(overdue.length);
        expect(board.unsorted, who).toEqual(who === 'karl' ? [karls] : []);
        expect(board.unsortedCount, who).toBe(who === 'karl' ? 1 : 0);
      }
    }
    // A column's page and a filter merge the same way.
    const page = await getBoard(anna.client, 'column=overdue&limit=2');
    expect(column(page, 'overdue').count).toBe(3);
    expect(column(page, 'overdue').items).toHaveLength(2);
    expect(column(page, 'overdue').nextCursor).not.toBeNull();
    const mine = await getBoard(karl.client, 'assigneeId=me');
    expect(ids(mine, 'unsorted')).toEqual([karls]);
    expect(ids(mine, 'overdue')).toEqual([]);
  });

  it('shows a task written just before the request, however many boards are being read', async () => {
    clock.now = new Date(NOW);
    const o = await boardOrg(t);
    const base = {
      orgId: o.orgId,
      templateId: o.templateId,
      statusId: o.statusId,
      dueAt: new Date(EARLIER_TODAY),
    };
    const written: string[] = [];
    const reading: Array<Promise<unknown>> = [];
    for (let i = 0; i < 8; i++) {
      // Boards keep being read while tasks are written…
      reading.push(getBoard(o.owner), getBoard(o.owner));
      written.push(await insertTask(db(), base));
      // …and the board asked for after a write always has it.
      const board = await getBoard(o.owner);
      expect(new Set(ids(board, 'overdue'))).toEqual(new Set(written));
      expect(column(board, 'overdue').count).toBe(written.length);
    }
    await Promise.all(reading);
  });

  it('sends the same board compressed as asked, or plain', async () => {
    clock.now = new Date(NOW);
    const o = await boardOrg(t);
    const base = { orgId: o.orgId, templateId: o.templateId, statusId: o.statusId };
    for (let i = 0; i < 20; i++) {
      await insertTask(db(), { ...base, dueAt: new Date(EARLIER_TODAY), comment: `call ${i}` });
    }
    const ask = (encoding?: string) =>
      o.owner.request('GET', '/api/board', undefined, {
        headers: encoding ? { 'accept-encoding': encoding } : {},
      });
    const [br, gzip, plain, identity] = await Promise.all([
      ask('gzip, deflate, br'),
      ask('gzip;q=1, br;q=0.5'),
      ask(),
      ask('identity'),
    ]);
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(identity.headers['content-encoding']).toBeUndefined();
    for (const res of [br, gzip, plain, identity]) {
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
    }
    const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
    const board = JSON.parse(plain.body);
    expect(column(board, 'overdue').count).toBe(20);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(board);
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString())).toEqual(board);
    expect(JSON.parse(identity.body)).toEqual(board);
  });
});
