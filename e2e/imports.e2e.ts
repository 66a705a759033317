import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshot, type Browser } from './support/browser.ts';
import { hasChromium } from './support/chromium.ts';
import { labels } from './support/locales.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { logIn, setUp, type Api } from './support/session.ts';

/**
 * Issue 10, acceptance 1: a Swedish club imports a member export from another system — a
 * semicolon file with a BOM, CRLF line ends, Swedish headers, international emails, a few
 * broken ones, statuses Spotter does not know and duplicate phones — through the value
 * mapping and a dry run that lists every problem (and downloads them), then imports it.
 */

interface Member {
  first: string;
  last: string;
  phone: string;
  email: string;
  /** Hand-labelled, not computed by the code under test. */
  emailOk: boolean;
  status: string;
  note?: string;
}

// Karin's phone is already in the CRM; Maja's is Åsa's: both are duplicates.
const EXISTING_PHONE = '070-555 00 01';
const MEMBERS: Member[] = [
  {
    first: 'Åsa',
    last: 'Berg',
    phone: '070-100 00 01',
    email: 'åsa.berg@exempel.se',
    emailOk: true,
    status: 'Medlem',
  },
  {
    first: 'Оксана',
    last: 'Коваленко',
    phone: '070-100 00 02',
    email: 'оксана@пример.рф',
    emailOk: true,
    status: 'Medlem',
    note: 'Rad ett\r\nRad två',
  },
  {
    first: 'Erik',
    last: 'Lund',
    phone: '070-100 00 03',
    email: 'erik@@exempel.se',
    emailOk: false,
    status: 'Prospekt',
  },
  {
    first: 'Sara',
    last: 'Holm',
    phone: '070-100 00 04',
    email: 'sara.holm@',
    emailOk: false,
    status: 'Avslutad',
  },
  {
    first: 'Olle',
    last: 'Ek',
    phone: '070-100 00 05',
    email: 'olle@exempel.se',
    emailOk: true,
    status: 'Kund',
  },
  {
    first: 'Maja',
    last: 'Nord',
    phone: '070 100 00 01',
    email: 'maja@exempel.se',
    emailOk: true,
    status: 'Medlem',
  },
  { first: 'Karin', last: 'Ek', phone: '0705550001', email: '', emailOk: true, status: 'Medlem' },
  {
    first: 'Nils',
    last: 'Nilsson',
    phone: '',
    email: 'nils at exempel.se',
    emailOk: false,
    status: '',
  },
  { first: '', last: '', phone: '', email: 'inte-en-adress', emailOk: false, status: '' },
  {
    first: 'Zoë',
    last: 'Öberg',
    phone: '070-100 00 10',
    email: 'zoë.öberg@bücher.de',
    emailOk: true,
    status: 'Prospekt',
  },
  {
    first: 'Lars',
    last: 'Persson',
    phone: '070-100 00 11',
    email: 'lars@exempel.se',
    emailOk: true,
    status: 'Avslutad',
  },
  { first: 'Ингрид', last: '', phone: '070-100 00 12', email: '', emailOk: true, status: 'Medlem' },
];

const cell = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const FILE =
  '\uFEFF' +
  [
    'Förnamn;Efternamn;Telefon;E-post;Status;Anteckning',
    ...MEMBERS.map((m) =>
      [m.first, m.last, m.phone, m.email, m.status, m.note ?? ''].map(cell).join(';'),
    ),
  ].join('\r\n') +
  '\r\n';

