import type {
  EventSource,
  RetentionCallRoundResult,
  RetentionPage,
  RetentionRow,
} from '@spotter/contracts';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createStaff, ok, type Client, type TestOrg } from '../../../test/test-app.ts';
import { insertBranch } from '../branches/index.ts';
import { memberRecords } from '../club-events/index.ts';
import { startOfClubDay } from '../../lib/club-time.ts';
import { insertPerson } from '../tasks/tasks.fixtures.ts';
import { createTaskAs, taskOrg, useTaskTestApp } from '../tasks/tasks.test-setup.ts';
import { addDays } from './retention.service.ts';

const { t, clock } = useTaskTestApp();

/** Friday 10 April 2026: the recent four weeks start on 14 March, the four before on 14 February. */
const NOW = new Date('2026-04-10T10:00:00Z');
const TODAY = '2026-04-10';
const RECENT_FROM = '2026-03-14';
const BEFORE_FROM = '2026-02-14';

async function sourceOf(org: TestOrg) {
  const { source } = await ok<{ source: EventSource }>(org.owner, 'POST', '/api/event-sources', {
    name: 'Club system',
    kind: 'booking',
  });
  return source.id;
}

async function walk(client: Client, query: string, limit = 2): Promise<RetentionRow[]> {
  const rows: RetentionRow[] = [];
  let cursor: string | null = null;
  do {
    const page: RetentionPage = await ok<RetentionPage>(
      client,
      'GET',
      `/api/reports/retention?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(page.items.length).toBeLessThanOrEqual(limit);
    rows.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

/**
 * A club's members: check-ins on both sides of the recent window's first midnight (which
 * falls after Europe's and the US's spring clock change), and contracts ending soon or later.
 */
async function scenario(timezone: string) {
  clock.now = NOW;
  const { org, fx, db } = await taskOrg(t, { timezone });
  const sourceId = await sourceOf(org);
  const branch = await insertBranch(db, org.orgId, 'South');
  let n = 0;
  const person = async (name: string, branchId: string | null = null) =>
    (await insertPerson(db, org.orgId, { displayName: name, branchId })).id;
  const recentStart = startOfClubDay(RECENT_FROM, timezone).getTime();
  const visits = async (contactId: string, offsetsMinutes: number[]) => {
    for (const m of offsetsMinutes) {
      await db.insert(memberRecords).values({
        orgId: org.orgId,
        sourceId,
        kind: 'visit',
        externalId: `v-${++n}`,
        contactId,
        occurredAt: new Date(recentStart + m * 60_000),
        data: {},
      });
    }
  };
  const contract = async (contactId: string, endsOn: string | null, state = 'active') => {
    await db.insert(memberRecords).values({
      orgId: org.orgId,
      sourceId,
      kind: 'contract',
      externalId: `c-${++n}`,
      contactId,
      occurredAt: NOW,
      data: { kind: 'fixed_term', service: 'Gym', state, ...(endsOn && { endsOn }) },
    });
  };
  const day = 24 * 60;
  const p = {
    anna: await person('Anna Andersson'),
    bo: await person('Bo Berg'),
    cecilia: await person('Cecilia Carlsson', branch.id),
    david: await person('David Dahl'),
    eva: await person('Eva Ek'),
    filip: await person('Filip Fors'),
    gustav: await person('Gustav Gran'),
    hanna: await person('Hanna Holm'),
    ivar: await person('Ivar Isaksson'),
  };
  // 8 → 2
  await visits(p.anna, [
    -20 * day,
    -18 * day,
    -15 * day,
    -12 * day,
    -9 * day,
    -6 * day,
    -3 * day,
    -2 * day,
    5 * day,
    20 * day,
  ]);
  // 4 → 3: not a drop
  await visits(p.bo, [-20 * day, -15 * day, -10 * day, -5 * day, 1 * day, 10 * day, 20 * day]);
  // 2 → 1 right at the boundary: a minute before the recent window's first midnight, and at it.
  await visits(p.cecilia, [-10 * day, -1, 0]);
  // Visits older than eight weeks do not count: 0 → 0.
  await visits(p.gustav, [-40 * day, -35 * day]);
  await contract(p.david, addDays(TODAY, 10));
  await contract(p.eva, addDays(TODAY, 10));
  await contract(p.eva, addDays(TODAY, 200));
  await contract(p.filip, addDays(TODAY, 5));
  await contract(p.gustav, addDays(TODAY, 40));
  await contract(p.hanna, addDays(TODAY, 3), 'ended');
  await contract(p.ivar, addDays(TODAY, 20));
  await visits(p.ivar, [-10 * day, -9 * day, -8 * day]);
  // Filip already has a renewal call, Anna a call too.
  for (const contactId of [p.filip, p.anna]) {
    await createTaskAs(org.owner, {
      templateId: fx.call.id,
      contactId,
      dueAt: '2026-04-11T08:00:00Z',
    });
  }
  return { org, fx, db, p, branch };
}

/** The visit counts straight from the table, the windows computed by PostgreSQL itself. */
async function visitTruth(orgId: string, timezone: string) {
  const result = await t.database.db.execute(sql`
    with w as (
      select (${RECENT_FROM}::date::timestamp at time zone ${timezone}) as recent_from,
        (${BEFORE_FROM}::date::timestamp at time zone ${timezone}) as before_from,
        ((${TODAY}::date + 1)::timestamp at time zone ${timezone}) as until
    )
    select contact_id::text as id,
      count(*) filter (where occurred_at >= w.recent_from)::int as recent,
      count(*) filter (where occurred_at < w.recent_from)::int as before
    from member_records, w
    where org_id = ${orgId}::uuid and kind = 'visit'
      and occurred_at >= w.before_from and occurred_at < w.until
    group by contact_id`);
  const rows = (
    result as unknown as { rows: Array<{ id: string; recent: number; before: number }> }
  ).rows;
  return new Map(rows.map((r) => [r.id, { recent: r.recent, before: r.before }]));
}

describe('the retention list', () => {
  for (const timezone of ['Europe/Stockholm', 'America/New_York']) {
    it(`lists dropped visits and contracts ending without a call, as SQL counts them (${timezone})`, async () => {
      const { org, p, branch } = await scenario(timezone);
      const rows = await walk(org.owner, 'days=30');
      const byId = new Map(rows.map((r) => [r.personId, r]));
      expect(rows.map((r) => r.name)).toEqual([
        'Anna Andersson',
        'Cecilia Carlsson',
        'David Dahl',
        'Ivar Isaksson',
      ]);
      const truth = await visitTruth(org.orgId, timezone);
      for (const r of rows) {
        const v = truth.get(r.personId) ?? { recent: 0, before: 0 };
        expect({ id: r.personId, recent: r.visitsRecent, before: r.visitsBefore }).toEqual({
          id: r.personId,
          recent: r.reasons.includes('visits_dropped') ? v.recent : 0,
          before: r.reasons.includes('visits_dropped') ? v.before : 0,
        });
        if (r.reasons.includes('visits_dropped')) {
          expect(v.before).toBeGreaterThanOrEqual(2);
          expect(v.recent * 2).toBeLessThanOrEqual(v.before);
        }
      }
      expect(byId.get(p.anna)).toMatchObject({
        reasons: ['visits_dropped'],
        visitsBefore: 8,
        visitsRecent: 2,
        contractEndsOn: null,
        hasOpenTask: true,
      });
      expect(byId.get(p.cecilia)).toMatchObject({
        reasons: ['visits_dropped'],
        visitsBefore: 2,
        visitsRecent: 1,
        branchId: branch.id,
      });
      expect(byId.get(p.david)).toMatchObject({
        reasons: ['contract_ending'],
        contractEndsOn: '2026-04-20',
        hasOpenTask: false,
      });
      expect(byId.get(p.ivar)).toMatchObject({
        reasons: ['visits_dropped', 'contract_ending'],
        visitsBefore: 3,
        visitsRecent: 0,
        contractEndsOn: '2026-04-30',
      });
      // Bo (4 → 3), Eva (renewed), Filip (call open), Gustav (ends later), Hanna (ended): out.
      const longer = await walk(org.owner, 'days=60&reason=contract_ending');
      expect(longer.map((r) => r.name)).toEqual(['David Dahl', 'Gustav Gran', 'Ivar Isaksson']);
      const south = await walk(org.owner, `branchId=${branch.id}`);
      expect(south.map((r) => r.personId)).toEqual([p.cecilia]);
      const page = await ok<RetentionPage>(org.owner, 'GET', '/api/reports/retention?limit=1');
      expect(page).toMatchObject({
        today: TODAY,
        recentFrom: RECENT_FROM,
        beforeFrom: BEFORE_FROM,
      });
    });
  }

  it('starts one call round: one call per listed person, none for those with an open call', async () => {
    const { org, fx, db, p } = await scenario('Europe/Stockholm');
    const first = await ok<RetentionCallRoundResult>(
      org.owner,
      'POST',
      '/api/reports/retention/call-round',
      { days: 30, comment: 'How are you getting on?' },
    );
    // Anna already has a call: Cecilia, David and Ivar get one.
    expect(first).toMatchObject({ created: 3, skipped: 1 });
    expect(first.roundId).not.toBeNull();
    const openCalls = async () => {
      const result = await db.execute(sql`
        select contact_id::text as id, count(*)::int as n from tasks
        where org_id = ${org.orgId}::uuid and completed_at is null and contact_id is not null
        group by contact_id`);
      return Object.fromEntries(
        (result as unknown as { rows: Array<{ id: string; n: number }> }).rows.map((r) => [
          r.id,
          r.n,
        ]),
      );
    };
    expect(await openCalls()).toEqual({
      [p.anna]: 1,
      [p.filip]: 1,
      [p.cecilia]: 1,
      [p.david]: 1,
      [p.ivar]: 1,
    });
    const calls = (await db.execute(sql`select template_id::text as template, comment from tasks
        where org_id = ${org.orgId}::uuid and parent_id = ${first.roundId}::uuid`)) as unknown as {
      rows: Array<{ template: string; comment: string }>;
    };
    expect(calls.rows).toHaveLength(3);
    expect(calls.rows.every((c) => c.comment === 'How are you getting on?')).toBe(true);

    // Asked again, nobody gets a second open call.
    const again = await ok<RetentionCallRoundResult>(
      org.owner,
      'POST',
      '/api/reports/retention/call-round',
      { days: 30 },
    );
    expect(again).toEqual({ roundId: null, created: 0, skipped: 3 });
    // David's contract now has its call: he leaves the list; the visits reasons stay, marked.
    const rows = await walk(org.owner, 'days=30');
    expect(rows.map((r) => [r.name, r.hasOpenTask])).toEqual([
      ['Anna Andersson', true],
      ['Cecilia Carlsson', true],
      ['Ivar Isaksson', true],
    ]);
    expect(rows.find((r) => r.personId === p.ivar)?.reasons).toEqual(['visits_dropped']);

    // Selected persons only, with a named round template: Bo is not on the list, so no call.
    await db.execute(sql`update tasks set completed_at = now()
      where org_id = ${org.orgId}::uuid and contact_id = ${p.cecilia}::uuid`);
    const picked = await ok<RetentionCallRoundResult>(
      org.owner,
      'POST',
      '/api/reports/retention/call-round',
      { personIds: [p.cecilia, p.bo, p.anna], templateId: fx.round.id },
    );
    expect(picked).toMatchObject({ created: 1, skipped: 1 });
    expect((await openCalls())[p.cecilia]).toBe(1);
    expect((await openCalls())[p.bo]).toBeUndefined();
  });

  it('answers 403 without reports.read and shows or calls nobody of another club', async () => {
    const { org, p } = await scenario('Europe/Stockholm');
    const reception = await createStaff(t.app, org, 'reception');
    const sales = await createStaff(t.app, org, 'sales');
    for (const client of [reception.client, sales.client]) {
      expect((await client.request('GET', '/api/reports/retention')).statusCode).toBe(403);
      const round = await client.request('POST', '/api/reports/retention/call-round', {
        personIds: [p.david],
      });
      expect(round.statusCode).toBe(403);
    }
    const other = await taskOrg(t, { timezone: 'Europe/Stockholm' });
    expect((await walk(other.org.owner, 'days=30')).length).toBe(0);
    const theirs = await ok<RetentionCallRoundResult>(
      other.org.owner,
      'POST',
      '/api/reports/retention/call-round',
      { personIds: [p.david, p.cecilia] },
    );
    expect(theirs).toEqual({ roundId: null, created: 0, skipped: 0 });
    const tasks = (await t.database.db.execute(sql`select count(*)::int as n from tasks
      where org_id = ${org.orgId}::uuid and contact_id = ${p.david}::uuid`)) as unknown as {
      rows: Array<{ n: number }>;
    };
    expect(tasks.rows[0]!.n).toBe(0);
    const bad = await org.owner.request('GET', '/api/reports/retention?cursor=nonsense');
    expect(bad.statusCode).toBe(400);
  });
});
