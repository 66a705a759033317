import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshot } from './browser.ts';
import type { Api } from './session.ts';

/**
 * The sales funnel and lead sources steps of the reports journey (issue 15, acceptance 2):
 * each report with its chart, its table view, a drill-down to the persons it counts and an
 * export. The journey file (e2e/reports.e2e.ts) calls them with its own page and server.
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
  /** What the funnel must show for this month: leads, contacted, trial, bought. */
  expected: { lead: number; contacted: number; trial: number; bought: number };
}

/**
 * Four new persons this month, three from one source: one with a deal at "Contacted", one at
 * "Trial class", one won, and one with nothing yet (the seeded funnel counts deal stages and
 * the Customer status).
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
  return { sourceName, sourceId, expected: { lead: 4, contacted: 3, trial: 2, bought: 1 } };
}

/** Switches the n-th chart of the page to its table view. */
async function showTable(page: Page, nth: number) {
  await page.getByTestId('report-view').nth(nth).locator('label').nth(1).click();
}

const tableCells = (page: Page, testId: string) =>
  page.getByTestId(testId).locator('tbody tr').allInnerTexts();

/**
 * The funnel: chart, table view with the seeded counts, by source, a drill-down from
 * "Trial booked" to the persons list (two persons, the funnel chip shown), an export.
 */
export async function funnelJourney(page: Page, run: SalesRun, data: SalesData) {
  const t = texts(run.lng);
  const shot = (name: string) => screenshot(page, `reports-funnel-${run.lng}-${run.width}-${name}`);
  await page.goto(`${run.url}/reports/funnel`);
  await page.getByTestId('funnel-report').getByTestId('report-chart').waitFor();
  await shot('01-chart');

  await showTable(page, 0);
  const rows = await tableCells(page, 'funnel-steps-table');
  expect(rows).toHaveLength(4);
  const counts = rows.map((r) => Number(r.split('\t')[1]?.replace(/\D/g, '')));
  const { lead, contacted, trial, bought } = data.expected;
  expect(counts).toEqual([lead, contacted, trial, bought]);
  expect(rows[2]).toContain(t('steps.trial'));
  await shot('02-table');

  // Export: the same rows, headers in the user's language.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByTestId('report-export')
      .click()
      .then(() => page.getByTestId('export-csv').click()),
  ]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv).toContain(t('columns.step'));
  expect(csv).toContain(t('steps.bought'));

  // By source.
  await page.getByTestId('funnel-group-by').click();
  await page.getByRole('option', { name: t('groupBy.source') }).click();
  await showTable(page, 1);
  await page.getByTestId('funnel-groups-table').getByText(data.sourceName).waitFor();
  await shot('03-by-source');

  // Drill-down: "Trial booked" opens the persons who reached it (two, from this month).
  await page
    .getByTestId('funnel-steps-table')
    .locator('tbody tr')
    .nth(2)
    .getByTestId('drill-count')
    .click();
  await page.waitForURL((u) => u.pathname === '/persons' && u.search.includes('funnelStep=trial'));
  await page.getByTestId('filter-chips').waitFor();
  await expect.poll(() => page.getByText('Lindqvist').count(), { timeout: 15_000 }).toBe(trial);
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

/** Lead sources: the source's leads and customers, its table view and a drill-down. */
export async function leadSourcesJourney(page: Page, run: SalesRun, data: SalesData) {
  const shot = (name: string) =>
    screenshot(page, `reports-sources-${run.lng}-${run.width}-${name}`);
  await page.goto(`${run.url}/reports/sources`);
  await page.getByTestId('lead-sources-report').getByTestId('report-chart').waitFor();
  await shot('01-chart');
  await showTable(page, 0);
  const row = page.getByTestId('lead-sources-table').locator('tbody tr', {
    hasText: data.sourceName,
  });
  const cells = (await row.innerText()).split('\t');
  expect(Number(cells[1]?.replace(/\D/g, ''))).toBe(3);
  expect(Number(cells[2]?.replace(/\D/g, ''))).toBe(1);
  await shot('02-table');
  await row.getByTestId('drill-converted').click();
  await page.waitForURL((u) => u.pathname === '/persons' && u.search.includes('funnelStep=bought'));
  await expect.poll(() => page.getByText('Lindqvist').count(), { timeout: 15_000 }).toBe(1);
  await shot('03-drill-down');
}
