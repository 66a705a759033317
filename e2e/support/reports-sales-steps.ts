import { readFileSync } from 'node:fs';
import type { FunnelReport, LeadSourcesReport } from '@spotter/contracts';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshot } from './browser.ts';
import { digits, exportCsv, exportXlsx, taskListTotal } from './reports-crm-steps.ts';
import type { Api } from './session.ts';

/**
 * The sales funnel and lead sources steps of the reports journey (issue 15, acceptance 2):
 * each report with its chart, its table view, a drill-down to the persons it counts, an export
 * read back, and the funnel's steps drawer. e2e/reports.e2e.ts calls them with its own page.
 */

type Tree = { [key: string]: string | Tree };

export interface SalesRun {
  lng: string;
  width: number;
  /** The server's URL. */
  url: string;
}

/** The funnel's own texts in the run's language (the labels users see). */
function texts(lng: string) {
  const tree = JSON.parse(
    readFileSync(`apps/web/src/locales/${lng}/reportsFunnel.json`, 'utf8'),
  ) as Tree;
  return (key: string) => {
    let node: string | Tree | undefined = tree;
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    if (typeof node !== 'string') throw new Error(`no ${lng} label ${key}`);
    return node;
  };
}

export interface SalesData {
  sourceName: string;
  sourceId: string;
}

/**
 * A new source with three persons created now: one with a deal at "Contacted", one at "Trial
 * class", one won (the seeded funnel counts deal stages), and one person without a source.
 */
export async function seedSalesData(api: Api, sourceName: string): Promise<SalesData> {
  const source = await api('POST', '/api/settings/sources', { name: sourceName });
  const sourceId = source.id as string;
  const pipelines = (await api('GET', '/api/pipelines')) as unknown as {
    items: Array<{ stages: Array<{ id: string; state: string }> }>;
  };
  const stages = pipelines.items[0]!.stages;
  const open = stages.filter((s) => s.state === 'open');
  const won = stages.find((s) => s.state === 'won')!;
  const person = async (firstName: string, withSource: boolean) => {
    const created = await api('POST', '/api/persons', {
      firstName,
      lastName: 'Lindqvist',
      ...(withSource ? { sourceId } : {}),
    });
    return (created.person as { id: string }).id;
  };
  const deal = (personId: string, stageId: string) =>
    api('POST', '/api/deals', { title: 'Membership', personId, stageId });
  await deal(await person('Alma', true), open[1]!.id);
  await deal(await person('Bodil', true), open[2]!.id);
  await deal(await person('Cecilia', true), won.id);
  await person('Dagny', false);
  return { sourceName, sourceId };
}

/** Switches the n-th chart of the page to its table view. */
async function showTable(page: Page, nth: number) {
  await page.getByTestId('report-view').nth(nth).locator('label').nth(1).click();
}

/**
 * The funnel this month: chart, table view equal to the API's steps, CSV and Excel with the
 * same rows, by source, and a drill-down from "Trial booked" to exactly the persons counted.
 */
export async function funnelJourney(page: Page, api: Api, run: SalesRun, data: SalesData) {
  const t = texts(run.lng);
  const shot = (name: string) => screenshot(page, `reports-funnel-${run.lng}-${run.width}-${name}`);
  const report = (await api('GET', '/api/reports/funnel')) as unknown as FunnelReport;
  await page.goto(`${run.url}/reports/funnel`);
  await page.getByTestId('funnel-report').locator('.recharts-surface').first().waitFor();
  await shot('01-chart');

  await showTable(page, 0);
  const rows = page.getByTestId('funnel-steps-table').locator('tbody tr');
  await expect.poll(() => rows.count()).toBe(4);
  for (const [i, step] of report.totals.entries()) {
    const cells = await rows.nth(i).locator('th, td').allInnerTexts();
    expect(cells[0]).toBe(t(`steps.${step.step}`));
    expect(digits(cells[1]!)).toBe(step.count);
  }
  await shot('02-table');

  const csv = await exportCsv(page);
  expect(csv.name).toBe(`funnel-${report.period.from}-${report.period.to}.csv`);
  expect(csv.rows[0]![0]).toBe(t('columns.step'));
  expect(csv.rows.slice(1).map((r) => Number(r[1]))).toEqual(report.totals.map((s) => s.count));
  const xlsx = await exportXlsx(page);
  expect(xlsx.rows[4]![0]).toBe(t('steps.bought'));
  expect(xlsx.rows[4]![1]).toBe(report.totals[3]!.count);

  // By source: the new source's three persons, all contacted, two booked, one bought.
  await page.getByTestId('funnel-group-by').click();
  await page.getByRole('option', { name: t('groupBy.source') }).click();
  await showTable(page, 1);
  const sourceRow = page
    .getByTestId('funnel-groups-table')
    .locator('tbody tr', { hasText: data.sourceName });
  await sourceRow.waitFor();
  expect((await sourceRow.locator('td').allInnerTexts()).slice(0, 4).map(digits)).toEqual([
    3, 3, 2, 1,
  ]);
  await shot('03-by-source');

  // Drill-down: "Trial booked" opens the persons who reached it.
  const trial = report.totals[2]!.count;
  await rows.nth(2).getByTestId('drill-count').click();
  await page.waitForURL((u) => u.pathname === '/persons' && u.search.includes('funnelStep=trial'));
  await page.getByTestId('filter-chips').waitFor();
  await expect.poll(() => taskListTotal(page), { timeout: 15_000 }).toBe(trial);
  await shot('04-drill-down');
}

/** The steps drawer, for the owner: which results, statuses and stages each step counts. */
export async function funnelStepsJourney(page: Page, run: SalesRun) {
  await page.goto(`${run.url}/reports/funnel`);
  await page.getByTestId('funnel-configure').click();
  await page.getByTestId('funnel-steps-drawer').getByTestId('funnel-bought-stageIds').waitFor();
  await screenshot(page, `reports-funnel-${run.lng}-${run.width}-05-steps`);
  await page.getByTestId('funnel-steps-save').click();
  await page.getByTestId('funnel-steps-save').waitFor({ state: 'detached' });
}

/** Lead sources: the new source's leads and customers, the table view and a drill-down. */
export async function leadSourcesJourney(page: Page, api: Api, run: SalesRun, data: SalesData) {
  const shot = (name: string) =>
    screenshot(page, `reports-sources-${run.lng}-${run.width}-${name}`);
  const report = (await api('GET', '/api/reports/lead-sources')) as unknown as LeadSourcesReport;
  const mine = report.rows.find((r) => r.sourceId === data.sourceId)!;
  expect(mine).toMatchObject({ leads: 3, converted: 1 });
  await page.goto(`${run.url}/reports/sources`);
  await page.getByTestId('lead-sources-report').locator('.recharts-surface').first().waitFor();
  await shot('01-chart');
  await showTable(page, 0);
  const row = page.getByTestId('lead-sources-table').locator('tbody tr', {
    hasText: data.sourceName,
  });
  expect((await row.locator('td').allInnerTexts()).slice(0, 2).map(digits)).toEqual([3, 1]);
  const total = page.getByTestId('lead-sources-table').locator('tfoot tr');
  expect(digits((await total.locator('td').allInnerTexts())[0]!)).toBe(report.totals.leads);
  await shot('02-table');
  await row.getByTestId('drill-converted').click();
  await page.waitForURL((u) => u.pathname === '/persons' && u.search.includes('funnelStep=bought'));
  await expect.poll(() => taskListTotal(page), { timeout: 15_000 }).toBe(1);
  await shot('03-drill-down');
}
