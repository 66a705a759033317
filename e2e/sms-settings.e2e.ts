import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestGateway } from '../apps/server/src/features/mailing/sms.test-setup.ts';
import { openBrowser, screenshot } from './support/browser.ts';
import { hasChromium } from './support/chromium.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { logIn, setUp } from './support/session.ts';

/**
 * Settings → SMS (issue 16, M-2) as a Swedish club's admin meets it: the provider's JSON API
 * with an API key header, the example of what one SMS sends, quiet hours, a test SMS with the
 * gateway's answer; the key is shown only as "saved" after. Then a refusal on a tablet.
 */

const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe.skipIf(!hasChromium())('SMS settings', () => {
  let server: RunningServer;
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await new TestGateway().start();
    server = await startServer({ SPOTTER_SMS_ALLOW_HOSTS: '127.0.0.1' });
    await setUp(server, { name: 'Friskis Väst', locale: 'sv' });
  });
  afterAll(async () => {
    await server?.stop();
    await gw?.close();
  });

  it('saves a JSON gateway with a key, shows the example and sends a test (sv, 1280 px)', async () => {
    const browser = await openBrowser({ width: 1280, height: 1000, locale: 'sv-SE' });
    try {
      const { page } = browser;
      await logIn(page, server.url);
      await page.goto(`${server.url}/settings/sms`);
      await page.getByTestId('sms-not-configured').waitFor();
      await page.getByTestId('sms-url').fill(`${gw.base}/a1/sms`);
      await page.getByTestId('sms-header-add').click();
      await page.getByTestId('sms-header-name').fill('Authorization');
      await page.getByTestId('sms-header-value').fill('Basic dTEyMzpoZW1saWd0');
      await page.getByTestId('sms-sender').fill('FriskisVast');
      await page.getByTestId('sms-quiet').check({ force: true });
      await expect
        .poll(() => page.getByTestId('sms-example-request').textContent())
        .toContain('"from": "FriskisVast"');
      expect(await page.getByTestId('sms-example').textContent()).toContain('1 del · GSM-7');
      await page.getByTestId('sms-save').click();
      await page.getByTestId('sms-test-send').waitFor();
      expect(await page.getByTestId('sms-header-value').getAttribute('placeholder')).toBe(
        '••• sparat',
      );
      expect(await page.getByTestId('sms-header-value').inputValue()).toBe('');
      await page.getByTestId('sms-test-to').fill('070-123 45 67');
      await page.getByTestId('sms-test-send').click();
      await page.getByTestId('sms-test-ok').waitFor();
      expect(await page.getByTestId('sms-test-ok').textContent()).toContain('"status":"queued"');
      expect(gw.hits).toHaveLength(1);
      expect(gw.hits[0]!.headers.authorization).toBe('Basic dTEyMzpoZW1saWd0');
      expect(JSON.parse(gw.hits[0]!.body)).toMatchObject({
        to: '+46701234567',
        from: 'FriskisVast',
        message: expect.stringContaining('Friskis Väst: test-sms från Spotter'),
      });
      expect(await fitsWidth(page)).toBe(true);
      await screenshot(page, 'sms-settings-sv-1280');
    } finally {
      await browser.close();
    }
  });

  it("shows the gateway's refusal word for word on a tablet (sv, 768 px)", async () => {
    gw.replies.push({ status: 401, body: '{"error":"Wrong API key"}' });
    const browser = await openBrowser({ width: 768, height: 1024, locale: 'sv-SE' });
    try {
      const { page } = browser;
      await logIn(page, server.url);
      await page.goto(`${server.url}/settings/sms`);
      await page.getByTestId('sms-test-to').fill('+46701234567');
      await page.getByTestId('sms-test-send').click();
      await page.getByTestId('sms-test-failed').waitFor();
      expect(await page.getByTestId('sms-test-failed').textContent()).toContain(
        '401 {"error":"Wrong API key"}',
      );
      expect(await fitsWidth(page)).toBe(true);
      await screenshot(page, 'sms-settings-sv-768');
    } finally {
      await browser.close();
    }
  });
});
