import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshot, type Browser } from './support/browser.ts';
import { hasChromium } from './support/chromium.ts';
import { startServer, type RunningServer } from './support/server.ts';

/**
 * An admin shapes the CRM (C-4 … C-7, C-12): a status with its colours, a tag, industries
 * moved in one go, a dropdown custom field, the CRM settings, and a contact restored from the
 * trash.
 */
const OWNER = { name: 'Olga Owner', email: 'olga@example.com', password: 'Lantern-Harbour-77' };

type Json = Record<string, unknown> & { id?: string };

async function confirm(page: Page) {
  await page.getByTestId('confirm').click();
  await page.getByTestId('confirm').waitFor({ state: 'detached' });
}

/** Types a colour and leaves the field, which closes its picker (it would cover the dialog). */
async function fillColor(page: Page, testId: string, value: string) {
  await page.getByTestId(testId).fill(value);
  await page.getByTestId(testId).press('Tab');
}

/** Opens a row's "…" menu and picks an action. */
async function rowAction(page: Page, rowTestId: string, action: string) {
  await page
    .getByTestId(rowTestId)
    .getByRole('button', { name: /^Actions for/ })
    .click();
  await page.getByRole('menuitem', { name: action }).click();
}

describe.skipIf(!hasChromium())('CRM settings and trash journey', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let api: (method: string, path: string, body?: unknown) => Promise<Json>;
  const shot = (name: string) => screenshot(page, `crm-${name}`);

  beforeAll(async () => {
    server = await startServer();
    const setup = await fetch(`${server.url}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({
        organization: {
          name: 'Northside Judo',
          timezone: 'Europe/Stockholm',
          locale: 'en',
          currency: 'SEK',
        },
        owner: OWNER,
      }),
    });
    expect(setup.status).toBe(201);
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email: OWNER.email, password: OWNER.password }),
    });
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    api = async (method, path, body) => {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: {
          cookie,
          origin: server.url,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return (text ? JSON.parse(text) : {}) as Json;
    };

    browser = await openBrowser({ width: 1280, height: 860 });
    page = browser.page;
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-email').fill(OWNER.email);
    await page.getByTestId('login-password').fill(OWNER.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('adds a status with its own colours, reorders it, and archives one in use', async () => {
    await page.goto(`${server.url}/settings/organization`);
    await page.getByTestId('settings-statuses').click();
    await page.getByTestId('status-row-Prospect').waitFor();

    await page.getByTestId('status-add').click();
    await page.getByTestId('status-save').click();
    await page.getByText('Required').waitFor();
    await page.getByTestId('status-name').fill('Hot lead');
    await page.getByTestId('status-abbreviation').fill('HL');
    await fillColor(page, 'status-color', '#ffffff');
    await fillColor(page, 'status-background', '#e8590c');
    await page.getByTestId('status-preview').getByText('Hot lead').waitFor();
    await shot('01-status-modal');
    await page.getByTestId('status-save').click();
    const row = page.getByTestId('status-row-Hot lead');
    await row.waitFor();
    const badge = row.locator('.mantine-Badge-root').first();
    expect(await badge.getAttribute('style')).toContain('background-color: rgb(232, 89, 12)');

    // Last in the list: one step up puts it above "Former customer", for every page.
    await page.getByTestId('move-up-Hot lead').click();
    await expect
      .poll(async () => {
        const { items } = (await api('GET', '/api/settings/statuses?entity=person')) as {
          items: { name: string }[];
        };
        return items.map((s) => s.name);
      })
      .toEqual(['Prospect', 'Customer', 'Hot lead', 'Former customer']);

    // A status a person has cannot be deleted: the page offers to archive it instead.
    const { items } = (await api('GET', '/api/settings/statuses?entity=person')) as {
      items: { id: string; name: string }[];
    };
    const hot = items.find((s) => s.name === 'Hot lead');
    await api('POST', '/api/persons', { firstName: 'Kim', statusId: hot?.id });
    await rowAction(page, 'status-row-Hot lead', 'Delete');
    // The refusal opens a second dialog in place of the first.
    await page.getByTestId('confirm').click();
    await page.getByText(/1 contact still has the status “Hot lead”/).waitFor();
    await shot('02-status-in-use');
    await confirm(page);
    await page.getByTestId('status-row-Hot lead').waitFor({ state: 'detached' });
    await page.getByTestId('show-archived').check();
    await page.getByTestId('status-row-Hot lead').getByText('Archived').waitFor();
  });

  it('adds a coloured tag for persons only, and moves all companies to another industry', async () => {
    await page.getByTestId('settings-lists').click();
    await page.waitForURL('**/settings/lists/tags');
    await page.getByTestId('lookup-add').click();
    await page.getByTestId('lookup-name').fill('Trial class booked');
    await fillColor(page, 'lookup-color', '#2f9e44');
    await page.getByTestId('lookup-scope').getByText('Persons').click();
    await page.getByTestId('lookup-save').click();
    const tagRow = page.getByTestId('lookup-row-Trial class booked');
    await tagRow.getByText('Persons').waitFor();
    const tags = (await api('GET', '/api/settings/tags')) as {
      items: { name: string; color: string; scope: string }[];
    };
    expect(tags.items.find((t) => t.name === 'Trial class booked')).toMatchObject({
      color: '#2f9e44',
      scope: 'person',
    });

    const fitness = await api('POST', '/api/settings/industries', { name: 'Fitness' });
    await api('POST', '/api/settings/industries', { name: 'Sports' });
    await api('POST', '/api/companies', { name: 'Gym One AB', industryId: fitness.id });
    await api('POST', '/api/companies', { name: 'Gym Two AB', industryId: fitness.id });
    await page.getByTestId('lookup-kinds').getByText('Industries').click();
    await page.waitForURL('**/settings/lists/industries');
    const fitnessRow = page.getByTestId('lookup-row-Fitness');
    await fitnessRow.getByTestId('lookup-usage').filter({ hasText: '2' }).waitFor();
    await rowAction(page, 'lookup-row-Fitness', 'Move companies…');
    await page.getByTestId('move-confirm').click();
    await page.getByText('Choose where to move them').waitFor();
    await page.getByTestId('move-target').click();
    await page.getByRole('option', { name: 'Sports' }).click();
    await page.getByTestId('move-confirm').click();
    await page.getByText('2 companies moved from “Fitness” to “Sports”.').waitFor();
    await page
      .getByTestId('lookup-row-Sports')
      .getByTestId('lookup-usage')
      .filter({ hasText: '2' })
      .waitFor();
    await shot('03-industries');
    // Deleting asks first, saying how many contacts lose the entry.
    await rowAction(page, 'lookup-row-Sports', 'Delete');
    await page
      .getByText('Delete “Sports”? 2 contacts use it; it will be removed from all of them.', {
        exact: false,
      })
      .waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await rowAction(page, 'lookup-row-Fitness', 'Delete');
    await page.getByText('Delete “Fitness”? No contact uses it.', { exact: false }).waitFor();
    await confirm(page);
    await page.getByTestId('lookup-row-Fitness').waitFor({ state: 'detached' });
  });

  it('defines a dropdown custom field with coloured options', async () => {
    await page.getByTestId('settings-custom-fields').click();
    await page.getByTestId('empty-state').waitFor();
    await page.getByTestId('custom-field-add').click();
    await page.getByTestId('custom-field-name').fill('Belt');
    await page.getByTestId('custom-field-type').click();
    await page.getByRole('option', { name: 'Dropdown' }).click();
    // Choosing "dropdown" starts one empty option; saving it unnamed is refused next to it.
    await page.getByTestId('custom-field-save').click();
    await page.getByTestId('option-0').getByText('Required').waitFor();
    await page.getByTestId('option-name-0').fill('White');
    await page.getByTestId('option-add').click();
    await page.getByTestId('option-name-1').fill('Black');
    await page.getByTestId('option-abbreviation-1').fill('BLK');
    await fillColor(page, 'option-1-color', '#ffffff');
    await fillColor(page, 'option-1-background', '#000000');
    await page.getByTestId('option-preview-1').getByText('BLK').waitFor();
    await page.getByRole('button', { name: 'Move “Black” up' }).click();
    await shot('04-custom-field-modal');
    await page.getByTestId('custom-field-save').click();
    await page.getByTestId('custom-field-row-Belt').getByText('Dropdown').waitFor();

    const { items } = (await api('GET', '/api/settings/custom-fields?entity=person')) as {
      items: { name: string; type: string; options: { name: string; background: string }[] }[];
    };
    const belt = items.find((f) => f.name === 'Belt');
    expect(belt?.type).toBe('dropdown');
    expect(belt?.options.map((o) => [o.name, o.background])).toEqual([
      ['Black', '#000000'],
      ['White', '#e5e7eb'],
    ]);
    // The type is fixed once the field exists.
    await rowAction(page, 'custom-field-row-Belt', 'Edit');
    expect(await page.getByTestId('custom-field-type').isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
  });

  it('saves the CRM settings, and offers to overwrite a newer save', async () => {
    await page.getByTestId('settings-crm').click();
    await page.getByTestId('crm-retention').fill('0');
    await page.getByTestId('crm-save').click();
    await page.getByText('Enter a whole number of days from 1 to 3650').waitFor();
    await page.getByTestId('crm-retention').fill('60');
    await page.getByTestId('crm-save').click();
    await page.getByText('The CRM settings have been saved.').waitFor();

    const current = await api('GET', '/api/settings/crm');
    await api('PATCH', '/api/settings/crm', { trashRetentionDays: 90, version: current.version });
    await page.getByTestId('crm-retention').fill('45');
    await page.getByTestId('crm-save').click();
    await page.getByText('Someone else saved these settings').waitFor();
    await page.getByTestId('conflict-overwrite').click();
    await expect
      .poll(async () => (await api('GET', '/api/settings/crm')).trashRetentionDays)
      .toBe(45);
  });

  it('sets the club’s working day, and counts a next step from a date the result asks for', async () => {
    await page.getByTestId('settings-crm').click();
    await page.getByTestId('crm-workday-start').fill('08:30');
    await page.getByTestId('crm-workday-end').fill('07:00');
    await page.getByTestId('crm-save').click();
    await page.getByText('Must be later than 8:30 AM').waitFor();
    await page.getByTestId('crm-workday-end').fill('20:00');
    await shot('04b-working-day');
    await page.getByTestId('crm-save').click();
    await page.getByText('The CRM settings have been saved.').first().waitFor();
    await expect
      .poll(async () => {
        const saved = await api('GET', '/api/settings/crm');
        return [saved.workdayStart, saved.workdayEnd];
      })
      .toEqual(['08:30', '20:00']);

    await page.getByTestId('settings-task-templates').click();
    await page.getByTestId('template-results-Personal call').click();
    await page.getByTestId('result-add').click();
    await page.getByTestId('result-name').fill('Going to buy');
    await page.getByTestId('field-add').click();
    await page.getByTestId('field-label-0').fill('Planned date');
    await page.getByTestId('field-type-0').click();
    await page.getByRole('option', { name: 'Date' }).click();
    await page.getByTestId('next-toggle').check();
    await page.getByTestId('next-template').click();
    await page.getByRole('option', { name: 'Personal call' }).click();
    await page.getByTestId('next-amount').fill('2');
    await page.getByTestId('next-when-hint').getByText('At 8:30 AM').waitFor();
    await page.getByTestId('next-from').click();
    await page.getByRole('option', { name: 'The date in “Planned date”' }).click();
    await shot('04c-next-step-from-date');
    await page.getByTestId('result-save').click();
    await page
      .getByTestId('result-row-Going to buy')
      .getByText('Personal call 2 days after “Planned date” at 8:30 AM')
      .waitFor();
    await shot('04d-results');
    await page.keyboard.press('Escape');
  });

  it('restores a deleted person from the trash and purges a company for good', async () => {
    const { person } = (await api('POST', '/api/persons', {
      firstName: 'Ruth',
      lastName: 'Returning',
    })) as { person: { id: string } };
    await api('POST', `/api/persons/${person.id}/history`, { text: 'Asked about kids classes' });
    await api('DELETE', `/api/persons/${person.id}`);
    const { company } = (await api('POST', '/api/companies', { name: 'Gone For Good AB' })) as {
      company: { id: string };
    };
    await api('DELETE', `/api/companies/${company.id}`);

    await page.goto(`${server.url}/trash`);
    await page.getByText('stay here for 45 days').waitFor();
    await page.getByTestId(`trash-row-${person.id}`).getByText('Olga Owner').waitFor();
    await page.getByTestId('trash-kind').getByText('Companies').click();
    await page.getByTestId(`trash-row-${person.id}`).waitFor({ state: 'detached' });
    await page.getByTestId('trash-kind').getByText('All').click();
    await page.getByTestId('trash-search').fill('ruth');
    await page.getByTestId(`trash-row-${company.id}`).waitFor({ state: 'detached' });
    await shot('05-trash');

    await page.getByTestId(`trash-restore-${person.id}`).click();
    await page.getByText('“Ruth Returning” has been restored with its history.').waitFor();
    await page.getByTestId('empty-state').waitFor();
    const restored = await api('GET', `/api/persons/${person.id}`);
    expect(restored.id).toBe(person.id);
    const history = (await api('GET', `/api/persons/${person.id}/history`)) as {
      items: { text?: string | null }[];
    };
    expect(history.items.some((h) => h.text === 'Asked about kids classes')).toBe(true);

    await page.getByTestId('trash-search').fill('');
    await page.getByTestId(`trash-purge-${company.id}`).click();
    await confirm(page);
    await page.getByText('The trash is empty').waitFor();
    const trash = (await api('GET', '/api/trash')) as { total: number };
    expect(trash.total).toBe(0);
  });

  it('tells a sales user that the trash is for administrators', async () => {
    const SALES = { email: 'sam@example.com', password: 'Copper-Meadow-42' };
    const created = (await api('POST', '/api/users', {
      name: 'Sam Sales',
      email: SALES.email,
      role: 'sales',
    })) as { temporaryPassword: string };
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email: SALES.email, password: created.temporaryPassword }),
    });
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    const changed = await fetch(`${server.url}/api/me/password`, {
      method: 'POST',
      headers: { cookie, origin: server.url, 'content-type': 'application/json' },
      body: JSON.stringify({
        currentPassword: created.temporaryPassword,
        newPassword: SALES.password,
      }),
    });
    expect(changed.ok).toBe(true);

    const sales = await openBrowser({ width: 1280, height: 860 });
    try {
      await sales.page.goto(`${server.url}/login`);
      await sales.page.getByTestId('login-email').fill(SALES.email);
      await sales.page.getByTestId('login-password').fill(SALES.password);
      await sales.page.getByTestId('login-submit').click();
      await sales.page.waitForURL((u) => !u.pathname.startsWith('/login'));
      await sales.page.goto(`${server.url}/trash`);
      await sales.page
        .getByTestId('no-access')
        .getByText('Only administrators can see the trash', { exact: false })
        .waitFor();
      expect(await sales.page.getByTestId('trash-table').count()).toBe(0);
    } finally {
      await sales.close();
    }
  });

  it('fits a tablet: the settings tabs scroll and the lists stay usable', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(`${server.url}/settings/lists/tags`);
    await page.getByTestId('lookup-row-Trial class booked').waitFor();
    await page.getByTestId('settings-crm').scrollIntoViewIfNeeded();
    await page.getByTestId('settings-crm').click();
    await page.waitForURL('**/settings/crm');
    const overflow = await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await shot('06-tablet-crm');
  });
});
