import type { Task } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import { createStaff } from '../../../test/test-app.ts';
import { insertPerson } from './tasks.fixtures.ts';
import {
  createTaskAs,
  getTask,
  taskOrg,
  useTaskTestApp,
  WEDNESDAY_10,
} from './tasks.test-setup.ts';

const { t, clock } = useTaskTestApp();

const at = (iso: string) => new Date(iso).toISOString();

describe('take into work (T-6)', () => {
  it('marks who handles it, gives an unsorted task the first status, and releases', async () => {
    const { org, fx, db } = await taskOrg(t);
    const reception = await createStaff(t.app, org, 'reception');
    const person = await insertPerson(db, org.orgId);
    const task = await createTaskAs(org.owner, { templateId: fx.call.id, contactId: person.id });
    expect(task.status).toBeNull();
    const taken = await reception.client.request('POST', `/api/tasks/${task.id}/take`, {});
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json<Task>()).toMatchObject({
      takenBy: { id: reception.id, name: 'reception person' },
      takenAt: WEDNESDAY_10.toISOString(),
      status: { id: fx.statuses.fresh },
      version: 2,
    });
    // Others see who is on it.
    expect((await getTask(org.owner, task.id)).takenBy?.id).toBe(reception.id);

    await org.owner.request('PATCH', `/api/tasks/${task.id}`, { statusId: fx.statuses.working });
    const again = await org.owner.request('POST', `/api/tasks/${task.id}/take`, {});
    // A status someone chose stays.
    expect(again.json<Task>()).toMatchObject({
      takenBy: { id: org.ownerId },
      status: { id: fx.statuses.working },
    });
    const released = await org.owner.request('POST', `/api/tasks/${task.id}/take`, {
      release: true,
    });
    expect(released.json<Task>()).toMatchObject({ takenBy: null, takenAt: null });

    await org.owner.request('POST', `/api/tasks/${task.id}/result`, {
      resultId: fx.results.booked,
    });
    const late = await org.owner.request('POST', `/api/tasks/${task.id}/take`, {});
    expect(late.statusCode).toBe(409);
    expect(late.json<{ code: string }>().code).toBe('already_completed');
  });
});

describe('moving a card (T-8)', () => {
  it('Later → Tomorrow keeps the time of day, across a daylight-saving change', async () => {
    const { org, fx } = await taskOrg(t);
    // 1 April is summer time (UTC+2): 14:30 there is 12:30 UTC.
    const task = await createTaskAs(org.owner, {
      templateId: fx.internal.id,
      dueAt: at('2026-04-01T12:30:00Z'),
    });
    const moved = await org.owner.request('POST', `/api/tasks/${task.id}/move`, {
      column: 'tomorrow',
      version: task.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    // Thursday 12 March 14:30 winter time (UTC+1).
    expect(moved.json<Task>()).toMatchObject({
      dueAt: at('2026-03-12T13:30:00Z'),
      status: { id: fx.statuses.fresh },
      version: 2,
    });
    const week = await org.owner.request('POST', `/api/tasks/${task.id}/move`, {
      column: 'week',
    });
    // This week starts the day after tomorrow: Friday 13 March.
    expect(week.json<Task>().dueAt).toBe(at('2026-03-13T13:30:00Z'));
    const stale = await org.owner.request('POST', `/api/tasks/${task.id}/move`, {
      column: 'later',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('refuses Overdue and Unsorted by schema, and This week on a Sunday', async () => {
    const { org, fx } = await taskOrg(t);
    const task = await createTaskAs(org.owner, {
      templateId: fx.internal.id,
      dueAt: at('2026-03-20T09:00:00Z'),
    });
    for (const column of ['overdue', 'unsorted']) {
      const res = await org.owner.request('POST', `/api/tasks/${task.id}/move`, { column });
      expect(res.statusCode).toBe(400);
    }
    clock.now = new Date('2026-03-15T11:00:00Z'); // Sunday noon in Stockholm
    const sunday = await org.owner.request('POST', `/api/tasks/${task.id}/move`, {
      column: 'week',
    });
    expect(sunday.statusCode).toBe(422);
    expect(sunday.json<{ code: string }>().code).toBe('not_droppable');
    expect((await getTask(org.owner, task.id)).dueAt).toBe(at('2026-03-20T09:00:00Z'));
  });
});
