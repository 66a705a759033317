import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Api } from './session.ts';

/**
 * The forecast and retention steps of the reports journey (issue 15): data made through the
 * API, then the pages as a manager uses them. `reports.e2e.ts` calls these per language and
 * width; each step takes a screenshot through `shot`.
 */

type Tree = { [key: string]: string | Tree };

/** The forecast's and retention list's own texts in a language (their own namespace). */
export function forecastLabels(lng: string) {
  const tree = JSON.parse(
    readFileSync(path.resolve('apps/web/src/locales', lng, 'reportsForecast.json'), 'utf8'),
  ) as Tree;
  return (key: string): string => {
    let node: string | Tree | undefined = tree;
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    if (typeof node !== 'string') throw new Error(`no ${lng} label ${key}`);
    return node;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthOf = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
/** The 15th of the month `n` months from now: inside the month in every zone. */
const midMonth = (n: number) => {
  const d = new Date();
  d.setUTCDate(15);
  d.setUTCMonth(d.getUTCMonth() + n);
  return `${monthOf(d)}-15`;
};

export interface ForecastData {
  /** The open deal's month (YYYY-MM): its weighted pipeline is that deal alone. */
  nextMonth: string;
  openTitle: string;
  /** The open deal's weighted value in major units (amount × probability). */
  weighted: number;
}

/**
 * An open deal expected `ahead` months from now (each run its own month, so runs sharing a club
 * do not add up), another later, and one won today.
 */
export async function seedForecast(api: Api, tag: string, ahead = 1): Promise<ForecastData> {
  const person = await api('POST', '/api/persons', {
    firstName: 'Frida',
    lastName: `Prognos ${tag}`,
  });
  const personId = String((person.person as { id: string }).id);
  const pipelines = (await api('GET', '/api/pipelines')) as unknown as {
    items: Array<{ stages: Array<{ id: string; state: string; probability: number }> }>;
  };
  const stages = pipelines.items[0]!.stages;
  const open = stages.filter((s) => s.state === 'open');
  const won = stages.find((s) => s.state === 'won')!;
  const openTitle = `Corporate gym ${tag}`;
  await api('POST', '/api/deals', {
    title: openTitle,
    personId,
    amount: 1_200_000,
    expectedCloseDate: midMonth(ahead),
    stageId: open[1]!.id,
  });
  await api('POST', '/api/deals', {
    title: `Family plan ${tag}`,
    personId,
    amount: 300_000,
    expectedCloseDate: midMonth(ahead + 12),
    stageId: open[0]!.id,
  });
  const winning = await api('POST', '/api/deals', {
    title: `Yearly card ${tag}`,
    personId,
    amount: 500_000,
    expectedCloseDate: midMonth(0),
    stageId: open[2]!.id,
  });
  await api('POST', `/api/deals/${String(winning.id)}/move`, {
    stageId: won.id,
    version: winning.version,
  });
  const nextMonth = midMonth(ahead).slice(0, 7);
  return { nextMonth, openTitle, weighted: (12_000 * open[1]!.probability) / 100 };
}

/**
 * The forecast page: the chart, its table view with next month's weighted pipeline, the export
 * menu, and a drill-down from that number to the deals list showing the deal it counted.
 */
export async function forecastStep(
  page: Page,
  opts: { url: string; lng: string; data: ForecastData; shot: (name: string) => Promise<void> },
) {
  const L = forecastLabels(opts.lng);
  await page.goto(`${opts.url}/reports/forecast`);
  await page.getByTestId('report-chart').waitFor();
  expect(await page.getByTestId('forecast-help').innerText()).toBe(L('help'));
  await opts.shot('forecast-chart');
  // Next month alone: its one row in the table view.
  const month = opts.data.nextMonth;
  await page.goto(`${opts.url}/reports/forecast?fromMonth=${month}&toMonth=${month}`);
  await page.getByTestId('report-chart').waitFor();
  await page.getByTestId('report-view').locator('label').nth(1).click();
  const table = page.getByTestId('forecast-table');
  await table.waitFor();
  const headers = await table.locator('thead th').allInnerTexts();
  expect(headers).toContain(L('columns.openWeighted'));
  expect(headers).toContain(L('columns.wonAmount'));
  const link = table.locator('tbody tr').first().getByTestId('drill-openWeighted');
  expect((await link.innerText()).replace(/\D/g, '')).toBe(String(Math.round(opts.data.weighted)));
  await opts.shot('forecast-table');
  // The export is made in the browser from the same rows, headers in the user's language.
  await page.getByTestId('report-export').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-csv').click(),
  ]);
  const file = await download.path();
  const csv = readFileSync(file, 'utf8');
  expect(csv).toContain(L('columns.openWeighted'));
  expect(csv.split(/\r?\n/).filter(Boolean).length).toBe(3);
  await link.click();
  await page.waitForURL((u) => u.pathname === '/deals');
  const url = new URL(page.url());
  expect(url.searchParams.get('closeMonth')).toBe(opts.data.nextMonth);
  expect(url.searchParams.get('state')).toBe('open');
  await page.getByText(opts.data.openTitle).first().waitFor();
  await opts.shot('forecast-drill');
}

