import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { CrmSettings, Home, Me, TaskList } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import { createOrg, createStaff, ok, useTestApp, type TestOrg } from '../../../test/test-app.ts';
import type { Db } from '../../db/client.ts';
import { eventSources, memberRecords } from '../club-events/index.ts';
import { dealStages, deals, pipelines } from '../deals/index.ts';
import { leadFormSubmissions } from '../lead-forms/index.ts';
import { tasks } from '../tasks/index.ts';
import { insertPerson, seedTaskFixture } from '../tasks/tasks.fixtures.ts';

const clock = { now: new Date() };
const t = useTestApp({ now: () => clock.now });
const db = () => t.database.db as Db;

type Row = Record<string, unknown>;
async function one(query: ReturnType<typeof sql>): Promise<Row> {
  const res = (await db().execute(query)) as unknown as { rows: Row[] };
  return res.rows[0]!;
}
const n = (v: unknown) => Number(v);
type PersonList = { items: Array<{ id: string }>; total?: number };

const minutes = (at: Date, m: number) => new Date(at.getTime() + m * 60_000);

/**
 * Two clubs on their daylight-saving day: Stockholm on Sunday 29 March 2026 (23 hours, from
 * 23:00Z the day before), New York on Sunday 8 March 2026 (23 hours, from 05:00Z). `now` is
 * the afternoon there; `start`/`end` are the day's bounds as UTC instants, written out by hand.
 */
const ZONES = [
  {
    timezone: 'Europe/Stockholm',
    now: new Date('2026-03-29T13:00:00Z'),
    start: new Date('2026-03-28T23:00:00Z'),
    end: new Date('2026-03-29T22:00:00Z'),
    thisMonth: '2026-03',
    nextMonth: '2026-04',
  },
  {
    timezone: 'America/New_York',
    now: new Date('2026-03-08T19:00:00Z'),
    start: new Date('2026-03-08T05:00:00Z'),
    end: new Date('2026-03-09T04:00:00Z'),
    thisMonth: '2026-03',
    nextMonth: '2026-04',
  },
] as const;

async function insertTask(
  orgId: string,
  templateId: string,
  row: Partial<typeof tasks.$inferInsert>,
): Promise<string> {
  const [created] = await db()
    .insert(tasks)
    .values({ orgId, type: 'call', templateId, ...row })
    .returning({ id: tasks.id });
  return created!.id;
}

async function home(client: TestOrg['owner']): Promise<Home> {
  return ok<Home>(client, 'GET', '/api/home');
}

async function listTotal(client: TestOrg['owner'], query: string): Promise<number> {
  return (await ok<TaskList>(client, 'GET', `/api/tasks?${query}&limit=1`)).total;
}

