import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshot, type Browser } from './support/browser.ts';
import { hasChromium } from './support/chromium.ts';
import { labels } from './support/locales.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { logIn, setUp, type Api } from './support/session.ts';

/**
 * A Swedish club's first week (issue 10): staff land on their work, Start lists the first steps
 * read from the club's data, mistyped addresses are "not found" inside the app, and the words
 * say what the buttons do.
 */
const sv = labels('sv');

async function openNav(page: Page) {
  const burger = page.getByTestId('burger');
  if (await burger.isVisible()) await burger.click();
}

describe.skipIf(!hasChromium())('a Swedish club’s first week', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let api: Api;

  beforeAll(async () => {
    server = await startServer();
    api = await setUp(server, { name: 'Södermalms Simklubb', locale: 'sv' }, true);
    browser = await openBrowser({ width: 1280, height: 900, locale: 'sv-SE' });
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('names the password eye in Swedish, and lands the owner on the board', async () => {
    await page.goto(`${server.url}/login`);
    const eye = page.getByRole('button', { name: sv('common', 'a11y.togglePassword') });
    await eye.waitFor();
    await logIn(page, server.url);
    await page.waitForURL('**/board');
    await page.getByTestId('board-new-call').waitFor();
  });

  it('keeps the first steps on Start, each ticked from the club’s data', async () => {
    await openNav(page);
    await page
      .getByTestId('nav-home')
      .filter({ hasText: sv('common', 'nav.home') })
      .click();
    await page.waitForURL('**/start');
    await page.getByTestId('first-steps').waitFor();
    // The demo club has branches, staff and persons: every step is done, and says so.
    for (const step of ['branches', 'staff', 'persons']) {
      await page.locator(`[data-testid="step-${step}"][data-done]`).waitFor();
    }
    expect(await page.getByTestId('first-steps-progress').textContent()).toBe('3 av 3 klara');
    const count = await page.getByTestId('my-work-count').textContent();
    expect(count).not.toBe('…');
    await screenshot(page, 'first-week-start-1280');
    await page.setViewportSize({ width: 768, height: 1024 });
    await screenshot(page, 'first-week-start-768');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId('start-board').click();
    await page.waitForURL('**/board');
  });

  it('shows a new club what is left to do', async () => {
    const fresh = await startServer();
    try {
      await setUp(fresh, { name: 'Ny klubb', locale: 'sv' });
      const b = await openBrowser({ width: 1280, height: 900, locale: 'sv-SE' });
      try {
        await logIn(b.page, fresh.url);
        await b.page.waitForURL('**/board');
        await b.page.goto(`${fresh.url}/start`);
        for (const step of ['branches', 'staff', 'persons']) {
          await b.page.locator(`[data-testid="step-${step}"]:not([data-done])`).waitFor();
        }
        expect(await b.page.getByTestId('first-steps-progress').textContent()).toBe('0 av 3 klara');
        await screenshot(b.page, 'first-week-start-new-club-1280');
        await b.page.getByTestId('step-branches-link').click();
        await b.page.waitForURL('**/settings/branches');
      } finally {
        await b.close();
      }
    } finally {
      await fresh.stop();
    }
  });

  it('answers a mistyped settings address with "not found" inside the app', async () => {
    await page.goto(`${server.url}/settings/lists/tag`);
    await page.getByTestId('not-found').waitFor();
    await page.getByText(sv('common', 'notFound.title')).waitFor();
    expect(await page.getByTestId('nav-settings').count()).toBe(1);
    await screenshot(page, 'first-week-not-found-list-1280');
    await page.goto(`${server.url}/settings/lists/tags`);
    await page.getByTestId('not-found').waitFor({ state: 'detached' });
  });

  it('answers a malformed task address with "not found", not with fields to correct', async () => {
    await page.goto(`${server.url}/tasks/abc`);
    await page.getByTestId('task-not-found').waitFor();
    expect(await page.getByText(sv('common', 'errors.validation')).count()).toBe(0);
    await screenshot(page, 'first-week-not-found-task-1280');
    await page.goto(`${server.url}/no/such/page`);
    await page.getByTestId('not-found').waitFor();
  });

  it('completes a task with "Slutför", not "Stäng", beside "Avbryt"', async () => {
    const tasks = (await api('GET', '/api/tasks?limit=50&state=open')) as {
      items: { id: string; type: string }[];
    };
    const call = tasks.items.find((t) => t.type === 'call');
    expect(call).toBeDefined();
    await page.goto(`${server.url}/tasks/${call!.id}`);
    await page.getByRole('button', { name: sv('tasks', 'actions.complete'), exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: sv('tasks', 'result.save'), exact: true }).waitFor();
    await dialog.getByRole('button', { name: sv('common', 'actions.cancel') }).waitFor();
    expect(sv('tasks', 'result.save')).toBe('Slutför');
    // The dialog's cross is named in Swedish too.
    await dialog.getByRole('button', { name: sv('common', 'a11y.close') }).waitFor();
    await screenshot(page, 'first-week-result-dialog-1280');
    await page.keyboard.press('Escape');
  });
});
