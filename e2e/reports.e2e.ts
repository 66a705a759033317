import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshot, type Browser } from './support/browser.ts';
import { hasChromium } from './support/chromium.ts';
import { labels } from './support/locales.ts';
import {
  crmReportOf,
  digits,
  drillDown,
  expectCrmTotals,
  exportCsv,
  exportXlsx,
  firstTableRow,
  lastDays,
  openCrmReport,
  showAsTable,
  taskListTotal,
} from './support/reports-crm-steps.ts';
import {
  forecastStep,
  retentionStep,
  seedForecast,
  seedRetention,
} from './support/reports-forecast-steps.ts';
import {
  funnelJourney,
  funnelStepsJourney,
  leadSourcesJourney,
  seedSalesData,
  type SalesData,
} from './support/reports-sales-steps.ts';
import { managerHome, receptionHome, seedHomeClub, type HomeClub } from './support/home-steps.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { logIn, setUp, type Api } from './support/session.ts';

/**
 * The reports (issue 15, acceptance 2): on a club with the demo's tasks, the owner opens the
 * CRM report, reads its chart, switches to the table, exports CSV and Excel and reads them
 * back, and drills down from a number to the tasks it counted — in English and Russian, on a
 * desktop and on a 768 px tablet. One server for every run.
 */

const RUNS = [
  { lng: 'en', width: 1280, height: 900, locale: 'en-GB' },
  { lng: 'ru', width: 768, height: 1024, locale: 'ru-RU' },
  { lng: 'en', width: 768, height: 1024, locale: 'en-GB' },
  { lng: 'ru', width: 1280, height: 900, locale: 'ru-RU' },
] as const;