describe('GET /api/home: numbers in the club’s zone (S-6)', () => {
  for (const zone of ZONES) {
    it(`counts today’s work and results on the DST day in ${zone.timezone}`, async () => {
      clock.now = zone.now;
      const org = await createOrg(t.app, { timezone: zone.timezone });
      const fx = await seedTaskFixture(db(), org.orgId);
      const person = await insertPerson(db(), org.orgId);
      const me = org.ownerId;
      const task = (row: Partial<typeof tasks.$inferInsert>) =>
        insertTask(org.orgId, fx.call.id, { contactId: person.id, ...row });
      // Mine: two overdue (one from yesterday), two later today, one tomorrow, one without a time.
      await task({ assigneeId: me, dueAt: minutes(zone.start, -30) });
      const nextCall = await task({ assigneeId: me, dueAt: minutes(zone.start, -90) });
      await task({ assigneeId: me, dueAt: minutes(zone.now, 30) });
      await task({ assigneeId: me, dueAt: minutes(zone.end, -1) });
      await task({ assigneeId: me, dueAt: zone.end });
      await task({ assigneeId: me, dueAt: null });
      // Someone else's overdue task counts for the team, not for me.
      await task({ assigneeId: null, dueAt: minutes(zone.now, -5) });
      // Done: on both sides of the day's start and end.
      const done = (at: Date, resultId: string | null) =>
        task({ dueAt: at, completedAt: at, completedById: me, resultId });
      await done(minutes(zone.start, -1), fx.results.goingToBuy);
      await done(zone.start, fx.results.goingToBuy);
      await done(minutes(zone.start, 60), fx.results.goingToBuy);
      await done(minutes(zone.now, -1), fx.results.refusal);
      await done(minutes(zone.now, -2), null);
      // Persons created just before the day, at its start, and at its end (tomorrow).
      await insertPerson(db(), org.orgId, { createdAt: minutes(zone.start, -1) });
      await insertPerson(db(), org.orgId, { createdAt: zone.start });
      await insertPerson(db(), org.orgId, { createdAt: zone.end });

      // Another club's work never shows.
      const other = await createOrg(t.app, { timezone: zone.timezone });
      const otherFx = await seedTaskFixture(db(), other.orgId);
      await insertTask(other.orgId, otherFx.call.id, { dueAt: minutes(zone.now, -10) });
      await insertTask(other.orgId, otherFx.call.id, {
        completedAt: minutes(zone.now, -10),
        resultId: otherFx.results.refusal,
      });

      const h = await home(org.owner);
      const tz = zone.timezone;
      const now = zone.now;
      // Independent counts: the club's calendar day by `at time zone`, not by the app's bounds.
      const sqlCounts = await one(sql`select
          (select count(*) from tasks where org_id = ${org.orgId} and assignee_id = ${me}
            and completed_at is null and due_at < ${now}) as my_overdue,
          (select count(*) from tasks where org_id = ${org.orgId} and assignee_id = ${me}
            and completed_at is null and due_at >= ${now}
            and (due_at at time zone ${tz})::date = (${now}::timestamptz at time zone ${tz})::date)
            as my_today,
          (select count(*) from tasks where org_id = ${org.orgId} and completed_at is null
            and due_at < ${now}) as team_overdue,
          (select count(*) from tasks where org_id = ${org.orgId} and completed_at is not null
            and (completed_at at time zone ${tz})::date = (${now}::timestamptz at time zone ${tz})::date)
            as done_today,
          (select count(*) from tasks where org_id = ${org.orgId} and result_id = ${fx.results.goingToBuy}
            and (completed_at at time zone ${tz})::date = (${now}::timestamptz at time zone ${tz})::date)
            as going_to_buy,
          (select count(*) from contacts where org_id = ${org.orgId} and kind = 'person'
            and deleted_at is null
            and (created_at at time zone ${tz})::date = (${now}::timestamptz at time zone ${tz})::date)
            as new_persons`);
      expect(h.today).toBe(zone.now.toISOString().slice(0, 10));
      expect(h.my?.overdue).toBe(n(sqlCounts.my_overdue));
      expect(h.my?.overdue).toBe(2);
      expect(h.my?.today).toBe(n(sqlCounts.my_today));
      expect(h.my?.today).toBe(2);
      expect(h.my?.next[0]?.id).toBe(nextCall);
      expect(h.my?.next[0]?.overdue).toBe(true);
      expect(h.my?.next[0]?.contact?.id).toBe(person.id);
      expect(h.team?.overdue).toBe(n(sqlCounts.team_overdue));
      expect(h.team?.overdue).toBe(3);
      expect(h.team?.doneToday).toBe(n(sqlCounts.done_today));
      expect(h.team?.doneToday).toBe(4);
      const byResult = new Map(h.team?.results.map((r) => [r.id, r.count]));
      expect(byResult.get(fx.results.goingToBuy)).toBe(n(sqlCounts.going_to_buy));
      expect(byResult.get(fx.results.goingToBuy)).toBe(2);
      expect(byResult.get(fx.results.refusal)).toBe(1);
      expect(byResult.get(null)).toBe(1);
      expect(h.team?.newLeads).toBe(n(sqlCounts.new_persons));
      expect(h.team?.newLeads).toBe(1);

      // Each number is what the list it links to counts.
      const today = h.today;
      expect(await listTotal(org.owner, 'state=overdue&assigneeId=me')).toBe(h.my?.overdue);
      expect(await listTotal(org.owner, 'state=today&assigneeId=me')).toBe(h.my?.today);
      expect(await listTotal(org.owner, 'state=overdue')).toBe(h.team?.overdue);
      expect(await listTotal(org.owner, `state=done&doneFrom=${today}`)).toBe(h.team?.doneToday);
      for (const r of h.team?.results ?? []) {
        const filter = r.id ? `resultId=${r.id}` : 'noResult=true';
        expect(await listTotal(org.owner, `state=done&doneFrom=${today}&${filter}`)).toBe(r.count);
      }
      const persons = await ok<PersonList>(
        org.owner,
        'GET',
        `/api/persons?createdFrom=${today}&createdTo=${today}&count=true&limit=1`,
      );
      expect(persons.total).toBe(h.team?.newLeads);
    });
  }
});

