import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshot, type Browser } from './support/browser.ts';
import { hasChromium } from './support/chromium.ts';
import { labels } from './support/locales.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { logIn, OWNER, setUp, type Api } from './support/session.ts';

/**
 * The website's lead form (issue 13, acceptance 3): an admin builds a form in Settings, a
 * visitor opens its page in a browser of their own and sends it; the lead and its task wait on
 * the board with the time they have waited; the same phone again updates the person instead of
 * adding a second; a bot-like submission is refused. In Swedish on a desktop with the visitor on
 * a phone, then in English on a 768 px tablet.
 */

const RUNS = [
  {
    lang: 'sv',
    width: 1280,
    height: 900,
    visitorWidth: 390,
    visitorLocale: 'sv-SE',
    first: 'Astrid',
    phone: '070-555 01 23',
    samePhone: '+46 70 555 01 23',
    title: 'Boka ett gratis provpass',
    thanks: 'Tack! Vi ringer dig inom en timme.',
    consent: 'Jag godkänner klubbens integritetspolicy',
  },
  {
    lang: 'en',
    width: 768,
    height: 1024,
    visitorWidth: 768,
    visitorLocale: 'en-GB',
    first: 'Oliver',
    phone: '070-555 04 56',
    samePhone: '+46705550456',
    title: 'Book a free trial',
    thanks: 'Thank you! We will call you within the hour.',
    consent: "I accept the club's privacy policy",
  },
] as const;

/** The page never scrolls sideways: everything fits the screen's width. */
const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** A person needs more than the form's minimum fill time (3 s); so does this journey. */
const pause = () => new Promise((r) => setTimeout(r, 3_500));

