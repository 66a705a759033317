import type { Control, Task, TaskList } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import { createStaff, type Client, type TestOrg } from '../../../test/test-app.ts';
import { expectTenantIsolation } from '../../../test/tenant-isolation.ts';
import { insertBranch } from '../branches/index.ts';
import { insertPerson, seedTaskFixture, type TaskFixture } from './tasks.fixtures.ts';
import { createTaskAs, taskOrg, useTaskTestApp } from './tasks.test-setup.ts';

const { t } = useTaskTestApp();

const listIds = async (client: Client, query = 'state=all') =>
  (await client.request('GET', `/api/tasks?${query}`)).json<TaskList>().items.map((i) => i.id);

describe('tenant isolation and visibility (acceptance 7)', () => {
  it('another organization can neither read, change, complete nor list these tasks', async () => {
    const fixtures = new Map<string, TaskFixture>();
    const { mine, theirs, theirId } = await expectTenantIsolation(t.app, {
      async create(org: TestOrg) {
        const fx = await seedTaskFixture(t.database.db, org.orgId);
        fixtures.set(org.orgId, fx);
        const person = await insertPerson(t.database.db, org.orgId);
        return (await createTaskAs(org.owner, { templateId: fx.call.id, contactId: person.id })).id;
      },
      routes: [
        { method: 'GET', path: '/api/tasks/:id' },
        { method: 'PATCH', path: '/api/tasks/:id', body: { comment: 'Taken over' } },
        { method: 'POST', path: '/api/tasks/:id/take', body: {} },
        { method: 'POST', path: '/api/tasks/:id/move', body: { column: 'tomorrow' } },
        { method: 'POST', path: '/api/tasks/:id/result', body: {} },
        { method: 'DELETE', path: '/api/tasks/:id' },
      ],
      lists: ['/api/tasks', '/api/tasks?state=all', '/api/tasks?type=call'],
      read: async (org, id) => (await org.owner.request('GET', `/api/tasks/${id}`)).json<Task>(),
    });
    // Their task, their persons, their templates are no input for us either.
    const theirTask = (await theirs.owner.request('GET', `/api/tasks/${theirId}`)).json<Task>();
    const myFx = await seedTaskFixture(t.database.db, mine.orgId);
    const asMine = [
      { templateId: fixtures.get(theirs.orgId)!.internal.id },
      { templateId: myFx.call.id, contactId: theirTask.contact!.id },
      { templateId: myFx.round.id, personIds: [theirTask.contact!.id] },
    ];
    for (const body of asMine) {
      expect((await mine.owner.request('POST', '/api/tasks', body)).statusCode).toBe(400);
    }
    expect(
      (await mine.owner.request('GET', `/api/tasks?parentId=${theirId}`)).json<TaskList>().total,
    ).toBe(0);
    const control = (await mine.owner.request('GET', '/api/tasks/control')).json<Control>();
    expect(control.rows.map((r) => r.user.id)).toEqual([mine.ownerId]);
    expect(control.rows[0]).toMatchObject({ open: 0, overdue: 0 });
    expect(control.unassigned).toBe(0);
  });

  it('a private internal task is seen by its creator and assignee alone', async () => {
    const { org, fx } = await taskOrg(t);
    const creator = await createStaff(t.app, org, 'sales');
    const assignee = await createStaff(t.app, org, 'reception');
    const third = await createStaff(t.app, org, 'manager');
    const task = await createTaskAs(creator.client, {
      templateId: fx.internal.id,
      private: true,
      assigneeId: assignee.id,
      comment: 'Dentist at 15:00',
    });
    for (const who of [creator.client, assignee.client]) {
      expect((await who.request('GET', `/api/tasks/${task.id}`)).statusCode).toBe(200);
      expect(await listIds(who)).toContain(task.id);
    }
    for (const who of [third.client, org.owner]) {
      expect((await who.request('GET', `/api/tasks/${task.id}`)).statusCode).toBe(404);
      expect(
        (await who.request('PATCH', `/api/tasks/${task.id}`, { comment: 'x' })).statusCode,
      ).toBe(404);
      expect(await listIds(who)).not.toContain(task.id);
      expect(await listIds(who, 'search=dentist&state=all')).toEqual([]);
    }
  });

  it('staff limited to a branch see its tasks, tasks of no branch and their own', async () => {
    const { org, fx, db } = await taskOrg(t);
    const north = await insertBranch(db, org.orgId, 'North');
    const south = await insertBranch(db, org.orgId, 'South');
    const limited = await createStaff(t.app, org, 'reception', { branchIds: [north.id] });
    const inNorth = await createTaskAs(org.owner, {
      templateId: fx.internal.id,
      branchId: north.id,
    });
    const inSouth = await createTaskAs(org.owner, {
      templateId: fx.internal.id,
      branchId: south.id,
    });
    const southButMine = await createTaskAs(org.owner, {
      templateId: fx.internal.id,
      branchId: south.id,
      assigneeId: limited.id,
    });
    const noBranch = await createTaskAs(org.owner, { templateId: fx.internal.id });
    expect((await listIds(limited.client)).sort()).toEqual(
      [inNorth.id, southButMine.id, noBranch.id].sort(),
    );
    const denied = await limited.client.request('POST', `/api/tasks/${inSouth.id}/take`, {});
    expect(denied.statusCode).toBe(404);
    expect((await listIds(org.owner)).length).toBe(4);
  });
});
