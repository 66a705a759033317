import type { Deal, ForecastReport } from '@spotter/contracts';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createOrg, createStaff, ok } from '../../../test/test-app.ts';
import {
  createDealAs,
  createPerson,
  dealsOrg,
  insertGroup,
  useDealsTestApp,
} from '../deals/deals.test-setup.ts';
import { backfillCloseProbability } from '../deals/deals.repo.ts';

const { t, clock } = useDealsTestApp(new Date('2026-03-10T10:00:00Z'));

const RANGE = 'fromMonth=2026-02&toMonth=2026-05';

/** The numbers straight from the tables, written independently of the report's statement. */
async function sqlTruth(orgId: string, timezone: string) {
  const db = t.database.db;
  const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;
  const won = rows<{ m: string; n: number; amount: string }>(
    await db.execute(sql`
      select to_char(d.closed_at at time zone ${timezone}, 'YYYY-MM') as m, count(*)::int as n,
        sum(d.amount)::text as amount
      from deals d join deal_stages s on s.org_id = d.org_id and s.id = d.stage_id
      where d.org_id = ${orgId}::uuid and s.state = 'won'
        and d.closed_at >= (timestamp '2026-02-01 00:00' at time zone ${timezone})
        and d.closed_at < (timestamp '2026-06-01 00:00' at time zone ${timezone})
      group by 1`),
  );
  const open = rows<{ m: string; n: number; amount: string; weighted: string }>(
    await db.execute(sql`
      select to_char(expected_close_date, 'YYYY-MM') as m, count(*)::int as n,
        sum(amount)::text as amount, round(sum(amount * probability) / 100.0)::text as weighted
      from deals where org_id = ${orgId}::uuid and closed_at is null
        and expected_close_date >= '2026-02-01' and expected_close_date < '2026-06-01'
      group by 1`),
  );
  const forecast = rows<{ m: string; f: string }>(
    await db.execute(sql`
      with last_close as (
        select distinct on (deal_id) deal_id, (data->>'fromStageId')::uuid as stage_id
        from deal_history where org_id = ${orgId}::uuid and event in ('won', 'lost')
        order by deal_id, created_at desc, id desc
      )
      select to_char(d.expected_close_date, 'YYYY-MM') as m,
        round(sum(d.amount * case when d.closed_at is null then d.probability
          else coalesce(d.close_probability, s.probability, d.probability) end) / 100.0)::text as f
      from deals d left join last_close l on l.deal_id = d.id
        left join deal_stages s on s.org_id = d.org_id and s.id = l.stage_id
      where d.org_id = ${orgId}::uuid
        and d.expected_close_date >= '2026-02-01' and d.expected_close_date < '2026-06-01'
      group by 1`),
  );
  const months = ['2026-02', '2026-03', '2026-04', '2026-05'];
  return months.map((m) => {
    const w = won.find((r) => r.m === m);
    const o = open.find((r) => r.m === m);
    const f = forecast.find((r) => r.m === m);
    return {
      key: m,
      label: m,
      openCount: o?.n ?? 0,
      openAmount: Number(o?.amount ?? 0),
      openWeighted: Number(o?.weighted ?? 0),
      forecast: Number(f?.f ?? 0),
      wonCount: w?.n ?? 0,
      wonAmount: Number(w?.amount ?? 0),
    };
  });
}

/**
 * A club's deals around the end of March, when Europe (29 March) and the US (8 March) have
 * moved their clocks: deals won at instants whose club month depends on the zone's offset.
 */
