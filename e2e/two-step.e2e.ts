import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshot, type Browser } from './support/browser.ts';
import { hasChromium } from './support/chromium.ts';
import { labels } from './support/locales.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { OWNER, logIn, setUp, type Api } from './support/session.ts';

/**
 * Two-step sign-in (issue 10, U-6): the owner turns it on with a code computed here from the
 * key the page shows, keeps the recovery codes, signs out and signs in with password and code.
 * Then the owner requires it for admins, and a new admin is sent to set it up before anything
 * else.
 */
const ADMIN = { name: 'Adam Admin', email: 'adam@example.com', password: 'Copper-Kettle-Meadow-5' };

/** The code an authenticator app shows for `secret`, `offsetSteps` steps of 30 s from now. */
const codeFor = (secret: string, offsetSteps = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret) }).generate({
    timestamp: Date.now() + offsetSteps * 30_000,
  });

/** Reads the key the way a person would: from the page, without its spaces. */
async function shownSecret(page: Page) {
  await page.getByTestId('two-step-manual').click();
  const text = await page.getByTestId('two-step-secret').innerText();
  return text.replace(/\s/g, '');
}

async function keepRecoveryCodes(page: Page) {
  const codes = page.getByTestId('recovery-codes').locator('code');
  await codes.first().waitFor();
  expect(await codes.count()).toBe(10);
  return codes.allInnerTexts();
}

async function finishRecoveryCodes(page: Page) {
  await page.getByTestId('codes-saved').check();
  await page.getByTestId('codes-done').click();
}

async function logOut(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await page.getByTestId('login-submit').waitFor();
}

async function passwordStep(page: Page, email: string, password: string) {
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

describe.skipIf(!hasChromium())('two-step sign-in journey', () => {
  const L = labels('en');
  const shot = (page: Page, name: string) => screenshot(page, `two-step-${name}`);
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let api: Api;
  let ownerSecret = '';
  let ownerRecoveryCodes: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    api = await setUp(server, { name: 'Northside Fitness', locale: 'en' });
    browser = await openBrowser({ width: 1280, height: 860 });
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('turns two-step on with the key shown and a code from the app', async () => {
    await logIn(page, server.url);
    await page.getByTestId('user-menu').click();
    await page.getByTestId('two-step-menu').click();
    await page.waitForURL('**/account/two-step');
    await expect
      .poll(() => page.getByTestId('two-step-state').textContent())
      .toBe(L('twoStep', 'state.off'));
    await shot(page, '1-off');

    await page.getByTestId('two-step-start').click();
    await page.getByTestId('two-step-qr').waitFor();
    ownerSecret = await shownSecret(page);
    expect(ownerSecret).toMatch(/^[A-Z2-7]{32}$/);
    await shot(page, '2-scan');

    // A wrong code first: the field says so and keeps what was typed.
    await page.getByTestId('two-step-code').fill('000000');
    await page.getByTestId('two-step-confirm').click();
    await page.getByText(L('common', 'validation.codeWrong')).waitFor();
    expect(await page.getByTestId('two-step-code').inputValue()).toBe('000000');

    await page.getByTestId('two-step-code').fill(codeFor(ownerSecret));
    await page.getByTestId('two-step-confirm').click();
    ownerRecoveryCodes = await keepRecoveryCodes(page);
    await shot(page, '3-recovery-codes');
    await finishRecoveryCodes(page);
    await expect
      .poll(() => page.getByTestId('two-step-state').textContent())
      .toBe(L('twoStep', 'state.on'));
    await shot(page, '4-on');
  });

  it('signs out, then signs in with the password and a code', async () => {
    await logOut(page);
    await passwordStep(page, OWNER.email, OWNER.password);
    await page.getByTestId('login-code').waitFor();
    await shot(page, '5-code-step');
    // No session yet: the API still answers 401 to this browser.
    const me = await page.evaluate(async () => (await fetch('/api/me')).status);
    expect(me).toBe(401);

    // The code of the next step: the one used to turn it on may not be taken twice.
    await page.getByTestId('login-code').fill(codeFor(ownerSecret, 1));
    await page.getByTestId('login-code-submit').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.getByTestId('user-menu').waitFor();
  });

  it('sends an admin to set it up first once the owner requires it', async () => {
    await page.goto(`${server.url}/settings/organization`);
    await page.getByTestId('require-two-step').click({ force: true });
    await page.getByTestId('confirm').click();
    await expect.poll(() => page.getByTestId('require-two-step').isChecked()).toBe(true);
    await shot(page, '6-require');

    const { temporaryPassword } = (await api('POST', '/api/users', {
      name: ADMIN.name,
      email: ADMIN.email,
      role: 'admin',
    })) as { temporaryPassword: string };
    await logOut(page);
    await passwordStep(page, ADMIN.email, temporaryPassword);
    await page.getByTestId('current-password').waitFor();
    await page.getByTestId('current-password').fill(temporaryPassword);
    await page.getByTestId('new-password').fill(ADMIN.password);
    await page.getByTestId('confirm-password').fill(ADMIN.password);
    await page.getByTestId('change-password-submit').click();

    await page.getByText(L('twoStep', 'forced.title')).waitFor();
    await page.getByTestId('two-step-qr').waitFor();
    // Nothing else answers until it is set up.
    const persons = await page.evaluate(async () => (await fetch('/api/persons')).status);
    expect(persons).toBe(403);
    const secret = await shownSecret(page);
    await shot(page, '7-forced-setup');
    await page.getByTestId('two-step-code').fill(codeFor(secret));
    await page.getByTestId('two-step-confirm').click();
    await keepRecoveryCodes(page);
    await finishRecoveryCodes(page);
    await page.getByTestId('user-menu').waitFor();
    expect(await page.evaluate(async () => (await fetch('/api/persons')).status)).toBe(200);
    await shot(page, '8-admin-in');
  });

  it('the owner, in with a recovery code, resets the admin’s two-step (a lost phone)', async () => {
    await logOut(page);
    await passwordStep(page, OWNER.email, OWNER.password);
    await page.getByTestId('login-code').fill(ownerRecoveryCodes[0]!);
    await page.getByTestId('login-code-submit').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));

    await page.goto(`${server.url}/settings/users`);
    const row = page.getByTestId('user-row').filter({ hasText: ADMIN.email });
    await row
      .getByRole('button', {
        name: L('settings', 'users.actionsFor').replace('{{name}}', ADMIN.name),
      })
      .click();
    await page.getByRole('menuitem', { name: L('settings', 'users.editAction') }).click();
    const section = page.getByTestId('user-two-step');
    await section.getByText(L('twoStep', 'state.on'), { exact: true }).waitFor();
    await shot(page, '9-admin-user');
    await page.getByTestId('two-step-reset').click();
    await shot(page, '10-reset-confirm');
    await page.getByTestId('confirm').click();
    await section.getByText(L('twoStep', 'state.off'), { exact: true }).waitFor();
    const last = await page.getByTestId('two-step-last-event').innerText();
    expect(last).toContain(`${OWNER.name}`);
    await shot(page, '11-reset-done');
    expect(browser.cspViolations).toEqual([]);
  });
});