describe('GET /api/home: new leads waiting for a first contact', () => {
  it('counts persons with an unanswered lead form, as the persons list’s `waiting` filter', async () => {
    clock.now = ZONES[0].now;
    const org = await createOrg(t.app);
    const formId = randomUUID();
    const submit = async (contactId: string, at: Date, answered: boolean) =>
      db()
        .insert(leadFormSubmissions)
        .values({
          orgId: org.orgId,
          formId,
          contactId,
          locale: 'en',
          data: {},
          submittedAt: at,
          firstContactAt: answered ? minutes(at, 5) : null,
        });
    const waitingLong = await insertPerson(db(), org.orgId, { displayName: 'Waited Long' });
    const waitingShort = await insertPerson(db(), org.orgId, { displayName: 'Waited Short' });
    const answered = await insertPerson(db(), org.orgId, { displayName: 'Answered' });
    const deleted = await insertPerson(db(), org.orgId, { deletedAt: clock.now });
    await submit(waitingLong.id, minutes(clock.now, -300), false);
    await submit(waitingLong.id, minutes(clock.now, -10), false);
    await submit(waitingShort.id, minutes(clock.now, -20), false);
    await submit(answered.id, minutes(clock.now, -60), true);
    await submit(deleted.id, minutes(clock.now, -60), false);
    const other = await createOrg(t.app);
    const theirs = await insertPerson(db(), other.orgId);
    await db().insert(leadFormSubmissions).values({
      orgId: other.orgId,
      formId,
      contactId: theirs.id,
      locale: 'en',
      data: {},
      submittedAt: clock.now,
    });

    const h = await home(org.owner);
    expect(h.my?.waitingLeads).toBe(2);
    expect(h.my?.waiting.map((w) => [w.id, w.waitingSince])).toEqual([
      [waitingLong.id, minutes(clock.now, -300).toISOString()],
      [waitingShort.id, minutes(clock.now, -20).toISOString()],
    ]);
    const list = await ok<PersonList>(org.owner, 'GET', '/api/persons?waiting=true&count=true');
    expect(list.total).toBe(h.my?.waitingLeads);
    expect(list.items.map((p) => p.id).sort()).toEqual([waitingLong.id, waitingShort.id].sort());
    const theirList = await ok<PersonList>(
      other.owner,
      'GET',
      '/api/persons?waiting=true&count=true',
    );
    expect(theirList.items.map((p) => p.id)).toEqual([theirs.id]);
  });
});

describe('GET /api/home: trial classes today', () => {
  it('lists the trial bookings that start today in the club’s zone, not cancelled ones', async () => {
    const zone = ZONES[1];
    clock.now = zone.now;
    const org = await createOrg(t.app, { timezone: zone.timezone });
    const person = await insertPerson(db(), org.orgId, { displayName: 'Tia Trial' });
    const [source] = await db()
      .insert(eventSources)
      .values({ orgId: org.orgId, name: 'Club system', kind: 'generic', secretSealed: 'x' })
      .returning();
    const booking = (id: string, startsAt: Date, extra: Record<string, unknown> = {}) =>
      db()
        .insert(memberRecords)
        .values({
          orgId: org.orgId,
          sourceId: source!.id,
          kind: 'booking',
          externalId: id,
          contactId: person.id,
          occurredAt: minutes(zone.start, -600),
          data: {
            externalId: id,
            className: 'Spinning',
            startsAt,
            trial: true,
            state: 'booked',
            ...extra,
          },
        });
    await booking('today-early', zone.start);
    await booking('today-late', minutes(zone.end, -1));
    await booking('yesterday', minutes(zone.start, -1));
    await booking('tomorrow', zone.end);
    await booking('cancelled', minutes(zone.now, 60), { state: 'cancelled' });
    await booking('not-trial', minutes(zone.now, 60), { trial: false });

    const h = await home(org.owner);
    const expected = await one(sql`select count(*) as n from member_records
      where org_id = ${org.orgId} and kind = 'booking' and data->>'trial' = 'true'
        and data->>'state' = 'booked'
        and ((data->>'startsAt')::timestamptz at time zone ${zone.timezone})::date
          = (${zone.now}::timestamptz at time zone ${zone.timezone})::date`);
    expect(h.team?.trials).toBe(n(expected.n));
    expect(h.team?.trials).toBe(2);
    expect(h.team?.trialList.map((x) => [x.contact?.name, x.startsAt])).toEqual([
      ['Tia Trial', zone.start.toISOString()],
      ['Tia Trial', minutes(zone.end, -1).toISOString()],
    ]);
    const other = await createOrg(t.app, { timezone: zone.timezone });
    expect((await home(other.owner)).team?.trials).toBe(0);
  });
});

