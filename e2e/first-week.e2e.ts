import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshot, type Browser } from './support/browser.ts';
import { hasChromium } from './support/chromium.ts';
import { labels } from './support/locales.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { OWNER, type Api } from './support/session.ts';

/**
 * A Swedish club's first week (issue 10): set up on a tablet-sized page, staff land on their
 * work, Start lists the first steps read from the club's data, mistyped addresses are "not
 * found" inside the app, the words say what the buttons do, long emails wrap at sensible
 * points, the person page reads history first on a tablet, and list names are real links.
 */
const sv = labels('sv');
const LONG_EMAIL = 'anna-karin.lindqvist-bergstrom@kundtjanst.sodermalmssimklubb.example.se';

async function openNav(page: Page) {
  const burger = page.getByTestId('burger');
  if (await burger.isVisible()) await burger.click();
}

async function session(url: string): Promise<Api> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email: OWNER.email, password: OWNER.password }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  return async (method, path, body) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        cookie,
        origin: url,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : {};
  };
}

/** True when the element's own text is wider than its box, i.e. cut off. */
const isCutOff = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((el) => el.scrollWidth > el.clientWidth + 1);

describe.skipIf(!hasChromium())('a Swedish club’s first week', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let api: Api;
  let personId = '';
  let taskId = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await openBrowser({ width: 768, height: 1024, locale: 'sv-SE' });
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sets up in Swedish: the demo data says what it adds, the currency reads in full', async () => {
    await page.goto(server.url);
    await page.waitForURL('**/setup');
    await page.getByText(sv('setup', 'demoDataHint')).waitFor();
    expect(sv('setup', 'demoDataHint')).toContain('300 personer');
    await page.getByTestId('org-name').fill('Södermalms Simklubb');
    expect(await page.getByTestId('org-currency').inputValue()).toBe('SEK — svensk krona');
    expect(await isCutOff(page, 'org-currency')).toBe(false);
    // Mantine's password eye is named in Swedish, like everything else on the page.
    await page
      .getByRole('button', { name: sv('common', 'a11y.togglePassword') })
      .first()
      .waitFor();
    await page.getByTestId('owner-name').fill(OWNER.name);
    await page.getByTestId('owner-email').fill(OWNER.email);
    await page.getByTestId('owner-password').fill(OWNER.password);
    await page.getByTestId('owner-confirm-password').fill(OWNER.password);
    await screenshot(page, 'first-week-setup-768');
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await isCutOff(page, 'org-currency')).toBe(false);
    await screenshot(page, 'first-week-setup-1280');
    await page.getByTestId('setup-submit').click();
    // Staff land where their work is: the board.
    await page.waitForURL('**/board');
    await page.getByTestId('board-new-call').waitFor();
    api = await session(server.url);
  });

  it('keeps the first steps on Start, each ticked from the club’s own data', async () => {
    await openNav(page);
    await page
      .getByTestId('nav-home')
      .filter({ hasText: sv('common', 'nav.home') })
      .click();
    await page.waitForURL('**/start');
    for (const step of ['branches', 'staff', 'persons']) {
      await page.locator(`[data-testid="step-${step}"]:not([data-done])`).waitFor();
    }
    expect(await page.getByTestId('first-steps-progress').textContent()).toBe('0 av 3 klara');
    await page
      .getByTestId('my-work-count')
      .filter({ hasText: sv('home', 'work.nothing') })
      .waitFor();
    await screenshot(page, 'first-week-start-new-1280');

    await api('POST', '/api/branches', { name: 'Hornstull' });
    await api('POST', '/api/users', {
      name: 'Rita Reception',
      email: 'rita@example.com',
      role: 'reception',
    });
    const created = (await api('POST', '/api/persons', {
      firstName: 'Anna-Karin',
      lastName: 'Lindqvist-Bergström',
      phones: [{ number: '+46701234567', label: 'mobile' }],
      emails: [{ email: LONG_EMAIL, label: 'work' }],
    })) as { person: { id: string } };
    personId = created.person.id;
    for (const text of ['Frågade om simskola för barnen', 'Vill prova på vattengympa']) {
      await api('POST', `/api/persons/${personId}/history`, { text });
    }
    const templates = (await api('GET', '/api/settings/task-templates')) as {
      items: { id: string; type: string }[];
    };
    const call = templates.items.find((t) => t.type === 'call')!;
    const task = (await api('POST', '/api/tasks', {
      templateId: call.id,
      contactId: personId,
      dueAt: new Date().toISOString(),
    })) as { id: string };
    taskId = task.id;

    await page.reload();
    for (const step of ['branches', 'staff', 'persons']) {
      await page.locator(`[data-testid="step-${step}"][data-done]`).waitFor();
    }
    expect(await page.getByTestId('first-steps-progress').textContent()).toBe('3 av 3 klara');
    await screenshot(page, 'first-week-start-done-1280');
    await page.setViewportSize({ width: 768, height: 1024 });
    await screenshot(page, 'first-week-start-done-768');
    await page.getByTestId('step-branches-link').click();
    await page.waitForURL('**/settings/branches');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('answers a mistyped settings address with "not found" inside the app', async () => {
    await page.goto(`${server.url}/settings/lists/tag`);
    await page.getByTestId('not-found').waitFor();
    await page.getByText(sv('common', 'notFound.title')).waitFor();
    expect(await page.getByTestId('nav-settings').count()).toBe(1);
    await screenshot(page, 'first-week-not-found-list-1280');
    await page.goto(`${server.url}/settings/lists/tags`);
    await page.getByTestId('lookup-add').or(page.getByTestId('empty-state')).first().waitFor();
    expect(await page.getByTestId('not-found').count()).toBe(0);
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
    await page.goto(`${server.url}/tasks/${taskId}`);
    await page.getByRole('button', { name: sv('tasks', 'actions.complete'), exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Slutför', exact: true }).waitFor();
    await dialog.getByRole('button', { name: sv('common', 'actions.cancel') }).waitFor();
    // The dialog's cross is named in Swedish too.
    await dialog.getByRole('button', { name: sv('common', 'a11y.close') }).waitFor();
    await screenshot(page, 'first-week-result-dialog-1280');
    await page.keyboard.press('Escape');
  });

  it('wraps a long email in the expanded card only before the @ and dots', async () => {
    for (const width of [1280, 768]) {
      await page.setViewportSize({ width, height: width === 768 ? 1024 : 900 });
      await page.goto(`${server.url}/board`);
      await page.getByTestId('card-open').first().click();
      const email = page.getByRole('dialog').getByTestId('email-address');
      await email.waitFor();
      expect(await email.getAttribute('title')).toBe(LONG_EMAIL);
      // A line may end only before "@" or a dot (or, as the browser does, after a hyphen).
      const midWord = await email.evaluate((el) => {
        const range = document.createRange();
        const cuts: string[] = [];
        for (const node of Array.from(el.childNodes)) {
          const text = node.textContent ?? '';
          if (node.nodeType !== Node.TEXT_NODE) continue;
          let lastTop: number | undefined;
          for (let i = 0; i < text.length; i++) {
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const top = Math.round(range.getBoundingClientRect().top);
            if (lastTop !== undefined && top > lastTop && text[i - 1] !== '-') {
              cuts.push(text.slice(0, i) + '|' + text.slice(i));
            }
            lastTop = top;
          }
        }
        return cuts;
      });
      expect(midWord).toEqual([]);
      await screenshot(page, `first-week-expanded-card-${width}`);
      await page.keyboard.press('Escape');
    }
  });

  it('puts the history first on a tablet and beside the details on a desktop', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(`${server.url}/persons/${personId}`);
    const history = page.getByTestId('contact-history');
    const details = page.getByTestId('person-details');
    await history.getByText('Vill prova på vattengympa').waitFor();
    const [h768, d768] = [await history.boundingBox(), await details.boundingBox()];
    expect(h768!.y).toBeLessThan(d768!.y);
    await screenshot(page, 'first-week-person-768');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.waitForTimeout(200);
    const [h1280, d1280] = [await history.boundingBox(), await details.boundingBox()];
    expect(h1280!.x).toBeGreaterThan(d1280!.x);
    await screenshot(page, 'first-week-person-1280');
  });

  it('makes the names in lists real links: Ctrl+click opens a tab, a row click still opens', async () => {
    await page.goto(`${server.url}/persons`);
    const row = page.getByTestId(`person-row-${personId}`);
    const link = row.getByTestId('row-name-link');
    expect(await link.getAttribute('href')).toBe(`/persons/${personId}`);
    const [tab] = await Promise.all([
      browser.context.waitForEvent('page'),
      link.click({ modifiers: ['Control'] }),
    ]);
    await tab.waitForLoadState();
    expect(new URL(tab.url()).pathname).toBe(`/persons/${personId}`);
    await tab.close();
    // The list itself stayed where it was.
    expect(new URL(page.url()).pathname).toBe('/persons');
    // A long email ends in "…" inside its column, the whole address on hover.
    const emailCell = row.locator(`span[title="${LONG_EMAIL}"]`);
    expect((await emailCell.locator('xpath=..').boundingBox())!.width).toBeLessThanOrEqual(320);
    await screenshot(page, 'first-week-persons-1280');
    await row.locator('td').last().click();
    await page.waitForURL(`**/persons/${personId}`);

    await page.goto(`${server.url}/tasks`);
    const taskRow = page.locator(`[data-task-id="${taskId}"]`);
    await taskRow.waitFor();
    expect(await taskRow.locator(`a[href="/tasks/${taskId}"]`).count()).toBe(1);
    expect(await taskRow.locator(`a[href="/persons/${personId}"]`).count()).toBe(1);
  });
});
