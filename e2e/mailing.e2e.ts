import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestSmtp } from '../apps/server/src/features/mailing/mailing.test-setup.ts';
import { openBrowser, screenshot } from './support/browser.ts';
import { hasChromium } from './support/chromium.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { logIn, OWNER, setUp, type Api } from './support/session.ts';

/**
 * Sending settings (issue 16) as a Swedish club's admin meets them: fill in the provider's SMTP
 * server, save, send a test to herself and read what the server answered; then a wrong
 * password shows the server's refusal word for word. On a desktop, then on a 768 px tablet.
 */

const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe.skipIf(!hasChromium())('sending settings', () => {
  let server: RunningServer;
  let smtp: TestSmtp;
  let api: Api;

  beforeAll(async () => {
    smtp = await new TestSmtp().start();
    smtp.login = { user: 'klubben', pass: 'Hemligt-lösen-1' };
    server = await startServer({ SPOTTER_SMTP_ALLOW_HOSTS: '127.0.0.1' });
    api = await setUp(server, { name: 'Friskis Väst', locale: 'sv' });
  });
  afterAll(async () => {
    await server?.stop();
    await smtp?.close();
  });

  it('saves the SMTP server, sends a test and shows the server answer (sv, 1280 px)', async () => {
    const browser = await openBrowser({ width: 1280, height: 900, locale: 'sv-SE' });
    try {
      const { page } = browser;
      await logIn(page, server.url);
      await page.goto(`${server.url}/settings/mail`);
      await page.getByTestId('mail-not-configured').waitFor();
      await page.getByTestId('mail-host').fill('127.0.0.1');
      // STARTTLS is the default; this local test server speaks plain SMTP.
      await page.getByText('Ingen', { exact: true }).click();
      await page.getByTestId('mail-port').fill(String(smtp.port));
      await page.getByTestId('mail-user').fill('klubben');
      await page.getByTestId('mail-password').fill('Hemligt-lösen-1');
      await page.getByTestId('mail-from-name').fill('Friskis Väst');
      await page.getByTestId('mail-from-address').fill('inte-en-adress');
      await page.getByTestId('mail-save').click();
      // A field error next to the field, nothing saved.
      await expect
        .poll(() => page.getByTestId('mail-from-address').getAttribute('aria-invalid'), {
          timeout: 10_000,
        })
        .toBe('true');
      await page.getByTestId('mail-from-address').fill('info@friskisvast.se');
      await page.getByLabel('Klubbens postadress').fill('Storgatan 1\n411 01 Göteborg');
      await page.getByTestId('mail-save').click();
      await page.getByTestId('mail-test-send').waitFor();
      expect(await page.getByTestId('mail-password').getAttribute('placeholder')).toBe(
        'Sparat — lämna tomt för att behålla det',
      );
      expect(await page.getByTestId('mail-test-to').inputValue()).toBe(OWNER.email);
      await page.getByTestId('mail-test-send').click();
      await page.getByTestId('mail-test-ok').waitFor();
      expect(await page.getByTestId('mail-test-ok').textContent()).toContain('Queued as TEST123');
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]!.parsed.subject).toBe('Friskis Väst: testmejl från Spotter');
      expect(smtp.received[0]!.parsed.text).toContain('411 01 Göteborg');
      expect(await fitsWidth(page)).toBe(true);
      await screenshot(page, 'mailing-settings-sv-1280');
    } finally {
      await browser.close();
    }
  });

  it('shows the refusal of a wrong password on a tablet (sv, 768 px)', async () => {
    smtp.login = { user: 'klubben', pass: 'ett annat lösenord' };
    const browser = await openBrowser({ width: 768, height: 1024, locale: 'sv-SE' });
    try {
      const { page } = browser;
      await logIn(page, server.url);
      await page.goto(`${server.url}/settings/mail`);
      await page.getByTestId('mail-test-send').click();
      await page.getByTestId('mail-test-failed').waitFor();
      expect(await page.getByTestId('mail-test-failed').textContent()).toContain('535');
      expect(await fitsWidth(page)).toBe(true);
      await screenshot(page, 'mailing-settings-sv-768');
    } finally {
      await browser.close();
    }
  });

  it('writes a template with placeholders and previews it for a member (sv, 1280 and 768 px)', async () => {
    await api('POST', '/api/persons', { firstName: 'Åsa', lastName: 'Lindqvist' });
    for (const width of [1280, 768]) {
      const browser = await openBrowser({ width, height: 1000, locale: 'sv-SE' });
      try {
        const { page } = browser;
        await logIn(page, server.url);
        // On a tablet the menu is behind the burger; the desktop goes through it.
        if (width === 1280) await page.getByTestId('nav-mailing').click();
        else await page.goto(`${server.url}/mailing`);
        await page.waitForURL(/\/mailing$/);
        // Mailing opens on its campaigns; the templates are the second tab.
        await page.getByTestId('mailing-tab-templates').click();
        await page.waitForURL(/\/mailing\/templates$/);
        if (width === 1280) {
          await page.getByTestId('empty-state').waitFor();
          await page.getByRole('button', { name: 'Ny mall' }).first().click();
          await page.getByTestId('template-name').fill('Välkommen tillbaka');
          await page
            .getByTestId('template-subject')
            .fill('Välkommen tillbaka, {{ firstName | vän }}!');
          await page
            .getByTestId('template-body')
            .fill('Hej {{ fristName }},\n\nFörsta månaden **halva priset** på ');
          await page.getByRole('button', { name: 'Infoga platshållare' }).click();
          await page.getByRole('menuitem', { name: 'Klubbens namn' }).click();
          await page.getByTestId('template-save').click();
          // The typo is named next to the text, nothing is saved.
          await page.getByText('Okänd platshållare: {{fristName}}').waitFor();
          const body = page.getByTestId('template-body');
          await body.fill((await body.inputValue()).replace('fristName', 'firstName'));
          await expect
            .poll(() => page.getByTestId('template-preview').textContent(), { timeout: 10_000 })
            .toContain('Första månaden halva priset på Friskis Väst');
        } else {
          await page.getByRole('button', { name: 'Välkommen tillbaka' }).click();
        }
        await page.getByTestId('preview-person').fill('Åsa');
        await page.getByRole('option', { name: /Åsa Lindqvist/ }).click();
        await expect
          .poll(() => page.getByTestId('preview-subject').textContent(), { timeout: 10_000 })
          .toBe('Välkommen tillbaka, Åsa!');
        expect(await page.getByTestId('template-preview').innerHTML()).toContain(
          '<strong>halva priset</strong>',
        );
        await screenshot(page, `mailing-template-sv-${width}`);
        await page.getByTestId('template-save').click();
        await page.getByTestId('templates-table').waitFor();
        expect(await fitsWidth(page)).toBe(true);
        if (width === 768) await screenshot(page, 'mailing-templates-sv-768');
      } finally {
        await browser.close();
      }
    }
  });
});
