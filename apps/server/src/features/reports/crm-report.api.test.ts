import type { CrmReport, CrmReportCounts, TaskList } from '@spotter/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createOrg, createStaff, type Client, type TestApp } from '../../../test/test-app.ts';
import { insertBranch } from '../branches/index.ts';
import { taskOrg, useTaskTestApp } from '../tasks/tasks.test-setup.ts';
import { clubMidnight, insertCrmTask, insertGroup, seedCrmTasks } from './crm-report.fixtures.ts';

const { t, clock } = useTaskTestApp();
type TestDb = TestApp['database']['db'];

interface Counted extends CrmReportCounts {
  key: string | null;
}

async function report(client: Client, query: string): Promise<CrmReport> {
  const res = await client.request('GET', `/api/reports/crm?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CrmReport>();
}

const plain = (rows: Counted[]) =>
  rows
    .map(({ key, created, done, overdue }) => ({ key, created, done, overdue }))
    .sort((a, b) => String(a.key).localeCompare(String(b.key)));

const base = (orgId: string) =>
  sql`t.org_id = ${orgId}::uuid and t.type <> 'round' and not t.private`;

/**
 * The report's rows by staff member, template … straight from SQL, written another way: one
 * pass with a flag per figure, the period's ends placed by PostgreSQL's own zone rules.
 */
async function expectedByEntity(
  db: TestDb,
  o: { orgId: string; tz: string; from: string; to: string; now: Date },
  key: SQL,
  join: SQL = sql``,
): Promise<Counted[]> {
  const f = clubMidnight(o.from, o.tz);
  const e = clubMidnight(o.to, o.tz, 1);
  const result = await db.execute(sql`
    select key, sum(c)::int as created, sum(d)::int as done, sum(o)::int as overdue from (
      select ${key}::text as key,
        (t.created_at >= ${f} and t.created_at < ${e})::int as c,
        (t.completed_at >= ${f} and t.completed_at < ${e})::int as d,
        (t.completed_at is null and t.due_at < least(${e}, ${o.now.toISOString()}::timestamptz))::int as o
      from tasks t ${join}
      where ${base(o.orgId)}
    ) x
    group by key
    having coalesce(sum(c), 0) + coalesce(sum(d), 0) + coalesce(sum(o), 0) > 0`);
  return (result as unknown as { rows: Counted[] }).rows.map((r) => ({
    key: r.key,
    created: r.created ?? 0,
    done: r.done ?? 0,
    overdue: r.overdue ?? 0,
  }));
}

/** By day, week or month: a count per step and figure, each step's ends placed in SQL. */
async function expectedByTime(
  db: TestDb,
  o: { orgId: string; tz: string; from: string; to: string; now: Date },
  unit: 'day' | 'week' | 'month',
): Promise<Counted[]> {
  const step = sql.raw(`interval '1 ${unit}'`);
  const f = clubMidnight(o.from, o.tz);
  const e = clubMidnight(o.to, o.tz, 1);
  const start = sql`(s.d::timestamp at time zone ${o.tz})`;
  const end = sql`((s.d + ${step})::timestamp at time zone ${o.tz})`;
  const now = sql`${o.now.toISOString()}::timestamptz`;
  const result = await db.execute(sql`
    select s.d::date::text as key,
      (select count(*) from tasks t where ${base(o.orgId)} and t.created_at >= greatest(${start}, ${f})
        and t.created_at < least(${end}, ${e}))::int as created,
      (select count(*) from tasks t where ${base(o.orgId)} and t.completed_at >= greatest(${start}, ${f})
        and t.completed_at < least(${end}, ${e}))::int as done,
      (select count(*) from tasks t where ${base(o.orgId)} and t.completed_at is null
        and t.due_at < least(${end}, ${e}, ${now}))::int as overdue
    from generate_series(date_trunc(${unit}, ${o.from}::date::timestamp), ${o.to}::date::timestamp, ${step}) as s(d)
    order by 1`);
  return (result as unknown as { rows: Counted[] }).rows;
}

async function expectedTotals(
  db: TestDb,
  o: { orgId: string; tz: string; from: string; to: string; now: Date },
): Promise<CrmReportCounts> {
  const rows = await expectedByEntity(db, o, sql`'all'`);
  const [row] = rows;
  return { created: row?.created ?? 0, done: row?.done ?? 0, overdue: row?.overdue ?? 0 };
}

/** An organization in `tz` with three staff, a branch, a group and tasks around the period. */
async function setUp(tz: string, start: Date, n: number) {
  const { org, fx, db } = await taskOrg(t, { timezone: tz });
  const anna = await createStaff(t.app, org, 'sales');
  const bo = await createStaff(t.app, org, 'reception');
  const branch = await insertBranch(db, org.orgId, 'East');
  const team = await insertGroup(db, org.orgId, 'Team A', [{ userId: anna.id, role: 'member' }]);
  await seedCrmTasks(
    db,
    org.orgId,
    fx,
    { assignees: [anna.id, bo.id, org.ownerId, null], branchId: branch.id },
    start,
    n,
  );
  // Anna's private to-do: nobody else counts it, not even the owner.
  await insertCrmTask(db, org.orgId, fx.internal.id, {
    private: true,
    assigneeId: anna.id,
    creatorId: anna.id,
    createdAt: start,
  });
  return { org, fx, db, anna, bo, branch, team };
}

const ZONES = [
  // Stockholm moves to summer time on 29 March 2026; New York on 8 March 2026.
  { tz: 'Europe/Stockholm', from: '2026-03-23', to: '2026-04-05', now: '2026-04-10T10:00:00Z' },
  { tz: 'America/New_York', from: '2026-03-02', to: '2026-03-15', now: '2026-03-12T15:00:00Z' },
];

describe('CRM report (S-5): every number equals a SQL count', () => {
  for (const zone of ZONES) {
    it(`in ${zone.tz}, across its daylight-saving change, by every dimension`, async () => {
      clock.now = new Date(zone.now);
      const start = new Date(new Date(`${zone.from}T00:00:00Z`).getTime() - 3 * 86_400_000);
      const s = await setUp(zone.tz, start, 90);
      const o = { orgId: s.org.orgId, tz: zone.tz, from: zone.from, to: zone.to, now: clock.now };
      const period = `preset=custom&from=${zone.from}&to=${zone.to}`;

      const entityKeys: Record<string, SQL> = {
        staff: sql`t.assignee_id`,
        template: sql`t.template_id`,
        result: sql`t.result_id`,
        branch: sql`t.branch_id`,
      };
      for (const [dim, key] of Object.entries(entityKeys)) {
        const r = await report(s.org.owner, `${period}&groupBy=${dim}`);
        expect(plain(r.rows), dim).toEqual(plain(await expectedByEntity(s.db, o, key)));
      }
      const byGroup = await report(s.org.owner, `${period}&groupBy=group`);
      expect(plain(byGroup.rows)).toEqual(
        plain(
          await expectedByEntity(
            s.db,
            o,
            sql`gm.group_id`,
            sql`left join group_members gm on gm.org_id = t.org_id and gm.user_id = t.assignee_id`,
          ),
        ),
      );
      expect(byGroup.rows.find((r) => r.key === s.team)?.label).toBe('Team A');

      for (const unit of ['day', 'week', 'month'] as const) {
        const r = await report(s.org.owner, `${period}&groupBy=${unit}`);
        expect(plain(r.rows), unit).toEqual(plain(await expectedByTime(s.db, o, unit)));
        // The last step's backlog is the period's overdue.
        expect(r.rows.at(-1)?.overdue, unit).toBe(r.totals.overdue);
      }
      const r = await report(s.org.owner, `${period}&groupBy=staff`);
      expect(r.totals).toEqual(await expectedTotals(s.db, o));
      expect(r.totals.created).toBeGreaterThan(10);
      expect(r.totals.done).toBeGreaterThan(3);
      expect(r.totals.overdue).toBeGreaterThan(3);
      expect(r.period).toEqual({ from: zone.from, to: zone.to });
    });
  }

  it('counts a long period (a year, another statement) the same way, by every dimension', async () => {
    clock.now = new Date('2026-04-10T10:00:00Z');
    const s = await setUp('Europe/Stockholm', new Date('2026-03-01T00:00:00Z'), 90);
    const o = {
      orgId: s.org.orgId,
      tz: 'Europe/Stockholm',
      from: '2026-01-01',
      to: '2026-12-31',
      now: clock.now,
    };
    const period = `preset=custom&from=${o.from}&to=${o.to}`;
    const keys: Record<string, [SQL, SQL?]> = {
      staff: [sql`t.assignee_id`],
      template: [sql`t.template_id`],
      result: [sql`t.result_id`],
      branch: [sql`t.branch_id`],
      group: [
        sql`gm.group_id`,
        sql`left join group_members gm on gm.org_id = t.org_id and gm.user_id = t.assignee_id`,
      ],
    };
    for (const [dim, [key, join]] of Object.entries(keys)) {
      const r = await report(s.org.owner, `${period}&groupBy=${dim}`);
      expect(plain(r.rows), dim).toEqual(plain(await expectedByEntity(s.db, o, key, join)));
    }
    const r = await report(s.org.owner, `${period}&groupBy=staff`);
    expect(r.totals).toEqual(await expectedTotals(s.db, o));
    expect(r.totals.done).toBeGreaterThan(3);
  });

  it('puts a task in the club day it happened on, on both sides of a DST change', async () => {
    clock.now = new Date('2026-04-10T10:00:00Z');
    const { org, fx, db } = await taskOrg(t, { timezone: 'Europe/Stockholm' });
    const at = (iso: string) =>
      insertCrmTask(db, org.orgId, fx.internal.id, { createdAt: new Date(iso) });
    await at('2026-03-28T22:59:00Z'); // 23:59 on the 28th (CET)
    await at('2026-03-28T23:30:00Z'); // 00:30 on the 29th (CET)
    await at('2026-03-29T21:59:00Z'); // 23:59 on the 29th (CEST)
    await at('2026-03-29T22:30:00Z'); // 00:30 on the 30th (CEST)
    const r = await report(org.owner, 'preset=custom&from=2026-03-28&to=2026-03-30&groupBy=day');
    expect(r.rows.map((row) => [row.key, row.created])).toEqual([
      ['2026-03-28', 1],
      ['2026-03-29', 2],
      ['2026-03-30', 1],
    ]);
    // The period starts at the club's midnight: 23:00 UTC the day before.
    const one = await report(org.owner, 'preset=custom&from=2026-03-29&to=2026-03-29');
    expect(one.totals.created).toBe(2);
  });

  it('compares with the period before, row by row', async () => {
    clock.now = new Date('2026-04-10T10:00:00Z');
    const s = await setUp('Europe/Stockholm', new Date('2026-03-01T00:00:00Z'), 160);
    const r = await report(
      s.org.owner,
      'preset=custom&from=2026-03-16&to=2026-03-29&groupBy=staff&compare=true',
    );
    expect(r.previous).toEqual({ from: '2026-03-02', to: '2026-03-15' });
    const o = { orgId: s.org.orgId, tz: 'Europe/Stockholm', from: '2026-03-02', to: '2026-03-15' };
    expect(r.previousTotals).toEqual(await expectedTotals(s.db, { ...o, now: clock.now }));
    const before = await expectedByEntity(s.db, { ...o, now: clock.now }, sql`t.assignee_id`);
    for (const row of r.rows) {
      const old = before.find((b) => b.key === row.key);
      expect(row.previous, String(row.key)).toEqual({
        created: old?.created ?? 0,
        done: old?.done ?? 0,
        overdue: old?.overdue ?? 0,
      });
    }
  });

  it('filters by branch, group, staff member and template', async () => {
    clock.now = new Date('2026-04-10T10:00:00Z');
    const s = await setUp('Europe/Stockholm', new Date('2026-03-20T00:00:00Z'), 60);
    const o = {
      orgId: s.org.orgId,
      tz: 'Europe/Stockholm',
      from: '2026-03-23',
      to: '2026-04-05',
      now: clock.now,
    };
    const period = `preset=custom&from=${o.from}&to=${o.to}&groupBy=template`;
    const all = await expectedByEntity(s.db, o, sql`t.template_id`);
    const only = async (filter: string, where: SQL) => {
      const r = await report(s.org.owner, `${period}&${filter}`);
      const expected = await expectedByEntity(
        s.db,
        o,
        sql`case when ${where} then t.template_id end`,
      );
      expect(plain(r.rows), filter).toEqual(plain(expected.filter((e) => e.key !== null)));
      return r;
    };
    await only(`branchId=${s.branch.id}`, sql`t.branch_id = ${s.branch.id}::uuid`);
    await only(`assigneeId=${s.bo.id}`, sql`t.assignee_id = ${s.bo.id}::uuid`);
    await only(`templateId=${s.fx.call.id}`, sql`t.template_id = ${s.fx.call.id}::uuid`);
    const team = await only(`groupId=${s.team}`, sql`t.assignee_id = ${s.anna.id}::uuid`);
    expect(team.totals.created).toBeLessThan(all.reduce((n, r) => n + r.created, 0));
  });
});

describe('CRM report: drill-down to the tasks list', () => {
  it('lists exactly the tasks each number counts', async () => {
    clock.now = new Date('2026-04-10T10:00:00Z');
    const s = await setUp('Europe/Stockholm', new Date('2026-03-20T00:00:00Z'), 60);
    const r = await report(
      s.org.owner,
      'preset=custom&from=2026-03-23&to=2026-04-05&groupBy=result',
    );
    const total = async (query: string) => {
      const res = await s.org.owner.request(
        'GET',
        `/api/tasks?${query}&type=call&type=client&type=internal&limit=1`,
      );
      expect(res.statusCode, res.body).toBe(200);
      return res.json<TaskList>().total;
    };
    const done = r.rows.filter((row) => row.key !== null && row.done > 0);
    expect(done.length).toBeGreaterThan(0);
    for (const row of done) {
      expect(
        await total(`state=done&resultId=${row.key}&doneFrom=2026-03-23&doneTo=2026-04-05`),
      ).toBe(row.done);
    }
    const byStaff = await report(
      s.org.owner,
      `preset=custom&from=2026-03-23&to=2026-04-05&groupBy=staff`,
    );
    for (const row of byStaff.rows.filter((x) => x.key)) {
      expect(
        await total(`state=all&assigneeId=${row.key}&createdFrom=2026-03-23&createdTo=2026-04-05`),
      ).toBe(row.created);
      expect(await total(`state=overdue&assigneeId=${row.key}&dueBefore=2026-04-06`)).toBe(
        row.overdue,
      );
    }
    const byDay = await report(
      s.org.owner,
      'preset=custom&from=2026-03-23&to=2026-04-05&groupBy=day',
    );
    const mid = byDay.rows.find((row) => row.key === '2026-03-29')!;
    expect(await total(`state=overdue&dueBefore=2026-03-30`)).toBe(mid.overdue);
    expect(
      await total(`state=all&groupId=${s.team}&createdFrom=2026-03-23&createdTo=2026-04-05`),
    ).toBe(byStaff.rows.find((row) => row.key === s.anna.id)?.created);
  });
});

describe('CRM report: who sees what', () => {
  it('refuses staff without reports.read', async () => {
    const { org } = await taskOrg(t);
    for (const role of ['reception', 'sales'] as const) {
      const staff = await createStaff(t.app, org, role);
      const res = await staff.client.request('GET', '/api/reports/crm');
      expect(res.statusCode, role).toBe(403);
    }
    const manager = await createStaff(t.app, org, 'manager');
    expect((await manager.client.request('GET', '/api/reports/crm')).statusCode).toBe(200);
  });

  it("shows a group's manager the numbers of the groups they manage, and their own", async () => {
    clock.now = new Date('2026-04-10T10:00:00Z');
    const s = await setUp('Europe/Stockholm', new Date('2026-03-20T00:00:00Z'), 60);
    const carl = await createStaff(t.app, s.org, 'manager');
    await insertGroup(s.db, s.org.orgId, 'Sub team', [{ userId: s.bo.id, role: 'member' }], s.team);
    await s.db.execute(sql`insert into group_members (org_id, group_id, user_id, role)
      values (${s.org.orgId}::uuid, ${s.team}::uuid, ${carl.id}::uuid, 'manager')`);
    await insertCrmTask(s.db, s.org.orgId, s.fx.internal.id, {
      assigneeId: carl.id,
      createdAt: new Date('2026-03-25T10:00:00Z'),
    });
    const query = 'preset=custom&from=2026-03-23&to=2026-04-05&groupBy=staff';
    const r = await report(carl.client, query);
    const o = { orgId: s.org.orgId, tz: 'Europe/Stockholm', from: '2026-03-23', to: '2026-04-05' };
    // Anna is in his group, Bo in its sub-group; the owner's and nobody's tasks are not his.
    const expected = await expectedByEntity(
      s.db,
      { ...o, now: clock.now },
      sql`case when t.assignee_id in (${s.anna.id}::uuid, ${s.bo.id}::uuid, ${carl.id}::uuid)
        then t.assignee_id end`,
    );
    expect(plain(r.rows)).toEqual(plain(expected.filter((e) => e.key !== null)));
    expect(r.rows.map((row) => row.key).sort()).toEqual([s.anna.id, s.bo.id, carl.id].sort());
    // The owner sees everyone's.
    const all = await report(s.org.owner, query);
    expect(all.rows.length).toBeGreaterThan(r.rows.length);
  });

  it("never counts another organization's tasks, whatever ids it is given", async () => {
    clock.now = new Date('2026-04-10T10:00:00Z');
    const s = await setUp('Europe/Stockholm', new Date('2026-03-20T00:00:00Z'), 40);
    const other = await createOrg(t.app);
    const period = 'preset=custom&from=2026-03-23&to=2026-04-05';
    const zero = { created: 0, done: 0, overdue: 0 };
    for (const filter of [
      '',
      `&branchId=${s.branch.id}`,
      `&groupId=${s.team}`,
      `&assigneeId=${s.anna.id}`,
      `&templateId=${s.fx.call.id}`,
    ]) {
      for (const dim of ['staff', 'template', 'result', 'group', 'branch']) {
        const r = await report(other.owner, `${period}&groupBy=${dim}${filter}`);
        expect(r.totals, `${dim}${filter}`).toEqual(zero);
        expect(r.rows, `${dim}${filter}`).toEqual([]);
      }
    }
    const mine = await report(s.org.owner, period);
    expect(mine.totals.created).toBeGreaterThan(0);
  });

  it('refuses a malformed period', async () => {
    const { org } = await taskOrg(t);
    for (const q of ['preset=custom', 'preset=custom&from=2026-03-10&to=2026-03-01', 'groupBy=x']) {
      expect((await org.owner.request('GET', `/api/reports/crm?${q}`)).statusCode, q).toBe(400);
    }
  });
});
