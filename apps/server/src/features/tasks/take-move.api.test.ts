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
    // Taking it from someone is a choice of its own.
    const again = await org.owner.request('POST', `/api/tasks/${task.id}/take`, {
      takeOver: true,
    });
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

describe('take into work at the same moment (T-6)', () => {
  it('lets exactly one of seven staff win; the others hear who has it and may take over', async () => {
    const { org, fx, db } = await taskOrg(t);
    const person = await insertPerson(db, org.orgId);
    const task = await createTaskAs(org.owner, { templateId: fx.call.id, contactId: person.id });
    const roles = ['admin', 'manager', 'sales', 'sales', 'reception', 'reception'] as const;
    const staff = [
      { id: org.ownerId, name: 'Owner Olsson', client: org.owner },
      ...(await Promise.all(roles.map((role) => createStaff(t.app, org, role)))).map((s, i) => ({
        id: s.id,
        name: `${roles[i]} person`,
        client: s.client,
      })),
    ];

    const answers = await Promise.all(
      staff.map((s) => s.client.request('POST', `/api/tasks/${task.id}/take`, {})),
    );
    const won = answers.flatMap((res, i) => (res.statusCode === 200 ? [staff[i]!] : []));
    expect(won, answers.map((r) => r.statusCode).join()).toHaveLength(1);
    const winner = won[0]!;
    const lost = answers.filter((res) => res.statusCode !== 200);
    expect(lost).toHaveLength(6);
    for (const res of lost) {
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json()).toMatchObject({
        code: 'task_taken',
        message: `${winner.name} has already taken this task into work`,
        params: { userId: winner.id, name: winner.name },
      });
    }
    expect((await getTask(org.owner, task.id)).takenBy).toEqual({
      id: winner.id,
      name: winner.name,
    });

    // Taking it again is no conflict for the one who has it.
    const mine = await winner.client.request('POST', `/api/tasks/${task.id}/take`, {});
    expect(mine.statusCode, mine.body).toBe(200);

    // Taking over is explicit, and then the others hear of the new holder.
    const other = staff.find((s) => s.id !== winner.id)!;
    const over = await other.client.request('POST', `/api/tasks/${task.id}/take`, {
      takeOver: true,
    });
    expect(over.statusCode, over.body).toBe(200);
    expect(over.json<Task>().takenBy).toEqual({ id: other.id, name: other.name });
    const late = await winner.client.request('POST', `/api/tasks/${task.id}/take`, {});
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'task_taken', params: { userId: other.id } });
  });

  it('documents takeOver and the task_taken answer', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, { post: { requestBody: unknown; description: string } }>;
    }>();
    const take = doc.paths['/api/tasks/{id}/take']!.post;
    expect(JSON.stringify(take.requestBody)).toContain('"takeOver"');
    expect(take.description).toContain('task_taken');
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