async function scenario(timezone: string) {
  clock.now = new Date('2026-03-10T10:00:00Z');
  const setup = await dealsOrg(t, 'en', timezone);
  const { org, open, won, lost, lostReasons } = setup;
  const person = await createPerson(org.owner);
  const deal = (body: Partial<Parameters<typeof createDealAs>[1]>) =>
    createDealAs(org.owner, { title: 'Deal', personId: person.id, ...body });
  const at = async (iso: string, d: Deal, stageId: string, extra: object = {}) => {
    clock.now = new Date(iso);
    return ok<Deal>(org.owner, 'POST', `/api/deals/${d.id}/move`, {
      stageId,
      version: d.version,
      ...extra,
    });
  };
  await deal({ amount: 100_000, expectedCloseDate: '2026-03-31', stageId: open[1]!.id });
  await deal({ amount: 50_000, expectedCloseDate: '2026-04-01', probabilityOverride: 40 });
  await deal({ amount: 70_000, expectedCloseDate: '2026-05-31', stageId: open[0]!.id });
  await deal({ amount: 999_000, expectedCloseDate: '2025-12-01' });
  await deal({ amount: 888_000, expectedCloseDate: null });
  const c = await deal({ amount: 200_000, expectedCloseDate: '2026-03-15', stageId: open[2]!.id });
  const d = await deal({ amount: 30_000, expectedCloseDate: '2026-04-10', stageId: open[1]!.id });
  const e = await deal({ amount: 10_000, expectedCloseDate: '2026-02-20', stageId: open[0]!.id });
  const f = await deal({ amount: 60_000, expectedCloseDate: '2026-03-20', stageId: open[0]!.id });
  const g = await deal({
    amount: 40_000,
    expectedCloseDate: '2026-05-20',
    probabilityOverride: 25,
  });
  // 22:30 UTC on 31 March: 00:30 on 1 April in Stockholm (summer time), still March in New York.
  await at('2026-03-31T22:30:00Z', c, won.id);
  // 04:30 UTC on 1 April: 00:30 in New York on summer time (23:30 on 31 March on winter time).
  await at('2026-04-01T04:30:00Z', d, won.id);
  // 23:30 UTC on 28 February: 1 March in Stockholm, February in New York.
  await at('2026-02-28T23:30:00Z', e, won.id);
  await at('2026-03-12T12:00:00Z', f, lost.id, { lostReasonId: lostReasons[0]!.id });
  await at('2026-05-02T12:00:00Z', g, won.id);
  clock.now = new Date('2026-03-10T10:00:00Z');
  return { ...setup, person, amounts: { c: 200_000, d: 30_000, e: 10_000 }, open };
}

