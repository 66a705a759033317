import type { TaskList } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import { createStaff } from '../../../test/test-app.ts';
import { insertPerson } from './tasks.fixtures.ts';
import { createTaskAs, taskOrg, useTaskTestApp } from './tasks.test-setup.ts';

const { t } = useTaskTestApp();

/** "My day" on a tablet: what is overdue or due today for me, a call round as one line. */
describe('my day: state=due and parentId=none (issue 10)', () => {
  it('lists my open tasks due by the end of the club’s today, rounds without their calls', async () => {
    // The clock: Wednesday 10:00 in Stockholm.
    const { org, fx, db } = await taskOrg(t);
    const seller = await createStaff(t.app, org, 'sales');
    const person = await insertPerson(db, org.orgId, { displayName: 'Mia Holm' });
    const make = (dueAt: string | null, extra: Record<string, unknown> = {}) =>
      createTaskAs(org.owner, { templateId: fx.client.id, contactId: person.id, dueAt, ...extra });
    const yesterday = await make('2026-03-10T15:00:00Z');
    const thisMorning = await make('2026-03-11T07:00:00Z');
    const tonight = await make('2026-03-11T21:30:00Z');
    await make('2026-03-11T23:30:00Z'); // 00:30 on Thursday in Stockholm
    await make(null);
    await make('2026-03-11T12:00:00Z', { assigneeId: seller.id });
    const done = await make('2026-03-11T08:00:00Z');
    const completed = await org.owner.request('POST', `/api/tasks/${done.id}/result`, {
      resultId: null,
    });
    expect(completed.statusCode, completed.body).toBe(200);
    const callees = [
      await insertPerson(db, org.orgId, { displayName: 'Ola Berg' }),
      await insertPerson(db, org.orgId, { displayName: 'Siv Lund' }),
    ];
    const round = await createTaskAs(org.owner, {
      templateId: fx.round.id,
      personIds: callees.map((p) => p.id),
      dueAt: '2026-03-11T13:00:00Z',
    });

    const ids = async (query: string) => {
      const res = await org.owner.request('GET', `/api/tasks?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      const list = res.json<TaskList>();
      return { ids: list.items.map((i) => i.id), total: list.total, items: list.items };
    };
    const myDay = await ids('state=due&assigneeId=me&parentId=none');
    expect(myDay.ids).toEqual([yesterday.id, thisMorning.id, round.id, tonight.id]);
    expect(myDay.total).toBe(4);
    expect(myDay.items.map((i) => i.dueState)).toEqual(['overdue', 'overdue', 'today', 'today']);

    // Without `parentId=none` the round's calls are there too, each on its own.
    const withCalls = await ids('state=due&assigneeId=me');
    expect(withCalls.total).toBe(6);
    expect(withCalls.items.filter((i) => i.parentId === round.id)).toHaveLength(2);
    // The seller's day is the seller's own.
    expect((await ids(`state=due&assigneeId=${seller.id}`)).total).toBe(1);
  });

  it('refuses a parentId that is neither an id nor `none`, naming the field', async () => {
    const { org } = await taskOrg(t);
    const res = await org.owner.request('GET', '/api/tasks?parentId=nothing');
    expect(res.statusCode).toBe(400);
    expect(res.json<{ fields: object }>().fields).toHaveProperty('parentId');
    const state = await org.owner.request('GET', '/api/tasks?state=soon');
    expect(state.statusCode).toBe(400);
    expect(state.json<{ fields: object }>().fields).toHaveProperty('state');
  });
});
