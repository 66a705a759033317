import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshot, type Browser } from './support/browser.ts';
import { hasChromium } from './support/chromium.ts';
import { middayZone } from './support/clock.ts';
import { labels } from './support/locales.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { logIn, setUp, type Api } from './support/session.ts';

/**
 * A receptionist's morning on a 768 px tablet, in Swedish, over demo data (issue 10,
 * acceptance 3): the board shows whole columns and remembers the ones chosen on this device;
 * "my day" lists what is overdue or due today with big buttons; a call round is worked
 * through with "call next"; and the keyboard reaches the cards quickly, with `?` for help.
 */

type Result = { id: string; name: string; fields: unknown[]; next: unknown };
type Template = { id: string; name: string; type: string; results: Result[] };
type Listed = { id: string; contact: { name: string } | null; template: { id: string } };

const HOUR = 60 * 60 * 1000;

/** A result that asks for nothing more and starts no next step: the call is simply done. */
const plainResult = (t: Template) => t.results.find((r) => r.fields.length === 0 && !r.next)!;

/** Who has the focus: a card's id, or the test id of what is focused. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el?.dataset.cardId ?? el?.dataset.testid ?? el?.tagName ?? '';
  });

async function height(locator: Locator) {
  return (await locator.boundingBox())!.height;
}

describe.skipIf(!hasChromium())('the board on a tablet (Swedish, demo data, 768 px)', () => {
  const L = labels('sv');
  const zone = middayZone();
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let api: Api;
  let templates: Template[] = [];
  let roundId = '';
  const shot = (name: string) => screenshot(page, name);

  beforeAll(async () => {
    server = await startServer();
    api = await setUp(server, { name: 'Söderhallen Dans', locale: 'sv', timezone: zone }, true);
    const me = (await api('GET', '/api/me')) as { user: { id: string } };
    templates = ((await api('GET', '/api/settings/task-templates')) as { items: Template[] }).items;
    const call = templates.find((t) => t.type === 'call')!;
    const round = templates.find((t) => t.type === 'round')!;
    const person = async (firstName: string, lastName: string, phone: string) =>
      (
        (await api('POST', '/api/persons', {
          firstName,
          lastName,
          phones: [{ number: phone, label: 'mobile' }],
        })) as { person: { id: string } }
      ).person.id;
    const task = async (contactId: string, dueAt: Date, comment: string) =>
      api('POST', '/api/tasks', {
        templateId: call.id,
        contactId,
        assigneeId: me.user.id,
        dueAt: dueAt.toISOString(),
        comment,
      });
    await task(
      await person('Tova', 'Försenad', '+46701110001'),
      new Date(Date.now() - HOUR),
      'Ville boka prova på-pass',
    );
    await task(
      await person('Ylva', 'Idag', '+46701110002'),
      new Date(Date.now() + HOUR),
      'Ring efter lunch',
    );
    const created = await api('POST', '/api/tasks', {
      templateId: round.id,
      assigneeId: me.user.id,
      dueAt: new Date(Date.now() + HOUR / 2).toISOString(),
      comment: 'Vårterminen',
      personIds: [
        await person('Runa', 'Ett', '+46701110011'),
        await person('Runa', 'Två', '+46701110012'),
        await person('Runa', 'Tre', '+46701110013'),
      ],
    });
    roundId = created.id!;

    browser = await openBrowser({ width: 768, height: 1024, locale: 'sv-SE', timezoneId: zone });
    page = browser.page;
    await logIn(page, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows Unsorted, Overdue and Today whole, and keeps the chosen columns after a reload', async () => {
    await page.goto(`${server.url}/board`);
    const board = page.getByTestId('board');
    await page.getByTestId('column-today').waitFor();
    const shown = () =>
      board
        .locator('section[data-testid^="column-"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(await shown()).toEqual(['column-unsorted', 'column-overdue', 'column-today']);
    // Today is whole on the screen, and the board does not scroll sideways.
    const today = (await page.getByTestId('column-today').boundingBox())!;
    expect(today.x).toBeGreaterThanOrEqual(0);
    expect(today.x + today.width).toBeLessThanOrEqual(768);
    expect(await board.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await page.getByTestId('column-today').getByTestId('board-card').first().waitFor();
    await shot('board-tablet-default');

    await page.getByTestId('board-columns').click();
    await page.getByTestId('board-columns-menu').waitFor();
    const choice = (column: string) =>
      page
        .getByTestId('board-columns-menu')
        .getByRole('checkbox', { name: L('board', `columns.${column}`), exact: true });
    await choice('unsorted').uncheck();
    await choice('tomorrow').check();
    await shot('board-tablet-columns-menu');
    await page.keyboard.press('Escape');
    await expect.poll(shown).toEqual(['column-overdue', 'column-today', 'column-tomorrow']);

    await page.reload();
    await page.getByTestId('column-tomorrow').waitFor();
    expect(await shown()).toEqual(['column-overdue', 'column-today', 'column-tomorrow']);
    const after = (await page.getByTestId('column-today').boundingBox())!;
    expect(after.x + after.width).toBeLessThanOrEqual(768);
    expect(await page.getByTestId('board-columns').innerText()).toContain('3/6');
    await page.getByTestId('column-overdue').getByTestId('board-card').first().waitFor();
    await shot('board-tablet-chosen');
  });

  it('lists my day with big buttons, and a result takes the task off it', async () => {
    await page.getByTestId('board-view-switch').getByText(L('board', 'view.day')).click();
    await page.waitForURL(/view=day/);
    const list = page.getByTestId('my-day');
    const row = (name: string) => list.getByTestId('my-day-task').filter({ hasText: name });
    await row('Tova Försenad').waitFor();
    await row('Ylva Idag').waitFor();
    await row('Vårterminen').waitFor();
    // Overdue comes first, under its own heading.
    const names = await list.getByTestId('my-day-name').allInnerTexts();
    expect(names.indexOf('Tova Försenad')).toBeLessThan(names.indexOf('Ylva Idag'));
    await list.getByText(L('board', 'columns.overdue'), { exact: true }).waitFor();
    // Touch targets of at least 44 px.
    for (const id of ['my-day-call', 'my-day-result', 'my-day-open']) {
      expect(await height(row('Ylva Idag').getByTestId(id))).toBeGreaterThanOrEqual(44);
    }
    expect(await height(list.getByTestId('my-day-call-next').first())).toBeGreaterThanOrEqual(44);
    expect(await row('Ylva Idag').getByTestId('my-day-call').getAttribute('href')).toBe(
      'tel:+46701110002',
    );
    await shot('my-day-tablet');

    await row('Ylva Idag').getByTestId('my-day-result').click();
    await page.getByTestId('result-form').waitFor();
    const call = templates.find((t) => t.type === 'call')!;
    await page.getByTestId(`result-option-${plainResult(call).id}`).click();
    await page.getByTestId('result-save').click();
    await page.getByTestId('result-form').waitFor({ state: 'detached' });
    await row('Ylva Idag').waitFor({ state: 'detached' });
    await row('Tova Försenad').waitFor();

    // The device remembers the view: the board link opens my day again.
    await page.goto(`${server.url}/board`);
    await list.waitFor();
  });

  it('works through a call round with “call next”, skipping one and coming back to it', async () => {
    const calls = (
      (await api('GET', `/api/tasks?parentId=${roundId}&state=open&sort=dueAt`)) as {
        items: Listed[];
      }
    ).items;
    const callTemplate = templates.find((t) => t.id === calls[0]!.template.id)!;
    const answer = async () => {
      await page.getByTestId('runner-result').click();
      await page.getByTestId('result-form').waitFor();
      await page.getByTestId(`result-option-${plainResult(callTemplate).id}`).click();
      await page.getByTestId('result-save').click();
      await page.getByTestId('result-form').waitFor({ state: 'detached' });
    };
    const current = () => page.getByTestId('runner-name').innerText();
    const names = calls.map((c) => c.contact!.name);

    await page
      .getByTestId('my-day-task')
      .filter({ hasText: 'Vårterminen' })
      .getByTestId('my-day-call-next')
      .click();
    await page.getByTestId('runner-call').waitFor();
    expect(await current()).toBe(names[0]);
    expect(await page.getByTestId('runner-dial').getAttribute('href')).toMatch(/^tel:\+4670111001/);
    expect(await height(page.getByTestId('runner-dial'))).toBeGreaterThanOrEqual(44);
    await shot('call-next-tablet');
    await answer();
    // Straight on to the next call once the result is in.
    await expect.poll(current).toBe(names[1]);
    await expect
      .poll(() => page.getByTestId('runner-progress').innerText())
      .toBe(L('tasks', 'runner.progress').replace('{{done}}', '1').replace('{{total}}', '3'));
    await page.getByTestId('runner-skip').click();
    await expect.poll(current).toBe(names[2]);
    await answer();
    await page.getByTestId('runner-done').getByText(L('tasks', 'runner.restTitle')).waitFor();
    await page.getByTestId('runner-again').click();
    await expect.poll(current).toBe(names[1]);
    await answer();
    await page.getByTestId('runner-done').getByText(L('tasks', 'runner.doneTitle')).waitFor();
    await shot('call-next-done-tablet');
    const round = (await api('GET', `/api/tasks/${roundId}`)) as {
      round: { done: number; total: number };
    };
    expect(round.round).toMatchObject({ done: 3, total: 3 });
    await page.getByTestId('runner-close').click();
    await page.getByTestId('runner-done').waitFor({ state: 'detached' });
    // Every call done: the round itself takes its result now.
    const line = page.getByTestId('my-day-task').filter({ hasText: 'Vårterminen' });
    await line.getByTestId('my-day-result').waitFor();
    expect(await line.getByTestId('my-day-call-next').count()).toBe(0);

    // A round's call opened on the board leads to the round's next call too.
    await page.goto(`${server.url}/board?view=board&card=${calls[0]!.id}`);
    await page.getByTestId('expanded-round-next').click();
    await page.getByTestId('runner-done').getByText(L('tasks', 'runner.doneTitle')).waitFor();
    await page.getByTestId('runner-close').click();
    await page.getByTestId('runner-done').waitFor({ state: 'detached' });
  });

  it('reaches the cards in two Tabs, moves with J and K, opens with O, and lists the keys on ?', async () => {
    await page.goto(`${server.url}/board?view=board`);
    await page.getByTestId('column-today').getByTestId('board-card').first().waitFor();
    const cards = await page
      .getByTestId('board-content')
      .locator('[data-card-id]')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.cardId!));

    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('skip-to-content');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('skip-to-cards');
    await shot('board-tablet-skip-link');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe(cards[0]);

    await page.keyboard.press('j');
    expect(await focused(page)).toBe(cards[1]);
    // The same key on a Russian or Ukrainian layout types "о": its place on the keyboard counts.
    await page.evaluate(() =>
      document.activeElement!.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'о', code: 'KeyJ', bubbles: true }),
      ),
    );
    expect(await focused(page)).toBe(cards[2]);
    await page.keyboard.press('k');
    await page.keyboard.press('k');
    expect(await focused(page)).toBe(cards[0]);
    await page.keyboard.press('o');
    await page.waitForURL(new RegExp(`card=${cards[0]}`));
    await page.getByTestId('expanded-card').getByTestId('expanded-task').waitFor();
    await page.keyboard.press('Escape');
    await page.waitForURL((u) => !u.search.includes('card='));

    // Typing in the search box is typing, not a shortcut.
    await page.getByTestId('board-search').click();
    await page.keyboard.type('nc');
    expect(await page.getByTestId('task-form').count()).toBe(0);
    expect(await page.getByTestId('call-template').count()).toBe(0);
    await page.getByTestId('board-search').fill('');
    await page.getByRole('heading', { name: L('board', 'title') }).click();

    await page.keyboard.press('n');
    await page.getByTestId('task-form').waitFor();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: L('common', 'actions.cancel') })
      .click();
    await page.getByTestId('task-form').waitFor({ state: 'detached' });
    await page.keyboard.press('c');
    await page.getByTestId('call-template').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('call-template').waitFor({ state: 'detached' });

    await page.keyboard.press('Shift+Slash');
    const help = page.getByTestId('shortcut-help');
    await help.getByText(L('common', 'shortcuts.title')).waitFor();
    await help.getByText(L('common', 'shortcuts.next')).waitFor();
    await help.getByText(L('common', 'shortcuts.newCall')).waitFor();
    await help.getByText(L('common', 'shortcuts.search')).waitFor();
    await shot('shortcuts-help-tablet');
    // While a dialog is open the page's keys keep quiet: N does not open a second one.
    await page.keyboard.press('n');
    expect(await page.getByTestId('task-form').count()).toBe(0);
    await page.keyboard.press('Escape');
    await help.getByText(L('common', 'shortcuts.title')).waitFor({ state: 'detached' });
  });
});
