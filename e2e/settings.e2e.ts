import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshot, type Browser } from './support/browser.ts';
import { hasChromium } from './support/chromium.ts';
import { startServer, type RunningServer } from './support/server.ts';

/**
 * An owner looks after the club in Settings: the organization (with someone else saving at
 * the same time), branches, API tokens, staff, the background jobs that failed, and a backup.
 */
const OWNER = { name: 'Oscar Owner', email: 'oscar@example.com', password: 'Lantern-Harbour-77' };

async function confirm(page: Page) {
  await page.getByTestId('confirm').click();
  await page.getByTestId('confirm').waitFor({ state: 'detached' });
}

describe.skipIf(!hasChromium())('settings journey (desktop)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const shot = (name: string) => screenshot(page, `settings-${name}`);

  /** A second member of staff working through the API at the same time. */
  async function otherSession() {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email: OWNER.email, password: OWNER.password }),
    });
    const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? '';
    return (method: string, path: string, body?: unknown) =>
      fetch(`${server.url}${path}`, {
        method,
        headers: { cookie, origin: server.url, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }).then((r) => r.json() as Promise<Record<string, unknown>>);
  }

  beforeAll(async () => {
    server = await startServer();
    const res = await fetch(`${server.url}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({
        organization: {
          name: 'Eastside Dance',
          timezone: 'Europe/Warsaw',
          locale: 'en',
          currency: 'PLN',
        },
        owner: OWNER,
      }),
    });
    expect(res.status).toBe(201);
    browser = await openBrowser({ width: 1280, height: 860 });
    page = browser.page;
    await page.goto(`${server.url}/settings/organization`);
    // A deep link while logged out comes back to the same page after logging in.
    await page.waitForURL('**/login?redirect=*');
    await page.getByTestId('login-email').fill(OWNER.email);
    await page.getByTestId('login-password').fill(OWNER.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/settings/organization');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('renames the organization, and the header follows', async () => {
    await page.getByTestId('org-name').fill('Eastside Dance Studio');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('The organization’s settings have been saved.').waitFor();
    await page.getByTestId('club-name').filter({ hasText: 'Eastside Dance Studio' }).waitFor();
  });

  it('offers to reload or overwrite when someone else saved meanwhile', async () => {
    const api = await otherSession();
    const org = await api('GET', '/api/organization');
    await api('PATCH', '/api/organization', { name: 'Changed Elsewhere', version: org.version });
    await page.getByTestId('org-name').fill('Eastside Dance Academy');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Someone else saved these settings').waitFor();
    await shot('01-conflict');
    await page.getByRole('button', { name: 'Overwrite with mine' }).click();
    // The previous test's "saved" may still be showing: wait for the save itself.
    await expect
      .poll(async () => (await api('GET', '/api/organization')).name)
      .toBe('Eastside Dance Academy');
    await page.getByText('The organization’s settings have been saved.').first().waitFor();
  });

  it('adds, renames, archives and restores a branch', async () => {
    await page.getByTestId('settings-branches').click();
    await page.getByTestId('add-branch').first().click();
    await page.getByTestId('branch-save').click();
    await page.getByText('Required').waitFor();
    await page.getByTestId('branch-name').fill('North');
    await page.getByTestId('branch-save').click();
    const row = page.getByTestId('branch-row').filter({ hasText: 'North' });
    await row.waitFor();

    await page.getByTestId('add-branch').first().click();
    await page.getByTestId('branch-name').fill('north');
    await page.getByTestId('branch-save').click();
    await page.getByText('This name is already used').waitFor();
    await page.keyboard.press('Escape');

    await row.getByRole('button').click();
    await page.getByRole('menuitem', { name: 'Rename' }).click();
    await page.getByTestId('branch-name').fill('North Side');
    await page.getByTestId('branch-save').click();
    await page.getByTestId('branch-row').filter({ hasText: 'North Side' }).waitFor();

    await page
      .getByTestId('branch-row')
      .filter({ hasText: 'North Side' })
      .getByRole('button')
      .click();
    await page.getByRole('menuitem', { name: 'Archive' }).click();
    await confirm(page);
    await page.getByTestId('empty-state').waitFor();
    await shot('02a-after-archive');
    await page.getByRole('switch', { name: 'Show archived branches' }).check({ timeout: 5000 });
    const archived = page.getByTestId('branch-row').filter({ hasText: 'North Side' });
    await archived.filter({ hasText: 'Archived' }).waitFor();
    await shot('02-archived-branch');
    await archived.getByRole('button').click();
    await page.getByRole('menuitem', { name: 'Restore' }).click();
    await archived.filter({ hasText: 'Active' }).waitFor();
  });

  it('creates an API token, shows it once, and revokes it', async () => {
    await page.getByTestId('settings-api-tokens').click();
    await page.getByTestId('empty-state').waitFor();
    await page.getByTestId('add-token').click();
    await page.getByTestId('token-name').fill('Booking system');
    await page.getByTestId('token-save').click();
    const secret = (await page.getByTestId('token-secret').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^spt_/);
    await shot('03-token-created');
    await page.getByTestId('token-created-done').click();
    const withToken = await fetch(`${server.url}/api/organization`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(withToken.status).toBe(200);
    const row = page.getByTestId('token-row').filter({ hasText: 'Booking system' });
    await row.waitFor();
    expect(await row.textContent()).not.toContain(secret);
    await row.getByRole('button', { name: 'Revoke' }).click();
    await confirm(page);
    await page.getByTestId('empty-state').waitFor();
    const refused = await fetch(`${server.url}/api/organization`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(refused.status).toBe(401);
  });

  it('adds a user, refuses a taken email, and deactivates after asking', async () => {
    await page.getByTestId('settings-users').click();
    await page.getByTestId('add-user').click();
    await page.getByTestId('user-name').fill('Rita Reception');
    await page.getByTestId('user-email').fill('not-an-email');
    await page.getByTestId('user-save').click();
    await page.getByText('Enter a valid email address').waitFor();
    await page.getByTestId('user-email').fill(OWNER.email);
    await page.getByTestId('user-save').click();
    await page.getByText('A user with this email already exists').waitFor();
    await page.getByTestId('user-email').fill('rita@example.com');
    await page.getByTestId('user-save').click();
    await page.getByTestId('temporary-password').waitFor();
    await page.getByTestId('user-created-done').click();

    const row = page.getByTestId('user-row').filter({ hasText: 'rita@example.com' });
    await row.getByRole('button').click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    await page.getByTestId('edit-active').click({ force: true });
    await page.getByTestId('edit-save').click();
    await page.getByText('Deactivate this user?').waitFor();
    await shot('04-deactivate');
    await confirm(page);
    await row.filter({ hasText: 'Deactivated' }).waitFor();
    await shot('05-users');
  });

  it('shows the background jobs that failed: none on a new club', async () => {
    await page.getByTestId('settings-jobs').click();
    await page.waitForURL('**/settings/jobs');
    await page.getByTestId('empty-state').getByText('Nothing has failed').waitFor();
    await shot('06-background-jobs');
  });

  it('downloads a backup of the club’s database while it runs', async () => {
    await page.getByTestId('settings-backup').click();
    await page.waitForURL('**/settings/backup');
    await page.getByTestId('backup-download').waitFor();
    await shot('07-backup');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('backup-download').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^spotter-backup-.*\.tar\.gz$/);
    await page.getByText('The backup has been downloaded.').waitFor();
  });

  it('shows a page for addresses that do not exist', async () => {
    await page.goto(`${server.url}/no/such/page`);
    await page.getByTestId('not-found').waitFor();
  });
});