describe.skipIf(!hasChromium())('reports journey', () => {
  let server: RunningServer;
  let api: Api;
  let sales: SalesData;
  const homeClubs = new Map<string, HomeClub>();
  // The demo's tasks were created and completed over the last two weeks.
  const period = lastDays(20);

  beforeAll(async () => {
    server = await startServer();
    api = await setUp(server, { name: 'Harbour Fitness', locale: 'en' }, true);
    sales = await seedSalesData(api, 'Spring flyer 2026');
    for (const lng of ['en', 'ru'] as const) {
      homeClubs.set(lng, await seedHomeClub(server, api, lng));
    }
  });

  afterAll(async () => {
    await server?.stop();
  });

  for (const run of RUNS) {
    it(`home in ${run.lng} at ${run.width} px: reception's day, the manager's numbers`, async () => {
      const browser = await openBrowser({
        width: run.width,
        height: run.height,
        locale: run.locale,
      });
      try {
        const club = homeClubs.get(run.lng)!;
        await receptionHome(browser.page, server.url, club, run);
        await managerHome(browser.page, server.url, club, run);
      } finally {
        await browser.close();
      }
    });

    it(`CRM report in ${run.lng} at ${run.width} px: chart, table, exports, drill-down`, async () => {
      const t = labels(run.lng);
      const tag = `${run.lng}-${run.width}`;
      await api('PATCH', '/api/me', { locale: run.lng });
      const browser: Browser = await openBrowser({
        width: run.width,
        height: run.height,
        locale: run.locale,
      });
      const page = browser.page;
      const shot = (name: string) => screenshot(page, `reports-crm-${tag}-${name}`);
      try {
        await logIn(page, server.url);
        const report = await crmReportOf(api, period);
        expect(report.totals.created).toBeGreaterThan(0);
        expect(report.totals.done).toBeGreaterThan(0);

        // The menu leads to the reports, which open on the CRM report.
        if (run.width < 1000) await page.getByTestId('burger').click();
        await page.getByTestId('nav-reports').click();
        await page.waitForURL((u) => u.pathname === '/reports/crm');
        await page.getByTestId('reports-crm').waitFor();

        await openCrmReport(page, server.url, period);
        await expectCrmTotals(page, report);
        await shot('01-chart');

        const table = await showAsTable(page, t);
        expect(await table.locator('caption').innerText()).toContain(
          t('reports', 'crm.dimensions.staff'),
        );
        const headers = await table.locator('thead th').allInnerTexts();
        expect(headers.slice(0, 4)).toEqual([
          t('reports', 'crm.dimensions.staff'),
          t('reports', 'crm.metrics.created'),
          t('reports', 'crm.metrics.done'),
          t('reports', 'crm.metrics.overdue'),
        ]);
        const first = await firstTableRow(page);
        const apiFirst = report.rows[0]!;
        expect(first.numbers.slice(0, 3)).toEqual([
          apiFirst.created,
          apiFirst.done,
          apiFirst.overdue,
        ]);
        await shot('02-table');

        const csv = await exportCsv(page);
        expect(csv.name).toBe(`crm-${report.period.from}-${report.period.to}.csv`);
        expect(csv.rows[0]!.slice(0, 4)).toEqual(headers.slice(0, 4));
        expect(csv.rows[1]![0]).toBe(first.name);
        expect(Number(csv.rows[1]![1])).toBe(apiFirst.created);
        expect(csv.rows).toHaveLength(report.rows.length + 1);

        const xlsx = await exportXlsx(page);
        expect(xlsx.name).toBe(`crm-${report.period.from}-${report.period.to}.xlsx`);
        expect(xlsx.rows[0]!.slice(0, 4)).toEqual(headers.slice(0, 4));
        expect(xlsx.rows[1]![0]).toBe(first.name);
        // Numbers arrive as numbers, not as text.
        expect(xlsx.rows[1]![2]).toBe(apiFirst.done);

        // By day: a line over the period, then the same drill-down from the table.
        await openCrmReport(page, server.url, period, 'day');
        await shot('03-by-day');

        await openCrmReport(page, server.url, period);
        await showAsTable(page, t);
        const row = report.rows.findIndex((r) => r.key !== null && r.done > 0);
        expect(row).toBeGreaterThanOrEqual(0);
        const expected = await drillDown(page, 'done', row);
        expect(expected).toBe(report.rows[row]!.done);
        expect(await taskListTotal(page)).toBe(expected);
        await page.getByTestId('chip-doneTo').waitFor();
        await shot('04-drill-down');
        expect(digits(new URL(page.url()).searchParams.get('doneFrom') ?? '')).toBe(
          digits(report.period.from),
        );
      } finally {
        await browser.close();
      }
    });

    it(`sales funnel and lead sources in ${run.lng} at ${run.width} px`, async () => {
      await api('PATCH', '/api/me', { locale: run.lng });
      const browser = await openBrowser({
        width: run.width,
        height: run.height,
        locale: run.locale,
      });
      const salesRun = { lng: run.lng, width: run.width, url: server.url };
      try {
        await logIn(browser.page, server.url);
        await funnelJourney(browser.page, api, salesRun, sales);
        await funnelStepsJourney(browser.page, salesRun);
        await leadSourcesJourney(browser.page, api, salesRun, sales);
      } finally {
        await browser.close();
      }
    });

    it(`forecast and retention in ${run.lng} at ${run.width} px: chart, table, export, drill-down, call round`, async () => {
      const tag = `${run.lng}-${run.width}`;
      await api('PATCH', '/api/me', { locale: run.lng });
      // Each run its own close month, past the demo's deals (they close within ten weeks).
      const forecast = await seedForecast(api, tag, 6 + RUNS.indexOf(run));
      const retention = await seedRetention(api, tag);
      const browser: Browser = await openBrowser({
        width: run.width,
        height: run.height,
        locale: run.locale,
      });
      const page = browser.page;
      const shot = (name: string) => screenshot(page, `reports-forecast-${tag}-${name}`);
      try {
        await logIn(page, server.url);
        await forecastStep(page, { url: server.url, lng: run.lng, data: forecast, shot });
        await retentionStep(page, { url: server.url, lng: run.lng, data: retention, shot });
      } finally {
        await browser.close();
      }
    });
  }
});
