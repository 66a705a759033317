import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshot, type Browser } from './support/browser.ts';
import { hasChromium } from './support/chromium.ts';
import { labels } from './support/locales.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { logIn, OWNER, setUp, type Api } from './support/session.ts';

/**
 * Reception works with contacts (issue 3, acceptance 9): adds a person with a tag and a
 * custom field, finds them with the search box, writes a note, changes the status, deletes
 * and restores them from the trash, and imports a small CSV through the wizard. A second
 * journey checks the lists and cards on a tablet in Swedish, over demo data.
 */

async function confirm(page: Page) {
  await page.getByTestId('confirm').click();
  await page.getByTestId('confirm').waitFor({ state: 'detached' });
}

const UUID = '[0-9a-f-]{36}';

describe.skipIf(!hasChromium())('contacts journey (desktop, English)', () => {
  const L = labels('en');
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let api: Api;
  let personId = '';
  const shot = (name: string) => screenshot(page, `contacts-${name}`);
  const historyEntry = (text: string | RegExp) =>
    page.getByTestId('history-entry').filter({ hasText: text });

  beforeAll(async () => {
    server = await startServer();
    api = await setUp(server, { name: 'Northside Judo', locale: 'en' });
    await api('POST', '/api/settings/tags', { name: 'Trial', color: '#2f9e44', scope: 'person' });
    await api('POST', '/api/settings/custom-fields', {
      entity: 'person',
      name: 'Membership',
      type: 'dropdown',
      options: [
        { name: 'Gold', color: '#5c3c00', background: '#ffd43b' },
        { name: 'Silver', color: '#1f2937', background: '#dee2e6' },
      ],
    });
    await api('POST', '/api/settings/custom-fields', {
      entity: 'person',
      name: 'Shirt size',
      type: 'text',
    });

    browser = await openBrowser({ width: 1280, height: 860, locale: 'en-GB' });
    page = browser.page;
    await logIn(page, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('adds a person with a phone, a tag and a custom field', async () => {
    await page.getByTestId('nav-persons').click();
    await page.waitForURL('**/persons');
    await page.getByTestId('empty-state').waitFor();
    await page.getByTestId('add-person').click();
    const form = page.getByTestId('person-form');
    await form.waitFor();
    await page.getByTestId('first-name').fill('Astrid');
    await page.getByTestId('last-name').fill('Lindqvist');
    await page.getByTestId('phone-0').fill('070-123 45 67');
    await page.getByTestId('tags').click();
    await page.getByRole('option', { name: 'Trial' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('custom-membership').click();
    await page.getByRole('option', { name: 'Gold' }).click();
    await page.getByTestId('custom-shirt-size').fill('M');
    await shot('01-person-form');

    await page.getByTestId('save-person').click();
    await page.waitForURL(new RegExp(`/persons/${UUID}$`));
    personId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByTestId('contact-name').filter({ hasText: 'Astrid Lindqvist' }).waitFor();
    // Stored as +46701234567, shown the Swedish way.
    await page.getByTestId('phone-value-0').filter({ hasText: '070-123 45 67' }).waitFor();
    await page.getByTestId('tags-value').getByText('Trial').waitFor();
    await page.getByTestId('person-details').waitFor();
    await page.getByText('Gold', { exact: true }).waitFor();
    await historyEntry(L('card', 'history.events.created')).waitFor();

    const stored = await api('GET', `/api/persons/${personId}`);
    expect(stored.phones).toEqual([expect.objectContaining({ number: '+46701234567' })]);
  });

  it('finds the person with the search box in the header', async () => {
    await page.getByTestId('nav-persons').click();
    await page.getByTestId(`person-row-${personId}`).waitFor();
    await page.keyboard.press('/');
    const box = page.getByTestId('global-search');
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await box.pressSequentially('4567');
    const hit = page.getByTestId(`search-hit-${personId}`);
    await hit.filter({ hasText: 'Astrid Lindqvist' }).waitFor();
    // The first hit is what Enter opens.
    await page.locator(`[data-testid="search-hit-${personId}"][data-combobox-selected]`).waitFor();
    await shot('02-search');
    await box.press('Enter');
    await page.waitForURL(`**/persons/${personId}`);
    await page.getByTestId('contact-name').filter({ hasText: 'Astrid Lindqvist' }).waitFor();
    expect(await box.inputValue()).toBe('');
  });

  it('adds a note and changes the status, both into the history', async () => {
    await page.getByTestId('note-input').fill('Asked about the Saturday kids class.');
    await page.getByTestId('note-save').click();
    await historyEntry('Asked about the Saturday kids class.').waitFor();
    expect(await page.getByTestId('note-input').inputValue()).toBe('');

    await page.getByTestId('status-menu').click();
    await page.getByRole('menuitem', { name: 'Customer', exact: true }).click();
    await page.getByTestId('status-badge').filter({ hasText: 'Customer' }).waitFor();
    await historyEntry(L('card', 'history.events.status_changed'))
      .filter({ hasText: 'Customer' })
      .waitFor();
    // Newest first: the status change, then the note, then the creation.
    const events = await page.getByTestId('history-entry').allInnerTexts();
    expect(events[0]).toContain(L('card', 'history.events.status_changed'));
    expect(events[1]).toContain('Asked about the Saturday kids class.');
    await shot('03-person-history');
  });

  it('deletes the person, and restores them with their history from the trash', async () => {
    await page.getByTestId('contact-actions').click();
    await page.getByTestId('delete-person').click();
    await confirm(page);
    await page.waitForURL((u) => u.pathname === '/persons');
    // The only person is gone: the list is empty again.
    await page.getByTestId('empty-state').waitFor();
    expect(await page.getByTestId(`person-row-${personId}`).count()).toBe(0);

    await page.getByTestId('nav-trash').click();
    const row = page.getByTestId(`trash-row-${personId}`);
    await row.getByText('Astrid Lindqvist').waitFor();
    await row.getByText(OWNER.name).waitFor();
    await shot('04-trash');
    await page.getByTestId(`trash-restore-${personId}`).click();
    await row.waitFor({ state: 'detached' });

    await page.getByTestId('nav-persons').click();
    await page.getByTestId(`person-row-${personId}`).click();
    await page.waitForURL(`**/persons/${personId}`);
    await historyEntry(L('card', 'history.events.restored')).waitFor();
    await historyEntry('Asked about the Saturday kids class.').waitFor();
    await page.getByTestId('status-badge').filter({ hasText: 'Customer' }).waitFor();
  });

  it('imports a small CSV through the wizard: a dry run first, then the real run', async () => {
    const csv = [
      'First name,Last name,Mobile,E-mail,Level',
      'Bo,Berg,0702223344,bo@example.com,Silver',
      'Cilla,Carlsson,0703334455,cilla-at-example.com,Gold',
      'Dan,Dahl,0704445566,dan@example.com,Gold',
    ].join('\n');

    await page.getByTestId('nav-persons').click();
    await page.getByTestId('import').click();
    await page.waitForURL('**/import');
    await page.getByTestId('import-kind').getByText(L('imports', 'kinds.person')).click();
    await page.getByTestId('import-file').setInputFiles({
      name: 'members.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByText('members.csv').waitFor();
    await page.getByTestId('import-upload').click();

    // Known headers are matched by themselves; "Level" is matched by hand.
    await page.getByTestId('import-mapping').waitFor();
    const target = (i: number) => page.getByTestId(`import-target-${i}`);
    await expect.poll(() => target(0).inputValue()).toBe(L('imports', 'targets.firstName'));
    expect(await target(1).inputValue()).toBe(L('imports', 'targets.lastName'));
    expect(await target(2).inputValue()).toBe(L('imports', 'targets.phone'));
    expect(await target(3).inputValue()).toBe(L('imports', 'targets.email'));
    expect(await target(4).inputValue()).toBe(L('imports', 'mapping.skip'));
    await target(4).click();
    await page.getByRole('option', { name: 'Membership' }).click();
    expect(await target(4).inputValue()).toBe('Membership');
    await page
      .getByTestId('import-duplicate-mode')
      .getByLabel(L('imports', 'mapping.mode.skip'))
      .check();
    await shot('05-import-mapping');

    // Every value is known, so the file is checked straight away.
    await page.getByTestId('import-next').click();
    const problems = page.getByTestId('import-problems');
    // Cilla is record 2; line 1 is the header, so she is on line 3. Her bad email is a
    // warning: she is imported without it.
    const bad = problems.locator('tbody tr').filter({ hasText: 'cilla-at-example.com' });
    await bad.waitFor();
    expect((await bad.locator('td').nth(0).innerText()).trim()).toBe('2');
    expect((await bad.locator('td').nth(1).innerText()).trim()).toBe('3');
    expect(await problems.locator('tbody tr').count()).toBe(1);
    await page.getByTestId('import-count-created').filter({ hasText: '3' }).waitFor();
    await page.getByTestId('import-count-warned').filter({ hasText: '1' }).waitFor();
    await page.getByTestId('import-count-failed').filter({ hasText: '0' }).waitFor();
    // Nothing has been written by the check.
    expect(
      ((await api('GET', '/api/persons?limit=10&count=true')) as { total: number }).total,
    ).toBe(1);
    await shot('06-import-check');

    await page.getByTestId('import-run').click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    await report.getByTestId('import-count-created').filter({ hasText: '3' }).waitFor();
    await report.getByTestId('import-count-warned').filter({ hasText: '1' }).waitFor();
    await shot('07-import-report');

    await page.getByTestId('import-open-list').click();
    await page.waitForURL((u) => u.pathname === '/persons');
    const table = page.getByTestId('persons-table');
    await table.getByText('Bo Berg').waitFor();
    await table.getByText('Dan Dahl').waitFor();
    await table.getByText('Astrid Lindqvist').waitFor();
    await table.getByText('Cilla Carlsson').waitFor();
    await shot('08-persons-list');
  });
});

describe.skipIf(!hasChromium())('contacts on a tablet (Swedish, demo data)', () => {
  const L = labels('sv');
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let api: Api;
  const shot = (name: string) => screenshot(page, `contacts-sv-${name}`);

  beforeAll(async () => {
    server = await startServer();
    api = await setUp(server, { name: 'Söderhallen Dans', locale: 'sv' }, true);
    browser = await openBrowser({ width: 768, height: 1024, locale: 'sv-SE' });
    page = browser.page;
    await logIn(page, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Below 992 px the navigation sits behind the burger. */
  async function navigate(section: string) {
    await page.getByTestId('burger').click();
    await page.getByTestId(`nav-${section}`).click();
  }

  it('filters the persons list by status, and the address keeps the filter', async () => {
    const { items } = (await api('GET', '/api/settings/statuses?entity=person')) as {
      items: { id: string; name: string }[];
    };
    const customer = items.find((s) => s.name === 'Kund');
    expect(customer).toBeDefined();

    await navigate('persons');
    await page.getByRole('heading', { name: L('contacts', 'persons.title') }).waitFor();
    const rows = page.locator('[data-testid^="person-row-"]');
    await rows.first().waitFor();
    await shot('01-persons');

    // Pages turn by cursor, from the keyboard too; the count is asked for once.
    const range = page.getByTestId('list-range');
    // The demo club has 390–400 persons (its families and club events add some at random), and
    // this journey adds a few more: any three-digit count.
    await range.filter({ hasText: /^1–50 av \d{3}$/ }).waitFor();
    const firstName = await rows.first().innerText();
    await page.getByTestId('page-next').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.searchParams.has('cursor'));
    await range.filter({ hasText: /^51–100 av \d{3}$/ }).waitFor();
    expect(await rows.count()).toBe(50);
    expect(await rows.first().innerText()).not.toBe(firstName);
    await shot('01b-persons-page-2');
    await page.getByTestId('page-prev').click();
    await range.filter({ hasText: /^1–50 av / }).waitFor();
    await expect.poll(() => rows.first().innerText()).toBe(firstName);
    expect(await page.getByTestId('page-prev').isDisabled()).toBe(true);

    await page.getByTestId('filter-status').click();
    await page.getByRole('option', { name: 'Kund', exact: true }).click();
    await page.keyboard.press('Escape');
    await page.waitForURL((u) => u.searchParams.has('statusId'));
    expect(page.url()).toContain(customer!.id);
    // Every row left has the status.
    await expect
      .poll(async () => {
        const texts = await rows.allInnerTexts();
        return texts.length > 0 && texts.every((t) => t.includes('Kund'));
      })
      .toBe(true);
    await shot('02-persons-filtered');

    // A reload (or a shared link) shows the same filtered list.
    await page.reload();
    await rows.first().waitFor();
    expect(new URL(page.url()).searchParams.get('statusId')).toContain(customer!.id);
    const overflow = await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('opens a person and a company', async () => {
    const rows = page.locator('[data-testid^="person-row-"]');
    const name = (await rows.first().locator('td').nth(1).innerText()).trim();
    await rows.first().click();
    await page.waitForURL(new RegExp(`/persons/${UUID}$`));
    await page.getByTestId('contact-name').filter({ hasText: name }).waitFor();
    await page.getByRole('heading', { name: L('card', 'history.title') }).waitFor();
    await page.getByTestId('history-entry').first().waitFor();
    await page.getByTestId('status-badge').filter({ hasText: 'Kund' }).waitFor();
    await shot('03-person');

    await navigate('companies');
    await page.getByRole('heading', { name: L('contacts', 'companies.title') }).waitFor();
    const companies = page.locator('[data-testid^="company-row-"]');
    await companies.first().waitFor();
    await shot('04-companies');
    await companies.first().click();
    await page.waitForURL(new RegExp(`/companies/${UUID}$`));
    await page.getByTestId('contact-name').waitFor();
    await page.getByTestId('history-entry').first().waitFor();
    await shot('05-company');
    const overflow = await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
