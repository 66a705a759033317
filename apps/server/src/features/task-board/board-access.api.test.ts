import { beforeAll, describe, expect, it } from 'vitest';
import { createStaff, ok, type Client } from '../../../test/test-app.ts';
import { expectTenantIsolation } from '../../../test/tenant-isolation.ts';
import { branches } from '../branches/index.ts';
import { insertPerson, insertStatus, insertTask, insertTemplate } from './task-board.fixtures.ts';
import {
  boardOrg,
  clock,
  column,
  getBoard,
  ids,
  useBoardTestApp,
  type BoardOrg,
} from './task-board.test-setup.ts';

/** T-8 / acceptance 7: the board shows only what the asking staff member may see. */
const NOW = '2026-11-25T11:00:00Z'; // Wednesday 12:00 in Stockholm
const EARLIER_TODAY = '2026-11-25T07:00:00Z'; // overdue at NOW
const at = (iso: string) => new Date(iso);
beforeAll(() => {
  clock.now = at(NOW);
});
const t = useBoardTestApp();
const db = () => t.database.db;

describe('who sees what on the board', () => {
  it("never shows another organization's tasks, not even through its ids as filters", async () => {
    clock.now = at(NOW);
    let theirsOrg: BoardOrg | undefined;
    const { mine, theirId } = await expectTenantIsolation(t.app, {
      create: async (theirs) => {
        const templateId = await insertTemplate(db(), theirs.orgId, 'Their call');
        const statusId = await insertStatus(db(), theirs.orgId, 'Their status');
        theirsOrg = { ...theirs, templateId, statusId, testOrg: theirs };
        const contactId = await insertPerson(db(), theirs.orgId, {
          firstName: 'Secret',
          lastName: 'Member',
          phone: '070-123 98 76',
        });
        await insertTask(db(), { orgId: theirs.orgId, templateId });
        return insertTask(db(), {
          orgId: theirs.orgId,
          templateId,
          statusId,
          contactId,
          dueAt: at(EARLIER_TODAY),
          comment: 'secret',
        });
      },
      routes: [],
      read: (theirs) => getBoard(theirs.owner),
    });
    const o = theirsOrg!;
    for (const q of [
      '',
      `statusId=${o.statusId}`,
      `templateId=${o.templateId}`,
      `assigneeId=${o.ownerId}`,
      'search=secret',
      'column=overdue',
    ]) {
      const board = await getBoard(mine.owner, q);
      const shown = board.columns.flatMap((c) => c.items.map((i) => i.id));
      expect(shown, q).not.toContain(theirId);
      expect(
        board.columns.every((c) => c.count === 0),
        q,
      ).toBe(true);
    }
    // Their own board still shows both.
    const theirs = await getBoard(o.owner);
    expect(column(theirs, 'overdue').items.map((i) => i.id)).toEqual([theirId]);
    expect(column(theirs, 'unsorted').count).toBe(1);
  });

  it("hides someone else's private task, even from the owner, and keeps branch-limited staff to their branches", async () => {
    clock.now = at(NOW);
    const o = await boardOrg(t);
    const testOrg = o.testOrg;
    const [north, south] = await db()
      .insert(branches)
      .values([
        { orgId: o.orgId, name: 'North' },
        { orgId: o.orgId, name: 'South' },
      ])
      .returning({ id: branches.id });
    const anna = await createStaff(t.app, testOrg, 'sales');
    const bo = await createStaff(t.app, testOrg, 'reception', { branchIds: [north!.id] });
    const base = {
      orgId: o.orgId,
      templateId: o.templateId,
      statusId: o.statusId,
      dueAt: at(EARLIER_TODAY),
    };
    const privateTodo = await insertTask(db(), {
      ...base,
      type: 'internal',
      private: true,
      creatorId: anna.id,
      assigneeId: anna.id,
    });
    const northTask = await insertTask(db(), { ...base, branchId: north!.id });
    const southTask = await insertTask(db(), { ...base, branchId: south!.id });
    const southButBos = await insertTask(db(), { ...base, branchId: south!.id, assigneeId: bo.id });
    const noBranch = await insertTask(db(), base);

    const seen = async (client: Client) => {
      const board = await getBoard(client);
      expect(column(board, 'overdue').count).toBe(column(board, 'overdue').items.length);
      return new Set(ids(board, 'overdue'));
    };
    expect(await seen(anna.client)).toEqual(
      new Set([privateTodo, northTask, southTask, southButBos, noBranch]),
    );
    expect(await seen(o.owner)).toEqual(new Set([northTask, southTask, southButBos, noBranch]));
    expect(await seen(bo.client)).toEqual(new Set([northTask, southButBos, noBranch]));
    // A filter cannot widen it.
    const filtered = await getBoard(bo.client, `branchId=${south!.id}`);
    expect(ids(filtered, 'overdue')).toEqual([southButBos]);
  });

  it("follows a staff member's branches as soon as an admin changes them", async () => {
    clock.now = at(NOW);
    const o = await boardOrg(t);
    const [north, south] = await db()
      .insert(branches)
      .values([
        { orgId: o.orgId, name: 'North' },
        { orgId: o.orgId, name: 'South' },
      ])
      .returning({ id: branches.id });
    const bo = await createStaff(t.app, o.testOrg, 'reception', { branchIds: [north!.id] });
    const base = {
      orgId: o.orgId,
      templateId: o.templateId,
      statusId: o.statusId,
      dueAt: at(EARLIER_TODAY),
    };
    const northTask = await insertTask(db(), { ...base, branchId: north!.id });
    const southTask = await insertTask(db(), { ...base, branchId: south!.id });
    const seen = async () => new Set(ids(await getBoard(bo.client), 'overdue'));

    // The board read with the session that knows the branch limit…
    expect(await seen()).toEqual(new Set([northTask]));
    await ok(o.owner, 'PATCH', `/api/users/${bo.id}`, { branchIds: [south!.id] });
    // …is the new limit's on the very next request, not after the session is read again.
    expect(await seen()).toEqual(new Set([southTask]));
    await ok(o.owner, 'PATCH', `/api/users/${bo.id}`, { branchIds: [] });
    expect(await seen()).toEqual(new Set([northTask, southTask]));
  });

  it('needs tasks.read', async () => {
    const org = await boardOrg(t);
    const instructor = await createStaff(t.app, org.testOrg, 'instructor');
    expect((await instructor.client.request('GET', '/api/board')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/board' })).statusCode).toBe(401);
  });
});