describe('GET /api/home: the pipeline (owners, admins, managers)', () => {
  for (const zone of ZONES) {
    it(`sums open, weighted and this/next month’s deals in ${zone.timezone}`, async () => {
      clock.now = zone.now;
      const org = await createOrg(t.app, { timezone: zone.timezone });
      const person = await insertPerson(db(), org.orgId);
      const [pipeline] = await db()
        .select()
        .from(pipelines)
        .where(sql`${pipelines.orgId} = ${org.orgId}`)
        .limit(1);
      const stages = await db()
        .select()
        .from(dealStages)
        .where(
          sql`${dealStages.orgId} = ${org.orgId} and ${dealStages.pipelineId} = ${pipeline!.id}`,
        );
      const open = stages.find((s) => s.state === 'open')!;
      const won = stages.find((s) => s.state === 'won')!;
      const deal = (row: Partial<typeof deals.$inferInsert>) =>
        db()
          .insert(deals)
          .values({
            orgId: org.orgId,
            title: 'Deal',
            personId: person.id,
            currency: 'SEK',
            pipelineId: pipeline!.id,
            stageId: open.id,
            probability: 50,
            ...row,
          });
      await deal({ amount: 1000_00, expectedCloseDate: `${zone.thisMonth}-31` });
      await deal({ amount: 3333, probability: 33, expectedCloseDate: `${zone.thisMonth}-01` });
      await deal({ amount: 2000_00, probability: 20, expectedCloseDate: `${zone.nextMonth}-01` });
      await deal({ amount: 500_00, expectedCloseDate: null });
      await deal({ amount: 700_00, currency: 'EUR', expectedCloseDate: `${zone.thisMonth}-15` });
      // Won this month (in the club's calendar), and won just before it began.
      const startOfMonth = await one(
        sql`select extract(epoch from date_trunc('month', ${zone.now}::timestamptz at time zone ${zone.timezone})
          at time zone ${zone.timezone}) * 1000 as at`,
      );
      const monthStart = new Date(Number(startOfMonth.at));
      await deal({ amount: 400_00, stageId: won.id, closedAt: monthStart, probability: 100 });
      await deal({
        amount: 900_00,
        stageId: won.id,
        closedAt: minutes(monthStart, -1),
        probability: 100,
      });

      const h = await home(org.owner);
      expect(h.pipeline?.thisMonth).toBe(zone.thisMonth);
      const sek = h.pipeline?.money[0];
      expect(sek?.currency).toBe('SEK');
      const expected = await one(sql`select
          sum(amount) filter (where closed_at is null and currency = 'SEK') as open,
          round(sum(amount::numeric * probability / 100) filter (where closed_at is null and currency = 'SEK')) as weighted,
          round(sum(amount::numeric * probability / 100) filter (where closed_at is null and currency = 'SEK'
            and to_char(expected_close_date, 'YYYY-MM') = ${zone.thisMonth})) as this_month,
          round(sum(amount::numeric * probability / 100) filter (where closed_at is null and currency = 'SEK'
            and to_char(expected_close_date, 'YYYY-MM') = ${zone.nextMonth})) as next_month,
          sum(amount) filter (where closed_at is not null and currency = 'SEK'
            and to_char(closed_at at time zone ${zone.timezone}, 'YYYY-MM') = ${zone.thisMonth}) as won
        from deals where org_id = ${org.orgId}`);
      expect(sek?.open).toBe(n(expected.open));
      expect(sek?.openCount).toBe(4);
      expect(sek?.weighted).toBe(n(expected.weighted));
      expect(sek?.thisMonth).toBe(n(expected.this_month));
      expect(sek?.thisMonth).toBe(500_00 + 1100);
      expect(sek?.nextMonth).toBe(n(expected.next_month));
      expect(sek?.wonThisMonth).toBe(n(expected.won));
      expect(sek?.wonThisMonth).toBe(400_00);
      expect(h.pipeline?.money[1]).toMatchObject({ currency: 'EUR', thisMonth: 350_00 });

      // The deals list it links to lists the same deals.
      const listed = await ok<{ items: unknown[] }>(
        org.owner,
        'GET',
        `/api/deals?closeMonth=${zone.thisMonth}&limit=50`,
      );
      expect(listed.items).toHaveLength(3);
    });
  }
});