describe('the forecast report (S-3)', () => {
  for (const [timezone, wonByMonth] of [
    ['Europe/Stockholm', { '2026-03': 10_000, '2026-04': 230_000, '2026-05': 40_000 }],
    [
      'America/New_York',
      { '2026-02': 10_000, '2026-03': 200_000, '2026-04': 30_000, '2026-05': 40_000 },
    ],
  ] as const) {
    it(`equals independent SQL by month in ${timezone}, across the daylight-saving change`, async () => {
      const { org, open } = await scenario(timezone);
      const report = await ok<ForecastReport>(org.owner, 'GET', `/api/reports/forecast?${RANGE}`);
      expect(report).toMatchObject({
        fromMonth: '2026-02',
        toMonth: '2026-05',
        currentMonth: '2026-03',
        currency: 'SEK',
        by: 'month',
      });
      expect(report.rows).toEqual(await sqlTruth(org.orgId, timezone));
      // By hand: the won deals land in the club's month of the moment they were won.
      const wonSeen = Object.fromEntries(
        report.rows.filter((r) => r.wonAmount > 0).map((r) => [r.key, r.wonAmount]),
      );
      expect(wonSeen).toEqual(wonByMonth);
      // March's forecast: the open deal at its stage, the won one and the lost one at the
      // stage each left when it closed.
      const march = report.rows.find((r) => r.key === '2026-03')!;
      const p = open.map((s) => s.probability);
      expect(march.forecast).toBe(
        Math.round((100_000 * p[1]! + 200_000 * p[2]! + 60_000 * p[0]!) / 100),
      );
      expect(march.openWeighted).toBe(Math.round((100_000 * p[1]!) / 100));
      expect(report.rows.find((r) => r.key === '2026-04')!.openWeighted).toBe(20_000);
      // A deal won with its own probability (25 %) is forecast at that, not at 100 %.
      expect(report.rows.find((r) => r.key === '2026-05')!.forecast).toBe(
        Math.round((70_000 * p[0]!) / 100) + 10_000,
      );
      // Deals closed before their close probability was kept get it from their history.
      await t.database.db.execute(
        sql`update deals set close_probability = null where org_id = ${org.orgId}::uuid`,
      );
      await backfillCloseProbability(t.database.db);
      const legacy = await ok<ForecastReport>(org.owner, 'GET', `/api/reports/forecast?${RANGE}`);
      expect(legacy.rows.find((r) => r.key === '2026-03')!.forecast).toBe(march.forecast);
      expect(legacy.rows).toEqual(await sqlTruth(org.orgId, timezone));
      const sum = (k: 'forecast' | 'wonAmount' | 'openWeighted') =>
        report.rows.reduce((s, r) => s + r[k], 0);
      expect(report.totals.forecast).toBe(sum('forecast'));
      expect(report.totals.wonAmount).toBe(sum('wonAmount'));
      expect(report.totals.openWeighted).toBe(sum('openWeighted'));
    });
  }

  it('cuts by owner and by group, filters like the deals list and respects who sees what', async () => {
    const { org, person, open } = await scenario('Europe/Stockholm');
    const db = t.database.db;
    const manager = await createStaff(t.app, org, 'manager');
    const seller = await createStaff(t.app, org, 'sales');
    const team = await insertGroup(db, org.orgId, {
      name: 'Team A',
      members: [
        { userId: manager.id, role: 'manager' },
        { userId: seller.id, role: 'member' },
      ],
    });
    await createDealAs(org.owner, {
      title: 'Team deal',
      personId: person.id,
      amount: 40_000,
      expectedCloseDate: '2026-04-15',
      ownerId: seller.id,
      groupId: team,
      stageId: open[0]!.id,
    });
    const weighted = Math.round((40_000 * open[0]!.probability) / 100);

    const byOwner = await ok<ForecastReport>(
      org.owner,
      'GET',
      `/api/reports/forecast?${RANGE}&by=owner`,
    );
    const ownerTruth = (
      (await db.execute(sql`
        select owner_id::text as k, round(sum(amount * probability) / 100.0)::text as w
        from deals where org_id = ${org.orgId}::uuid and closed_at is null
          and expected_close_date between '2026-02-01' and '2026-05-31'
        group by 1`)) as unknown as { rows: Array<{ k: string; w: string }> }
    ).rows;
    expect(
      Object.fromEntries(
        byOwner.rows.filter((r) => r.openCount > 0).map((r) => [r.key, r.openWeighted]),
      ),
    ).toEqual(Object.fromEntries(ownerTruth.map((r) => [r.k, Number(r.w)])));
    expect(byOwner.rows.find((r) => r.key === seller.id)?.label).toBe('sales person');

    const byGroup = await ok<ForecastReport>(
      org.owner,
      'GET',
      `/api/reports/forecast?${RANGE}&by=group`,
    );
    expect(byGroup.rows.find((r) => r.key === team)).toMatchObject({
      label: 'Team A',
      openCount: 1,
      openWeighted: weighted,
    });
    // Deals without a group come last, under no key.
    expect(byGroup.rows.at(-1)?.key).toBeNull();

    const filtered = await ok<ForecastReport>(
      org.owner,
      'GET',
      `/api/reports/forecast?${RANGE}&ownerId=${seller.id}`,
    );
    expect(filtered.totals).toMatchObject({ openCount: 1, openWeighted: weighted, wonCount: 0 });
    // The manager of the group sees the group's deals only, as on the deals list.
    const managers = await ok<ForecastReport>(
      manager.client,
      'GET',
      `/api/reports/forecast?${RANGE}`,
    );
    expect(managers.totals).toEqual(filtered.totals);
  });

  it('answers 403 without reports.read, refuses a range too long, and counts no other club', async () => {
    const { org } = await scenario('Europe/Stockholm');
    const reception = await createStaff(t.app, org, 'reception');
    const sales = await createStaff(t.app, org, 'sales');
    for (const client of [reception.client, sales.client]) {
      expect((await client.request('GET', `/api/reports/forecast?${RANGE}`)).statusCode).toBe(403);
    }
    const tooLong = await org.owner.request(
      'GET',
      '/api/reports/forecast?fromMonth=2020-01&toMonth=2026-01',
    );
    expect(tooLong.statusCode).toBe(400);
    const backwards = await org.owner.request(
      'GET',
      '/api/reports/forecast?fromMonth=2026-05&toMonth=2026-01',
    );
    expect(backwards.statusCode).toBe(400);

    // Another club with its own deals sees none of these, even naming this club's owner.
    const other = await createOrg(t.app);
    const theirs = await ok<ForecastReport>(
      other.owner,
      'GET',
      `/api/reports/forecast?${RANGE}&ownerId=${org.ownerId}`,
    );
    expect(theirs.totals).toEqual({
      openCount: 0,
      openAmount: 0,
      openWeighted: 0,
      forecast: 0,
      wonCount: 0,
      wonAmount: 0,
    });
    const unfiltered = await ok<ForecastReport>(
      other.owner,
      'GET',
      `/api/reports/forecast?${RANGE}`,
    );
    expect(unfiltered.totals.forecast).toBe(0);
  });
});