export interface RetentionData {
  dropped: string;
  ending: string;
}

/**
 * Two members through a connected system's test events (linked and created as persons): one
 * whose visits fell from 6 to 1, one whose contract ends in ten days.
 */
export async function seedRetention(api: Api, tag: string): Promise<RetentionData> {
  const settings = await api('GET', '/api/club-event-settings');
  await api('PUT', '/api/club-event-settings', { autoLink: true, version: settings.version });
  const { source } = (await api('POST', '/api/event-sources', {
    name: `Gym system ${tag}`,
    kind: 'membership',
  })) as unknown as { source: { id: string } };
  const send = (type: string, data: object, occurredAt?: string) =>
    api('POST', `/api/event-sources/${source.id}/test-event`, { type, data, occurredAt });
  const dropped = { externalId: `m1-${tag}`, firstName: 'Dora', lastName: `Drop ${tag}` };
  const ending = { externalId: `m2-${tag}`, firstName: 'Elis', lastName: `End ${tag}` };
  const day = 86_400_000;
  const now = Date.now();
  for (const [i, daysAgo] of [50, 45, 40, 36, 33, 30, 5].entries()) {
    const at = new Date(now - daysAgo * day).toISOString();
    await send(
      'visit.checked_in',
      { visit: { externalId: `v${i}-${tag}`, at }, member: dropped },
      at,
    );
  }
  const endsOn = new Date(now + 10 * day).toISOString().slice(0, 10);
  await send('contract.created', {
    contract: {
      externalId: `c-${tag}`,
      // A recurring contract given notice: no renewal rule plans a call for it.
      kind: 'recurring',
      service: 'Gym monthly',
      startsOn: new Date(now - 355 * day).toISOString().slice(0, 10),
      endsOn,
      currency: 'SEK',
      paid: true,
      state: 'active',
    },
    member: ending,
  });
  // The club's systems are heard in the background: wait until the events are processed.
  for (let i = 0; i < 150; i++) {
    const log = (await api('GET', `/api/club-events?sourceId=${source.id}`)) as unknown as {
      items: Array<{ processedAt: string | null }>;
    };
    if (log.items.length >= 8 && log.items.every((e) => e.processedAt)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    dropped: `${dropped.firstName} ${dropped.lastName}`,
    ending: `${ending.firstName} ${ending.lastName}`,
  };
}

/** The retention list: both members with their reasons; a call round reaches both. */
export async function retentionStep(
  page: Page,
  opts: { url: string; lng: string; data: RetentionData; shot: (name: string) => Promise<void> },
) {
  const L = forecastLabels(opts.lng);
  await page.goto(`${opts.url}/reports/retention?days=60`);
  const rows = page.getByTestId('retention-row');
  await rows.first().waitFor();
  const dropped = rows.filter({ hasText: opts.data.dropped });
  await dropped.waitFor();
  // Badges are written in capitals.
  expect((await dropped.getByTestId('reason-visits').innerText()).toLowerCase()).toBe(
    L('retention.visits').replace('{{before}}', '6').replace('{{recent}}', '1').toLowerCase(),
  );
  const ending = rows.filter({ hasText: opts.data.ending });
  await ending.getByTestId('reason-contract').waitFor();
  await opts.shot('retention-list');
  await page.getByTestId('retention-call-round').click();
  await page.getByTestId('confirm').waitFor();
  await opts.shot('retention-confirm');
  await page.getByTestId('confirm').click();
  await dropped.getByTestId('reason-call-open').waitFor();
  // With its call planned, the contract no longer waits for one: it leaves the list.
  await ending.waitFor({ state: 'detached' });
  await opts.shot('retention-called');
}