/** The reports the role setting opens (each helper's route, once it is there). */
const REPORT_PATHS = [
  '/api/reports/crm',
  '/api/reports/funnel',
  '/api/reports/lead-sources',
  '/api/reports/forecast',
  '/api/reports/retention',
];

describe('GET /api/home: who sees which block, and the report roles setting', () => {
  it('gives reception its own work only until the club lets reception see reports', async () => {
    clock.now = ZONES[0].now;
    const org = await createOrg(t.app);
    const reception = await createStaff(t.app, org, 'reception');
    const manager = await createStaff(t.app, org, 'manager');
    const instructor = await createStaff(t.app, org, 'instructor');

    const owners = await home(org.owner);
    expect(Object.keys(owners).sort()).toEqual(['my', 'pipeline', 'team', 'timezone', 'today']);
    const managers = await home(manager.client);
    expect(managers.team).toBeDefined();
    expect(managers.pipeline).toBeDefined();
    const desk = await home(reception.client);
    expect(desk.my).toBeDefined();
    expect(desk.team).toBeUndefined();
    expect(desk.pipeline).toBeUndefined();
    const reportRoutes = REPORT_PATHS.filter((url) => t.app.hasRoute({ method: 'GET', url }));
    for (const url of reportRoutes) {
      expect({ url, status: (await reception.client.request('GET', url)).statusCode }).toEqual({
        url,
        status: 403,
      });
    }
    const teacher = await home(instructor.client);
    expect(Object.keys(teacher).sort()).toEqual(['timezone', 'today']);

    // Owners, admins and managers see the reports anyway: the setting lists only the others.
    const settings = await ok<CrmSettings>(org.owner, 'GET', '/api/settings/crm');
    expect(settings.reportRoles).toEqual([]);
    const refused = await org.owner.request('PATCH', '/api/settings/crm', {
      reportRoles: ['manager'],
      version: settings.version,
    });
    expect(refused.statusCode).toBe(400);
    const denied = await reception.client.request('PATCH', '/api/settings/crm', {
      reportRoles: ['reception'],
      version: settings.version,
    });
    expect(denied.statusCode).toBe(403);
    const saved = await ok<CrmSettings>(org.owner, 'PATCH', '/api/settings/crm', {
      reportRoles: ['reception'],
      version: settings.version,
    });
    expect(saved.reportRoles).toEqual(['reception']);

    const allowed = await home(reception.client);
    expect(allowed.team).toBeDefined();
    expect(allowed.pipeline).toBeDefined();
    for (const url of reportRoutes) {
      expect({ url, status: (await reception.client.request('GET', url)).statusCode }).toEqual({
        url,
        status: 200,
      });
    }
    const me = await ok<Me>(reception.client, 'GET', '/api/me');
    expect(me.permissions).toContain('reports.read');
    // Sales were not let in.
    const sales = await createStaff(t.app, org, 'sales');
    expect((await home(sales.client)).team).toBeUndefined();

    // And out again.
    await ok<CrmSettings>(org.owner, 'PATCH', '/api/settings/crm', {
      reportRoles: [],
      version: saved.version,
    });
    expect((await home(reception.client)).team).toBeUndefined();
  });

  it('is for signed-in staff only', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/home' });
    expect(res.statusCode).toBe(401);
  });
});
