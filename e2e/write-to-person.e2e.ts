import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestSmtp } from '../apps/server/src/features/mailing/mailing.test-setup.ts';
import { openBrowser, screenshot } from './support/browser.ts';
import { hasChromium } from './support/chromium.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { logIn, setUp, type Api } from './support/session.ts';

/**
 * Writing to one person (issue 16) as a Swedish club's staff meets it: from the person's page,
 * pick a template, see it filled in for her, send, and find it in her history; the SMS dialog
 * counts characters and segments as she types. On a desktop, then on a 768 px tablet.
 */

const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe.skipIf(!hasChromium())('writing to a person', () => {
  let server: RunningServer;
  let smtp: TestSmtp;
  let api: Api;
  let personId: string;

  beforeAll(async () => {
    smtp = await new TestSmtp().start();
    server = await startServer({ SPOTTER_SMTP_ALLOW_HOSTS: '127.0.0.1' });
    api = await setUp(server, { name: 'Friskis Väst', locale: 'sv' });
    await api('PUT', '/api/mail-settings', {
      smtpHost: '127.0.0.1',
      smtpPort: smtp.port,
      smtpSecurity: 'none',
      smtpUser: null,
      fromName: 'Friskis Väst',
      fromAddress: 'info@friskisvast.se',
      replyTo: null,
      postalAddress: null,
      dkimDomain: null,
      dkimSelector: null,
      version: 0,
    });
    await api('POST', '/api/mail-templates', {
      name: 'Välkommen tillbaka',
      variants: [
        {
          locale: 'sv',
          subject: 'Hej {{ firstName }}!',
          body: 'Välkommen tillbaka till **{{ clubName }}**, {{ firstName }}.',
        },
      ],
    });
    const created = (await api('POST', '/api/persons', {
      firstName: 'Åsa',
      lastName: 'Berg',
      emails: [{ email: 'asa.berg@example.se' }],
      phones: [{ number: '070-123 45 67' }],
    })) as { person: { id: string } };
    personId = created.person.id;
  });
  afterAll(async () => {
    await server?.stop();
    await smtp?.close();
  });

  it('sends an email from a template and shows it in the history (sv, 1280 px)', async () => {
    const browser = await openBrowser({ width: 1280, height: 900, locale: 'sv-SE' });
    try {
      const { page } = browser;
      await logIn(page, server.url);
      await page.goto(`${server.url}/persons/${personId}`);
      await page.getByTestId('write-email').click();
      await page.getByTestId('write-template').click();
      await page.getByRole('option', { name: 'Välkommen tillbaka' }).click();
      expect(await page.getByTestId('write-subject').inputValue()).toBe('Hej {{ firstName }}!');
      await page.getByTestId('write-preview').getByText('Hej Åsa!').waitFor();
      await screenshot(page, 'write-email-sv-1280');
      await page.getByTestId('write-send').click();
      await page.getByText('E-postmeddelandet skickades.').waitFor();
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]!.parsed.subject).toBe('Hej Åsa!');
      expect(smtp.received[0]!.parsed.text).toContain('Välkommen tillbaka till Friskis Väst, Åsa.');
      await page.getByText('Mejl skickat').first().waitFor();
      await screenshot(page, 'write-email-history-sv-1280');
    } finally {
      await browser.close();
    }
  });

  it('counts SMS characters and segments as she types (sv, 768 px)', async () => {
    const browser = await openBrowser({ width: 768, height: 1024, locale: 'sv-SE' });
    try {
      const { page } = browser;
      await logIn(page, server.url);
      await page.goto(`${server.url}/persons/${personId}`);
      await page.getByTestId('write-sms').click();
      const counter = page.getByTestId('sms-counter');
      await page.getByTestId('write-sms-text').fill('Hej Åsa! Välkommen på passet i morgon.');
      await expect.poll(() => counter.textContent()).toContain('1 sms (standardtecken)');
      await page.getByTestId('write-sms-text').fill('Привет! '.repeat(10));
      await expect.poll(() => counter.textContent()).toContain('2 sms (Unicode)');
      expect(await fitsWidth(page)).toBe(true);
      await screenshot(page, 'write-sms-sv-768');
    } finally {
      await browser.close();
    }
  });
});
