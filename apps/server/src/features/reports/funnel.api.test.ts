import { sql } from 'drizzle-orm';
import type {
  FunnelReport,
  FunnelSettings,
  FunnelStepCount,
  LeadSourcesReport,
} from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import { createStaff, ok, useTestApp, type TestApp } from '../../../test/test-app.ts';
import { backfillFunnelDefaults } from './funnel-defaults.ts';
import {
  at,
  dealIn,
  doneTask,
  funnelOrg,
  independentCounts,
  person,
  setStatus,
  withResults,
  type FunnelOrg,
} from './funnel.test-setup.ts';

const HOUR = 3_600_000;
const later = (d: Date, hours: number) => new Date(d.getTime() + hours * HOUR);
const counts = (steps: FunnelStepCount[]) =>
  Object.fromEntries(steps.map((s) => [s.step, s.count]));

interface Days {
  /** The period's first and last club days, and a day inside it with a clock change. */
  first: string;
  last: string;
  dst: string;
  before: string;
  after: string;
}

/**
 * Nine persons around the period's edges in the club's zone: six inside it (one on the day the
 * clocks change), one the evening before, one just after midnight at the end, one in the trash.
 */
async function scenario(t: TestApp, f: FunnelOrg, d: Days) {
  const tz = f.timezone;
  const db = t.database.db;
  const { web, walkIn } = f.sources;
  const c = f.org.owner;
  const p1 = await person(t, c, await at(db, `${d.first} 00:10`, tz), { sourceId: web });
  await dealIn(t, f, p1.id, f.open[1]!, later(await at(db, `${d.first} 00:10`, tz), 1));
  const p2At = await at(db, `${d.dst} 03:30`, tz);
  const p2 = await person(t, c, p2At, { sourceId: web });
  await doneTask(t, f, p2.id, f.fx.results.thinking, later(p2At, 1));
  await doneTask(t, f, p2.id, f.fx.results.booked, later(p2At, 2));
  const p3At = await at(db, `${d.last} 23:50`, tz);
  const p3 = await person(t, c, p3At, { sourceId: walkIn });
  await doneTask(t, f, p3.id, f.fx.results.refusal, later(p3At, 3));
  await setStatus(t, f, p3.id, f.customerStatusId, later(p3At, 48));
  await person(t, c, await at(db, `${d.first} 12:00`, tz));
  const p5 = await person(t, c, await at(db, `${d.before} 23:50`, tz), { sourceId: web });
  await setStatus(t, f, p5.id, f.customerStatusId, await at(db, `${d.first} 10:00`, tz));
  const p6At = await at(db, `${d.after} 00:05`, tz);
  const p6 = await person(t, c, p6At, { sourceId: web });
  await dealIn(t, f, p6.id, f.won, later(p6At, 1));
  const p7 = await person(t, c, await at(db, `${d.dst} 12:00`, tz), { sourceId: web });
  expect((await c.request('DELETE', `/api/persons/${p7.id}`)).statusCode).toBe(204);
  const p8At = await at(db, `${d.dst} 13:00`, tz);
  const p8 = await person(t, c, p8At, { sourceId: walkIn });
  await doneTask(t, f, p8.id, f.fx.results.refusal, later(p8At, 5));
  const p9At = await at(db, `${d.first} 09:00`, tz);
  const p9 = await person(t, c, p9At, { sourceId: web });
  await dealIn(t, f, p9.id, f.won, later(p9At, 24));
}

const ZONES: Array<[string, Days]> = [
  [
    'Europe/Stockholm',
    {
      before: '2026-03-22',
      first: '2026-03-23',
      dst: '2026-03-29',
      last: '2026-04-05',
      after: '2026-04-06',
    },
  ],
  [
    'America/New_York',
    {
      before: '2026-03-01',
      first: '2026-03-02',
      dst: '2026-03-08',
      last: '2026-03-15',
      after: '2026-03-16',
    },
  ],
];

