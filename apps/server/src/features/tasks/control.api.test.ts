import type { Control, Task, TaskList } from '@spotter/contracts';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createStaff, type Client, type TestApp } from '../../../test/test-app.ts';
import { insertBranch } from '../branches/index.ts';
import { insertPerson } from './tasks.fixtures.ts';
import { createTaskAs, taskOrg, useTaskTestApp, WEDNESDAY_10 } from './tasks.test-setup.ts';

const { t, clock } = useTaskTestApp();

const utc = (iso: string) => new Date(iso);

async function complete(client: Client, task: Task, when: Date) {
  clock.now = when;
  const res = await client.request('POST', `/api/tasks/${task.id}/result`, {});
  expect(res.statusCode, res.body).toBe(200);
  clock.now = WEDNESDAY_10;
}

interface SqlRow {
  id: string;
  open: number;
  overdue: number;
  done_today: number;
  done_this_week: number;
}

/**
 * The same numbers straight from SQL, with PostgreSQL's own calendar maths (date_trunc in the
 * club's zone, weeks from Monday): one scalar count per figure and staff member.
 */
async function directCounts(db: TestApp['database']['db'], orgId: string, now: Date, tz: string) {
  const n = now.toISOString();
  const base = sql`t.org_id = u.org_id and t.type <> 'round' and not t.private`;
  const result = await db.execute(sql`
    select u.id::text as id,
      (select count(*) from tasks t where ${base} and t.assignee_id = u.id
        and t.completed_at is null)::int as open,
      (select count(*) from tasks t where ${base} and t.assignee_id = u.id
        and t.completed_at is null and t.due_at < ${n}::timestamptz)::int as overdue,
      (select count(*) from tasks t where ${base} and t.completed_by_id = u.id
        and t.completed_at >= (date_trunc('day', ${n}::timestamptz at time zone ${tz})
          at time zone ${tz}))::int as done_today,
      (select count(*) from tasks t where ${base} and t.completed_by_id = u.id
        and t.completed_at >= (date_trunc('week', ${n}::timestamptz at time zone ${tz})
          at time zone ${tz}))::int as done_this_week
    from users u
    where u.org_id = ${orgId} and u.active and u.role <> 'instructor'
    order by u.name, u.id`);
  return (result as unknown as { rows: SqlRow[] }).rows;
}

describe('control view (T-9; acceptance 6)', () => {
  it('counts per staff member equal a direct SQL count', async () => {
    const { org, fx, db } = await taskOrg(t);
    const anna = await createStaff(t.app, org, 'sales');
    const bo = await createStaff(t.app, org, 'reception');
    const carl = await createStaff(t.app, org, 'manager');
    await createStaff(t.app, org, 'instructor');
    const branch = await insertBranch(db, org.orgId, 'East');
    const person = await insertPerson(db, org.orgId);
    const todo = (client: Client, dueAt: string | null, extra: object = {}) =>
      createTaskAs(client, { templateId: fx.internal.id, dueAt, ...extra });

    // Anna: two overdue (yesterday, and 08:00 today), one later today, one without a due time.
    await todo(anna.client, '2026-03-10T12:00:00Z');
    await todo(anna.client, '2026-03-11T07:00:00Z');
    await todo(anna.client, '2026-03-11T15:00:00Z');
    await todo(anna.client, null);
    // Done by Anna: Monday (this week), last Sunday evening (last week), and this morning.
    await complete(anna.client, await todo(anna.client, null), utc('2026-03-09T11:00:00Z'));
    await complete(anna.client, await todo(anna.client, null), utc('2026-03-08T19:00:00Z'));
    await complete(anna.client, await todo(anna.client, null), utc('2026-03-11T08:00:00Z'));
    // A round of three calls for Anna: the calls count, the round itself never.
    const persons = [person, await insertPerson(db, org.orgId), await insertPerson(db, org.orgId)];
    await createTaskAs(org.owner, {
      templateId: fx.round.id,
      personIds: persons.map((p) => p.id),
      assigneeId: anna.id,
      dueAt: '2026-03-12T09:00:00Z',
    });

    // Bo: one open next week, two done today (one in a branch), a private to-do of his own.
    await todo(bo.client, '2026-03-18T09:00:00Z');
    await complete(bo.client, await todo(bo.client, null), utc('2026-03-10T23:30:00Z'));
    await complete(
      bo.client,
      await todo(bo.client, null, { branchId: branch.id }),
      utc('2026-03-11T08:30:00Z'),
    );
    await todo(bo.client, '2026-03-01T09:00:00Z', { private: true });

    // Nobody's: two open (one a call), one done.
    for (const task of [
      await todo(org.owner, '2026-03-01T09:00:00Z'),
      await createTaskAs(org.owner, { templateId: fx.call.id, contactId: person.id }),
    ]) {
      await org.owner.request('PATCH', `/api/tasks/${task.id}`, { assigneeId: null });
    }

    const res = await org.owner.request('GET', '/api/tasks/control');
    expect(res.statusCode, res.body).toBe(200);
    const control = res.json<Control>();
    const byId = new Map(control.rows.map((r) => [r.user.id, r]));
    expect(byId.get(anna.id)).toMatchObject({
      open: 7,
      overdue: 2,
      doneToday: 1,
      doneThisWeek: 2,
    });
    // Bo's 00:30 on Wednesday is today in Stockholm although it is Tuesday in UTC.
    expect(byId.get(bo.id)).toMatchObject({ open: 1, overdue: 0, doneToday: 2, doneThisWeek: 2 });
    expect(byId.get(carl.id)).toMatchObject({
      open: 0,
      overdue: 0,
      doneToday: 0,
      doneThisWeek: 0,
    });
    expect(control.unassigned).toBe(2);

    const direct = await directCounts(db, org.orgId, WEDNESDAY_10, 'Europe/Stockholm');
    expect(control.rows.map((r) => r.user.id)).toEqual(direct.map((d) => d.id));
    for (const d of direct) {
      expect(byId.get(d.id)).toMatchObject({
        open: d.open,
        overdue: d.overdue,
        doneToday: d.done_today,
        doneThisWeek: d.done_this_week,
      });
    }

    // The drill-down lists the same tasks the counts count.
    const drill = await org.owner.request('GET', `/api/tasks?assigneeId=${anna.id}&state=overdue`);
    expect(drill.json<TaskList>().total).toBe(2);
    // "Done" counts by who completed it, and so does its drill-down.
    for (const [from, expected] of [
      ['2026-03-11', 2],
      ['2026-03-09', 2],
    ] as const) {
      const done = await org.owner.request(
        'GET',
        `/api/tasks?completedById=${bo.id}&state=done&doneFrom=${from}`,
      );
      expect(done.json<TaskList>().total, from).toBe(expected);
    }

    const inBranch = (
      await org.owner.request('GET', `/api/tasks/control?branchId=${branch.id}`)
    ).json<Control>();
    expect(inBranch.rows.find((r) => r.user.id === bo.id)).toMatchObject({
      open: 0,
      doneToday: 1,
    });

    expect((await anna.client.request('GET', '/api/tasks/control')).statusCode).toBe(403);
    expect((await carl.client.request('GET', '/api/tasks/control')).statusCode).toBe(200);
  });
});