/** The expected outcome, counted from the list above without Spotter's code. */
function expected() {
  const digits = (p: string) => p.replace(/\D/g, '');
  const seen = new Set([digits(EXISTING_PHONE)]);
  const out = { created: [] as Member[], skipped: [] as Member[], failed: [] as Member[] };
  let warnings = 0;
  let line = 2;
  const lines: number[] = [];
  for (const m of MEMBERS) {
    lines.push(line);
    line += 1 + (m.note?.split('\r\n').length ?? 1) - 1;
    if (!m.emailOk) warnings++;
    const identified = m.first || m.last || m.phone || (m.email && m.emailOk);
    if (!identified) out.failed.push(m);
    else if (m.phone && seen.has(digits(m.phone))) out.skipped.push(m);
    else {
      out.created.push(m);
      if (m.phone) seen.add(digits(m.phone));
    }
  }
  // Warnings, the errors of unidentified rows, one line per skipped duplicate.
  const problems = warnings + out.failed.length + out.skipped.length;
  const warned = out.created.filter((m) => !m.emailOk).length;
  return { ...out, problems, warned, lines };
}

describe.skipIf(!hasChromium())('import of a member export (Swedish)', () => {
  const L = labels('sv');
  const want = expected();
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let api: Api;
  let karinId = '';
  const shot = (name: string) => screenshot(page, `imports-${name}`);

  beforeAll(async () => {
    server = await startServer();
    api = await setUp(server, { name: 'Klubb Syd', locale: 'sv' });
    const created = await api('POST', '/api/persons', {
      firstName: 'Karin',
      lastName: 'Ek',
      phones: [{ number: EXISTING_PHONE }],
    });
    karinId = (created.person as { id: string }).id;
    browser = await openBrowser({ width: 1280, height: 900, locale: 'sv-SE' });
    page = browser.page;
    await logIn(page, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('uploads the file and matches its Swedish headers', async () => {
    await page.goto(`${server.url}/import`);
    await page.getByTestId('import-kind').getByText(L('imports', 'kinds.person')).click();
    await page.getByTestId('import-file').setInputFiles({
      name: 'medlemmar.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(FILE, 'utf8'),
    });
    await page.getByText('medlemmar.csv').waitFor();
    await shot('01-upload');
    await page.getByTestId('import-upload').click();
    await page.getByTestId('import-mapping').waitFor();
    const target = (i: number) => page.getByTestId(`import-target-${i}`);
    await expect.poll(() => target(0).inputValue()).toBe(L('imports', 'targets.firstName'));
    expect(await target(3).inputValue()).toBe(L('imports', 'targets.email'));
    expect(await target(4).inputValue()).toBe(L('imports', 'targets.status'));
    expect(await target(5).inputValue()).toBe(L('imports', 'targets.note'));
    await shot('02-mapping');
  });

  it('lists the unknown statuses with their rows, and maps them', async () => {
    await page.getByTestId('import-next').click();
    const statuses = page.getByTestId('import-values-Status');
    await statuses.waitFor();
    const count = (status: string) => MEMBERS.filter((m) => m.status === status).length;
    for (const value of ['Medlem', 'Avslutad']) {
      const row = statuses.locator('tbody tr').filter({ hasText: value });
      expect((await row.locator('td').nth(1).innerText()).trim()).toBe(String(count(value)));
    }
    // Prospekt and Kund are Swedish defaults: they are not asked about.
    expect(await statuses.locator('tbody tr').count()).toBe(2);

    await page.getByTestId('import-value-Status-Medlem').click();
    await page
      .getByRole('option', { name: L('imports', 'values.create').replace('{{value}}', 'Medlem') })
      .click();
    await page.getByTestId('import-value-Status-Avslutad').click();
    await page.getByRole('option', { name: 'Avslutad kund' }).click();
    await shot('03-values');
  });

  it('checks the file: every problem listed with its record and line, and downloadable', async () => {
    await page.getByTestId('import-dry-run').click();
    const summary = page.getByTestId('import-check-summary');
    await summary.waitFor();
    const figure = (key: string, n: number) =>
      page
        .getByTestId(`import-count-${key}`)
        .filter({ hasText: String(n) })
        .waitFor();
    await figure('created', want.created.length);
    await figure('skipped', want.skipped.length);
    await figure('failed', want.failed.length);
    await figure('warned', want.warned);

    const rows = page.getByTestId('import-problems').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(want.problems);
    // Erik (record 3) starts on line 5: Oksana's note spans two lines.
    const erik = rows.filter({ hasText: 'erik@@exempel.se' });
    expect((await erik.locator('td').nth(0).innerText()).trim()).toBe('3');
    expect((await erik.locator('td').nth(1).innerText()).trim()).toBe(String(want.lines[2]));
    expect(await erik.innerText()).toContain(
      L('imports', 'problems.willImportWithout').replace('{{column}}', 'E-post'),
    );
    // The row with nothing but a broken address is left out, and says so for its email too.
    const lost = rows.filter({ hasText: 'inte-en-adress' });
    // textContent: the badge's CSS upper-cases what innerText reports.
    expect(await lost.textContent()).toContain(L('imports', 'problems.severities.error'));
    expect(await lost.textContent()).not.toContain(L('imports', 'problems.severities.warning'));
    // Karin's row names and links the Karin already in the CRM.
    const match = rows.filter({ hasText: '0705550001' }).or(rows.filter({ hasText: 'Karin Ek' }));
    const link = match.getByTestId('import-problem-match');
    expect(await link.getAttribute('href')).toBe(`/persons/${karinId}`);
    await shot('04-check');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-problems-download').click(),
    ]);
    expect(download.suggestedFilename()).toBe('medlemmar-problem.csv');
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(text.slice(1), { delimiter: ';', skipEmptyLines: true });
    expect(parsed.data[0]).toEqual([
      L('imports', 'problems.record'),
      L('imports', 'problems.line'),
      L('imports', 'problems.column'),
      L('imports', 'problems.value'),
      L('imports', 'problems.severity'),
      L('imports', 'problems.message'),
      L('imports', 'problems.matched'),
      L('imports', 'problems.matchedId'),
    ]);
    expect(parsed.data).toHaveLength(want.problems + 1);
    expect(parsed.data.find((r) => r[3] === 'erik@@exempel.se')?.slice(0, 3)).toEqual([
      '3',
      String(want.lines[2]),
      'E-post',
    ]);
    expect(parsed.data.find((r) => r[7] === karinId)?.[6]).toBe('Karin Ek');
    // The check wrote nothing.
    expect(
      ((await api('GET', '/api/persons?limit=100&count=true')) as { total: number }).total,
    ).toBe(1);
  });

  it('imports: every valid person arrives, a bad email stays behind, the stepper is done', async () => {
    await page.getByTestId('import-run').click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    await report
      .getByTestId('import-count-created')
      .filter({ hasText: String(want.created.length) })
      .waitFor();
    const steps = page.locator('.mantine-Stepper-step');
    expect(await steps.count()).toBe(5);
    for (let i = 0; i < 5; i++) {
      expect(await steps.nth(i).getAttribute('data-completed')).not.toBeNull();
    }
    await shot('05-report');

    const list = (await api('GET', '/api/persons?limit=100&count=true')) as {
      total: number;
      items: Array<{
        firstName: string;
        lastName: string;
        emails: Array<{ email: string }>;
        statusId: string | null;
      }>;
    };
    expect(list.total).toBe(want.created.length + 1);
    const statuses = (await api('GET', '/api/settings/statuses?entity=person')) as {
      items: Array<{ id: string; name: string }>;
    };
    const statusName = (id: string | null) => statuses.items.find((s) => s.id === id)?.name ?? null;
    for (const m of want.created) {
      const p = list.items.find((x) => x.firstName === m.first && x.lastName === m.last);
      expect(p, `${m.first} ${m.last}`).toBeDefined();
      expect(p!.emails.map((e) => e.email)).toEqual(
        m.email && m.emailOk ? [m.email.toLowerCase()] : [],
      );
      const status =
        { Medlem: 'Medlem', Avslutad: 'Avslutad kund' }[m.status] ?? (m.status || null);
      expect(statusName(p!.statusId)).toBe(status);
    }
    for (const m of [...want.skipped.filter((x) => x.first !== 'Karin'), ...want.failed]) {
      expect(list.items.some((x) => x.firstName === m.first && x.lastName === m.last)).toBe(false);
    }
  });
});
