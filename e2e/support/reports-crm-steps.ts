import { readFileSync } from 'node:fs';
import type { CrmReport } from '@spotter/contracts';
import Papa from 'papaparse';
import type { Download, Page } from 'playwright-core';
import { readSheet } from 'read-excel-file/node';
import { expect } from 'vitest';
import type { labels } from './locales.ts';
import type { Api } from './session.ts';

/**
 * The reports' browser steps (issue 15), one exported function each, so every report's
 * journey can use them beside its own: open a report, read its chart as a table, drill down
 * to the list, export and read the files back as a spreadsheet program would.
 */

export type Labels = ReturnType<typeof labels>;

/** The club's days `back` days ago and today, as the report's custom period takes them. */
export function lastDays(back: number, now = new Date()): { from: string; to: string } {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return { from: day(new Date(now.getTime() - back * 86_400_000)), to: day(now) };
}

/** Opens the CRM report for a custom period by `groupBy` and waits for its chart. */
export async function openCrmReport(
  page: Page,
  url: string,
  period: { from: string; to: string },
  groupBy = 'staff',
) {
  await page.goto(
    `${url}/reports/crm?preset=custom&from=${period.from}&to=${period.to}&groupBy=${groupBy}&compare=true`,
  );
  await page.getByTestId('report-chart').locator('.recharts-surface').first().waitFor();
  await page.getByTestId('crm-total-created').waitFor();
}

/** The same report through the API: what the page must show. */
export async function crmReportOf(
  api: Api,
  period: { from: string; to: string },
  groupBy = 'staff',
): Promise<CrmReport> {
  return (await api(
    'GET',
    `/api/reports/crm?preset=custom&from=${period.from}&to=${period.to}&groupBy=${groupBy}&compare=true`,
  )) as unknown as CrmReport;
}

/** Digits only: "1 234" and "1,234" both read 1234. */
export const digits = (text: string) => Number(text.replace(/\D/g, ''));

/** The three figures on top equal the API's totals. */
export async function expectCrmTotals(page: Page, report: CrmReport) {
  for (const m of ['created', 'done', 'overdue'] as const) {
    const big = page.getByTestId(`crm-total-${m}`).locator('p').nth(1);
    await expect.poll(async () => digits(await big.innerText())).toBe(report.totals[m]);
  }
}

/** Switches the chart to its table view and waits for the table with its caption. */
export async function showAsTable(page: Page, t: Labels) {
  await page
    .getByTestId('report-view')
    .getByText(t('reports', 'view.table'), { exact: true })
    .click();
  const table = page.getByTestId('report-table');
  await table.locator('caption').waitFor();
  return table;
}

/** The table's first data row: its header cell and its numbers, as shown. */
export async function firstTableRow(page: Page) {
  const row = page.getByTestId('report-table').locator('tbody tr').first();
  const name = (await row.locator('th').innerText()).trim();
  const numbers = (await row.locator('td').allInnerTexts()).map(digits);
  return { row, name, numbers };
}

/** Clicks a number's drill-down link in the table and waits for the tasks list. */
export async function drillDown(page: Page, metric: 'created' | 'done' | 'overdue', rowIndex = 0) {
  const link = page
    .getByTestId('report-table')
    .locator('tbody tr')
    .nth(rowIndex)
    .getByTestId(`drill-${metric}`);
  const expected = digits(await link.innerText());
  await link.click();
  await page.waitForURL((u) => u.pathname === '/tasks');
  return expected;
}

/** The tasks list's total ("1–12 of 12"), once it has loaded. */
export async function taskListTotal(page: Page): Promise<number> {
  const range = page.getByTestId('list-range');
  await range.waitFor();
  const text = await range.innerText();
  const numbers = text.match(/\d[\d\s.,\u00a0\u202f]*/g) ?? [];
  return digits(numbers.at(-1) ?? '0');
}

async function download(page: Page, item: 'export-csv' | 'export-xlsx'): Promise<Download> {
  await page.getByTestId('report-export').click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(item).click()]);
  return file;
}

/** Exports CSV; the file's name and its rows as a spreadsheet reads them. */
export async function exportCsv(page: Page) {
  const file = await download(page, 'export-csv');
  const text = readFileSync((await file.path())!, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows = Papa.parse<string[]>(text.slice(1).trim(), { delimiter: ';' }).data;
  return { name: file.suggestedFilename(), rows };
}

/** Exports Excel; the file's name and its first sheet's cells (numbers stay numbers). */
export async function exportXlsx(page: Page) {
  const file = await download(page, 'export-xlsx');
  const rows = await readSheet(readFileSync((await file.path())!));
  return { name: file.suggestedFilename(), rows };
}