describe.skipIf(!hasChromium())('the lead form, from the builder to the board', () => {
  let server: RunningServer;
  let api: Api;

  beforeAll(async () => {
    server = await startServer();
    api = await setUp(server, { name: 'Hamnens Gym', locale: 'sv' });
  });

  afterAll(async () => {
    await server?.stop();
  });

  for (const run of RUNS) {
    it(`${run.lang} at ${run.width} px: build, send, see it wait, send again, refuse a bot`, async () => {
      const L = labels(run.lang);
      const tag = `${run.lang}-${run.width}`;
      await api('PATCH', '/api/me', { locale: run.lang });
      const admin: Browser = await openBrowser({
        width: run.width,
        height: run.height,
        locale: run.lang === 'sv' ? 'sv-SE' : 'en-GB',
      });
      const page = admin.page;
      const shot = (name: string) => screenshot(page, `lead-form-${tag}-${name}`);
      let link: string;
      try {
        // Build the form in Settings → Lead forms.
        await logIn(page, server.url);
        await page.goto(`${server.url}/settings/lead-forms`);
        await page.getByTestId('add-lead-form').first().waitFor();
        if (run.lang === 'sv') {
          await page.getByTestId('empty-state').waitFor();
          await shot('empty');
        }
        await page.getByTestId('add-lead-form').first().click();
        const editor = page.getByTestId('lead-form-editor');
        await editor.waitFor();
        await page.getByTestId('form-name').fill(`${run.title} (${run.lang})`);
        await shot('editor-top');
        if (run.lang === 'en') {
          // The organization speaks Swedish: this form is in English only.
          await page.getByTestId('lang-en').dispatchEvent('click');
          await page.getByTestId('lang-sv').dispatchEvent('click');
        }
        await page.getByTestId('add-consent').click();
        await page.getByTestId('consent-required-0').click({ force: true });
        await page.getByTestId(`text-title-${run.lang}`).fill(run.title);
        await page.getByTestId(`text-thanks-${run.lang}`).fill(run.thanks);
        await page.getByTestId(`text-consent-${run.lang}-0`).fill(run.consent);
        await page.getByTestId('form-assignee-mode').click();
        await page.getByRole('option', { name: L('leadForms', 'assigneeModes.user') }).click();
        await page.getByTestId('form-assignee-user').click();
        await page.getByRole('option', { name: OWNER.name }).click();
        await shot('editor');
        await page.getByTestId('form-save').click();

        // Saved, the embed snippet comes up with its copy buttons.
        const snippet = page.getByTestId('embed-snippet');
        await snippet.waitFor();
        expect(await snippet.innerText()).toContain('<iframe src="');
        link = (await page.getByTestId('embed-link').innerText()).trim();
        expect(link).toMatch(/\/f\/[A-Za-z0-9_-]{16}$/);
        await shot('embed');
        await page.keyboard.press('Escape');
        await page.getByTestId('lead-form-row').first().waitFor();
        expect(await fitsWidth(page)).toBe(true);
        await shot('list');
      } finally {
        await admin.close();
      }

      // A visitor, in a browser of their own.
      const visitor = await openBrowser({
        width: run.visitorWidth,
        height: 860,
        locale: run.visitorLocale,
      });
      const v = visitor.page;
      const vshot = (name: string) => screenshot(v, `lead-form-${tag}-visitor-${name}`);
      try {
        await v.goto(link);
        expect(await v.locator('h1').innerText()).toBe(run.title);
        expect(await v.locator('html').getAttribute('lang')).toBe(run.lang);
        expect(await fitsWidth(v)).toBe(true);
        await vshot('form');

        // A bot fills every field, the hidden one too: refused, with a plain message.
        const fill = async (first: string, phone: string, email: string) => {
          await v.locator('input[name="firstName"]').fill(first);
          await v.locator('input[name="phone"]').fill(phone);
          await v.locator('input[name="email"]').fill(email);
          await v.locator('textarea[name="message"]').fill('Tisdagar passar bäst.');
          await v.locator('input[name="consent"]').check();
        };
        await fill('Bot', '070-000 00 00', 'bot@example.com');
        await v.locator('input[name="website"]').evaluate((el) => {
          (el as HTMLInputElement).value = 'http://spam.example';
        });
        await v.locator('button[type="submit"]').click();
        await v.locator('.notice.bad').waitFor();
        expect(await v.locator('[role="alert"]').innerText()).toBeTruthy();
        await vshot('refused');

        // A person: the page again, filled in at a person's pace.
        await v.goto(link);
        await fill(run.first, run.phone, '');
        await pause();
        await v.locator('button[type="submit"]').click();
        await v.waitForURL((u) => u.pathname.endsWith('/thanks'));
        expect(await v.locator('[role="status"]').innerText()).toContain(run.thanks);
        await vshot('thanks');

        // The same phone in another format, with an email: the person is updated.
        await v.goto(link);
        await fill(`${run.first}-again`, run.samePhone, `${run.first.toLowerCase()}@example.se`);
        await pause();
        await v.locator('button[type="submit"]').click();
        await v.waitForURL((u) => u.pathname.endsWith('/thanks'));
        expect(visitor.cspViolations).toEqual([]);
      } finally {
        await visitor.close();
      }

      const persons = (await api(
        'GET',
        `/api/persons?search=${encodeURIComponent(run.phone.replace(/\D/g, ''))}`,
      )) as { items: Array<{ id: string; firstName: string; emails: Array<{ email: string }> }> };
      expect(persons.items).toHaveLength(1);
      expect(persons.items[0]!.firstName).toBe(run.first);
      expect(persons.items[0]!.emails.map((e) => e.email)).toEqual([
        `${run.first.toLowerCase()}@example.se`,
      ]);
      const personId = persons.items[0]!.id;

      // The board: one card for the lead in Unsorted, with how long it has waited.
      const board: Browser = await openBrowser({
        width: run.width,
        height: run.height,
        locale: run.lang === 'sv' ? 'sv-SE' : 'en-GB',
      });
      const b = board.page;
      const bshot = (name: string) => screenshot(b, `lead-form-${tag}-${name}`);
      try {
        await logIn(b, server.url);
        await b.goto(`${server.url}/board`);
        const cards = b.getByTestId('board-card').filter({ hasText: run.first });
        await cards.first().waitFor();
        expect(await cards.count()).toBe(1);
        const waiting = cards.first().getByTestId('waiting-badge');
        await waiting.waitFor();
        expect(await waiting.innerText()).toContain(
          L('speedToLead', 'waiting').replace(' {{time}}', ''),
        );
        expect(
          await cards.first().getByTestId('card-handler').getAttribute('aria-label'),
        ).toContain(OWNER.name);
        expect(await fitsWidth(b)).toBe(true);
        await bshot('board');

        // The person page: the wait, and both submissions in the history.
        await b.goto(`${server.url}/persons/${personId}`);
        await b.getByTestId('waiting-badge').waitFor();
        const entries = b.getByTestId('history-entry').filter({
          hasText: L('card', 'history.events.lead_form'),
        });
        await entries.first().waitFor();
        expect(await entries.count()).toBe(2);
        expect(await fitsWidth(b)).toBe(true);
        await bshot('person');
      } finally {
        await board.close();
      }
    });
  }
});