describe('sales funnel and lead sources', () => {
  const t = useTestApp({ now: () => new Date('2026-04-20T10:00:00Z') });

  describe.each(ZONES)('in %s, over a clock change', (timezone, days) => {
    it('counts each step as an independent count does, in total, per group and before', async () => {
      const f = await funnelOrg(t, timezone);
      const settings = await withResults(f);
      await scenario(t, f, days);
      const db = t.database.db;
      const from = await at(db, `${days.first} 00:00`, timezone);
      const to = await at(db, `${days.after} 00:00`, timezone);
      const q = `preset=custom&from=${days.first}&to=${days.last}`;

      const report = await ok<FunnelReport>(
        f.org.owner,
        'GET',
        `/api/reports/funnel?${q}&compare=true`,
      );
      expect(report.period).toEqual({ from: days.first, to: days.last });
      expect(counts(report.totals)).toEqual({ lead: 6, contacted: 4, trial: 3, bought: 2 });
      expect(counts(report.totals)).toEqual(
        await independentCounts(db, f.org.orgId, settings.steps, from, to),
      );
      const contacted = report.totals[1]!;
      expect(contacted.fromPrevious).toBeCloseTo(4 / 6);
      expect(report.totals[3]!.fromPrevious).toBeCloseTo(2 / 3);
      expect(report.totals[3]!.fromFirst).toBeCloseTo(2 / 6);
      expect(report.totals[0]!.fromPrevious).toBeNull();

      // Each number opens the persons list on exactly those persons.
      const list = `/api/persons?createdFrom=${days.first}&createdTo=${days.last}&count=true`;
      for (const step of report.totals) {
        const filter = step.step === 'lead' ? '' : `&funnelStep=${step.step}`;
        const page = await ok<{ total: number }>(f.org.owner, 'GET', `${list}${filter}`);
        expect({ step: step.step, n: page.total }).toEqual({ step: step.step, n: step.count });
      }

      // The period before, as long: the person created the evening before counts there.
      const prevFrom = await at(db, `${report.previous!.from} 00:00`, timezone);
      expect(counts(report.previousTotals!)).toEqual(
        await independentCounts(db, f.org.orgId, settings.steps, prevFrom, from),
      );
      expect(report.previousTotals![0]!.count).toBe(1);

      const bySource = await ok<FunnelReport>(
        f.org.owner,
        'GET',
        `/api/reports/funnel?${q}&groupBy=source`,
      );
      expect(counts(bySource.totals)).toEqual(counts(report.totals));
      const sourceRows = new Map(bySource.rows.map((r) => [r.groupId, r]));
      expect(sourceRows.get(f.sources.web)?.name).toBe('Website');
      for (const [id, where] of [
        [f.sources.web, sql`and c.source_id = ${f.sources.web}::uuid`],
        [f.sources.walkIn, sql`and c.source_id = ${f.sources.walkIn}::uuid`],
        [null, sql`and c.source_id is null`],
      ] as const) {
        expect(counts(sourceRows.get(id)!.steps)).toEqual(
          await independentCounts(db, f.org.orgId, settings.steps, from, to, where),
        );
      }
      expect(counts(sourceRows.get(f.sources.web)!.steps)).toEqual({
        lead: 3,
        contacted: 3,
        trial: 2,
        bought: 1,
      });

      const byResponsible = await ok<FunnelReport>(
        f.org.owner,
        'GET',
        `/api/reports/funnel?${q}&groupBy=responsible`,
      );
      for (const row of byResponsible.rows) {
        const where = row.groupId
          ? sql`and c.responsible_id = ${row.groupId}::uuid`
          : sql`and c.responsible_id is null`;
        expect(counts(row.steps)).toEqual(
          await independentCounts(db, f.org.orgId, settings.steps, from, to, where),
        );
      }
      const leads = byResponsible.rows.reduce((n, r) => n + r.steps[0]!.count, 0);
      expect(leads).toBe(6);

      const filtered = await ok<FunnelReport>(
        f.org.owner,
        'GET',
        `/api/reports/funnel?${q}&sourceId=${f.sources.walkIn}`,
      );
      expect(counts(filtered.totals)).toEqual({ lead: 2, contacted: 1, trial: 1, bought: 1 });
    });

    it('gives per source the leads, customers and median hours to convert and to contact', async () => {
      const f = await funnelOrg(t, timezone);
      const settings = await withResults(f);
      await scenario(t, f, days);
      const db = t.database.db;
      const from = await at(db, `${days.first} 00:00`, timezone);
      const to = await at(db, `${days.after} 00:00`, timezone);
      const q = `preset=custom&from=${days.first}&to=${days.last}&compare=true`;
      const report = await ok<LeadSourcesReport>(
        f.org.owner,
        'GET',
        `/api/reports/lead-sources?${q}`,
      );

      const all = await independentCounts(db, f.org.orgId, settings.steps, from, to);
      expect(report.totals.leads).toBe(all.lead);
      expect(report.totals.converted).toBe(all.bought);
      expect(report.totals).toMatchObject({ leads: 6, converted: 2 });
      expect(report.totals.conversionRate).toBeCloseTo(2 / 6);
      // Bought after 48 h (a status) and 24 h (a won deal); first contact after 1, 1, 3, 5, 24 h.
      expect(report.totals.medianHoursToConvert).toBeCloseTo(36);
      expect(report.totals.medianHoursToFirstContact).toBeCloseTo(3);

      const rows = new Map(report.rows.map((r) => [r.sourceId, r]));
      const web = rows.get(f.sources.web)!;
      expect(web).toMatchObject({ name: 'Website', leads: 3, converted: 1 });
      expect(web.medianHoursToConvert).toBeCloseTo(24);
      expect(web.medianHoursToFirstContact).toBeCloseTo(1);
      const walkIn = rows.get(f.sources.walkIn)!;
      expect(walkIn).toMatchObject({ leads: 2, converted: 1 });
      expect(walkIn.medianHoursToConvert).toBeCloseTo(48);
      expect(walkIn.medianHoursToFirstContact).toBeCloseTo(4);
      const none = rows.get(null)!;
      expect(none).toMatchObject({ leads: 1, converted: 0, medianHoursToConvert: null });
      expect(none.medianHoursToFirstContact).toBeNull();
      for (const [id, row] of rows) {
        const where = id ? sql`and c.source_id = ${id}::uuid` : sql`and c.source_id is null`;
        const own = await independentCounts(db, f.org.orgId, settings.steps, from, to, where);
        expect([row.leads, row.converted]).toEqual([own.lead, own.bought]);
      }
      expect(report.previousTotals).toMatchObject({ leads: 1, converted: 1 });
    });
  });

  it('seeds steps from the pipelines, and refuses unknown ids and stale versions', async () => {
    const f = await funnelOrg(t, 'Europe/Stockholm');
    const { steps, version } = f.settings;
    expect(version).toBe(1);
    expect(steps.contacted.stageIds).toEqual([f.open[1]!.id]);
    expect(steps.trial.stageIds).toEqual([f.open[2]!.id]);
    expect(steps.bought.stageIds).toContain(f.won.id);
    expect(steps.bought.statusIds).toEqual([f.customerStatusId]);

    const other = await funnelOrg(t, 'Europe/Stockholm');
    const bad = await f.org.owner.request('PUT', '/api/reports/funnel-steps', {
      version,
      steps: {
        ...steps,
        trial: { ...steps.trial, resultIds: [other.fx.results.booked] },
        bought: { ...steps.bought, stageIds: [other.won.id], statusIds: [f.fx.results.booked] },
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      fieldCodes: {
        'steps.trial.resultIds': 'unknown_reference',
        'steps.bought.stageIds': 'unknown_reference',
        'steps.bought.statusIds': 'unknown_reference',
      },
    });

    const saved = await withResults(f);
    expect(saved.version).toBe(2);
    expect(saved.steps.trial.resultIds).toEqual([f.fx.results.booked]);
    const stale = await f.org.owner.request('PUT', '/api/reports/funnel-steps', {
      version: 1,
      steps,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict' });
    const again = await ok<{ version: number }>(f.org.owner, 'GET', '/api/reports/funnel-steps');
    expect(again.version).toBe(2);
  });

  it('gives organizations created before the funnel its defaults at start-up', async () => {
    const f = await funnelOrg(t, 'Europe/Stockholm');
    const db = t.database.db;
    await db.execute(sql`delete from funnel_settings where org_id = ${f.org.orgId}::uuid`);
    // Until then the defaults are read, at version 0 (the first save creates the row).
    const unsaved = await ok<FunnelSettings>(f.org.owner, 'GET', '/api/reports/funnel-steps');
    expect(unsaved).toMatchObject({ version: 0, steps: f.settings.steps });
    expect(await backfillFunnelDefaults(db)).toBeGreaterThanOrEqual(1);
    const seeded = await ok<FunnelSettings>(f.org.owner, 'GET', '/api/reports/funnel-steps');
    expect(seeded).toMatchObject({ version: 1, steps: f.settings.steps });
  });

  it('lets managers read and not change the steps; reception reads nothing', async () => {
    const f = await funnelOrg(t, 'Europe/Stockholm');
    const manager = await createStaff(t.app, f.org, 'manager');
    const reception = await createStaff(t.app, f.org, 'reception');
    for (const url of [
      '/api/reports/funnel',
      '/api/reports/lead-sources',
      '/api/reports/funnel-steps',
    ]) {
      expect((await manager.client.request('GET', url)).statusCode).toBe(200);
      expect((await reception.client.request('GET', url)).statusCode).toBe(403);
    }
    const body = { version: f.settings.version, steps: f.settings.steps };
    expect(
      (await manager.client.request('PUT', '/api/reports/funnel-steps', body)).statusCode,
    ).toBe(403);
    expect(
      (await reception.client.request('PUT', '/api/reports/funnel-steps', body)).statusCode,
    ).toBe(403);
  });

  it("never counts another organization's persons, nor filters by its ids", async () => {
    const mine = await funnelOrg(t, 'Europe/Stockholm');
    const theirs = await funnelOrg(t, 'Europe/Stockholm');
    await scenario(t, theirs, ZONES[0]![1]);
    const q = 'preset=custom&from=2026-03-23&to=2026-04-05';
    const report = await ok<FunnelReport>(mine.org.owner, 'GET', `/api/reports/funnel?${q}`);
    expect(counts(report.totals)).toEqual({ lead: 0, contacted: 0, trial: 0, bought: 0 });
    const theirSource = await ok<FunnelReport>(
      mine.org.owner,
      'GET',
      `/api/reports/funnel?${q}&sourceId=${theirs.sources.web}&groupBy=source`,
    );
    expect(theirSource.rows).toEqual([]);
    const sources = await ok<LeadSourcesReport>(
      mine.org.owner,
      'GET',
      `/api/reports/lead-sources?${q}`,
    );
    expect(sources.rows).toEqual([]);
    expect(sources.totals.leads).toBe(0);
    // Their own report sees them.
    const own = await ok<FunnelReport>(theirs.org.owner, 'GET', `/api/reports/funnel?${q}`);
    expect(own.totals[0]!.count).toBe(6);
  });
});
