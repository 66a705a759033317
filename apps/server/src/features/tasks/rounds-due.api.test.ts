import type { Board, CrmSettings, Task, TaskList } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import type { Client } from '../../../test/test-app.ts';
import { insertPerson } from './tasks.fixtures.ts';
import { createTaskAs, taskOrg, useTaskTestApp, WEDNESDAY_10 } from './tasks.test-setup.ts';

const { t, clock } = useTaskTestApp();

const HOUR = 60 * 60 * 1000;

async function callsOf(client: Client, round: Task) {
  const res = await client.request('GET', `/api/tasks?parentId=${round.id}&limit=50`);
  return res.json<TaskList>().items;
}

/** Which board column each of the given tasks is in. */
async function columnsOf(client: Client, ids: string[]) {
  const board = (await client.request('GET', '/api/board')).json<Board>();
  return ids.map(
    (id) => board.columns.find((c) => c.items.some((card) => card.id === id))?.column ?? null,
  );
}

async function setWorkday(client: Client, patch: Partial<CrmSettings>) {
  const res = await client.request('PATCH', '/api/settings/crm', { version: 0, ...patch });
  expect(res.statusCode, res.body).toBe(200);
}

describe('a call round has a due date (issue 10)', () => {
  it('defaults to today at the working day start, and its calls land in Today, not Unsorted', async () => {
    // 08:00 in Stockholm, before the 10:00 start of the working day.
    clock.now = new Date(WEDNESDAY_10.getTime() - 2 * HOUR);
    const { org, fx, db } = await taskOrg(t);
    const persons = [await insertPerson(db, org.orgId), await insertPerson(db, org.orgId)];
    const round = await createTaskAs(org.owner, {
      templateId: fx.round.id,
      personIds: persons.map((p) => p.id),
    });
    expect(round.dueAt).toBe(WEDNESDAY_10.toISOString());
    const calls = await callsOf(org.owner, round);
    expect(calls).toHaveLength(2);
    for (const call of calls) {
      expect(call.dueAt).toBe(WEDNESDAY_10.toISOString());
      // The organization's first task status: a planned call is not a new, unsorted lead.
      expect(call.status?.id).toBe(fx.statuses.fresh);
    }
    expect(
      await columnsOf(
        org.owner,
        calls.map((c) => c.id),
      ),
    ).toEqual(['today', 'today']);
  });

  it('keeps a status the round names for its calls', async () => {
    const { org, fx, db } = await taskOrg(t);
    const person = await insertPerson(db, org.orgId);
    const round = await createTaskAs(org.owner, {
      templateId: fx.round.id,
      personIds: [person.id],
      statusId: fx.statuses.working,
    });
    const [call] = await callsOf(org.owner, round);
    expect(call?.status?.id).toBe(fx.statuses.working);
  });

  it('made after opening, is due by the end of the working day (or of the day)', async () => {
    // 14:00 in Stockholm.
    clock.now = new Date(WEDNESDAY_10.getTime() + 4 * HOUR);
    const { org, fx, db } = await taskOrg(t);
    const person = await insertPerson(db, org.orgId);
    const open = await createTaskAs(org.owner, {
      templateId: fx.round.id,
      personIds: [person.id],
      dueDate: '2026-03-11',
    });
    // No end of the working day set: the day's last minute, 23:59 in Stockholm.
    expect(open.dueAt).toBe('2026-03-11T22:59:00.000Z');

    await setWorkday(org.owner, { workdayStart: '09:00', workdayEnd: '18:00' });
    const closing = await createTaskAs(org.owner, {
      templateId: fx.round.id,
      personIds: [person.id],
    });
    expect(closing.dueAt).toBe('2026-03-11T17:00:00.000Z');
    const [call] = await callsOf(org.owner, closing);
    expect(await columnsOf(org.owner, [call!.id])).toEqual(['today']);
  });

  it('takes a later day chosen in the dialog, at the working day start', async () => {
    const { org, fx, db } = await taskOrg(t);
    await setWorkday(org.owner, { workdayStart: '09:30' });
    const person = await insertPerson(db, org.orgId);
    const round = await createTaskAs(org.owner, {
      templateId: fx.round.id,
      personIds: [person.id],
      dueDate: '2026-03-12',
    });
    expect(round.dueAt).toBe('2026-03-12T08:30:00.000Z');
    const [call] = await callsOf(org.owner, round);
    expect(await columnsOf(org.owner, [call!.id])).toEqual(['tomorrow']);
  });

  it('refuses a day in the past, no due date at all, and a due date on another task', async () => {
    const { org, fx, db } = await taskOrg(t);
    const person = await insertPerson(db, org.orgId);
    const past = await org.owner.request('POST', '/api/tasks', {
      templateId: fx.round.id,
      personIds: [person.id],
      dueDate: '2026-03-10',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json()).toMatchObject({
      fieldCodes: { dueDate: 'too_small' },
      fieldParams: { dueDate: { min: '2026-03-11' } },
    });
    const none = await org.owner.request('POST', '/api/tasks', {
      templateId: fx.round.id,
      personIds: [person.id],
      dueAt: null,
    });
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ fieldCodes: { dueAt: 'required' } });
    const call = await org.owner.request('POST', '/api/tasks', {
      templateId: fx.call.id,
      contactId: person.id,
      dueDate: '2026-03-12',
    });
    expect(call.statusCode).toBe(400);
    expect(call.json()).toMatchObject({ fieldCodes: { dueDate: 'not_allowed' } });
    const bad = await org.owner.request('POST', '/api/tasks', {
      templateId: fx.round.id,
      personIds: [person.id],
      dueDate: '2026-02-30',
    });
    expect(bad.statusCode).toBe(400);
  });
});
