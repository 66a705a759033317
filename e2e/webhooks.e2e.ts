import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshot, type Browser } from './support/browser.ts';
import { hasChromium } from './support/chromium.ts';
import { labels } from './support/locales.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { logIn, setUp, type Api } from './support/session.ts';

/**
 * Webhooks and scoped API tokens (issue 13), as an admin meets them: add an endpoint pointing
 * at the club's receiver (here a local one, on the server's allow-list), keep its secret, send
 * a test and see the delivery in the log, verified by the receiver; then create an API token
 * that may only read contacts, expiring on a date. In English on a desktop, then in Swedish on
 * a 768 px tablet.
 */

const RUNS = [
  { lang: 'en', width: 1280, height: 900, locale: 'en-GB' },
  { lang: 'sv', width: 768, height: 1024, locale: 'sv-SE' },
] as const;

const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

interface Delivery {
  type: string;
  verified: boolean;
}

describe.skipIf(!hasChromium())('webhooks and scoped tokens', () => {
  let server: RunningServer;
  let api: Api;
  let receiver: Server;
  let receiverUrl = '';
  let secret = '';
  const deliveries: Delivery[] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        let verified: boolean;
        try {
          new Webhook(secret).verify(body, {
            'webhook-id': String(req.headers['webhook-id']),
            'webhook-timestamp': String(req.headers['webhook-timestamp']),
            'webhook-signature': String(req.headers['webhook-signature']),
          });
          verified = true;
        } catch {
          verified = false;
        }
        deliveries.push({ type: (JSON.parse(body) as { type: string }).type, verified });
        res.writeHead(200, { 'content-type': 'text/plain' }).end('thanks');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/spotter`;
    server = await startServer({ SPOTTER_WEBHOOK_ALLOW_HOSTS: '127.0.0.1' });
    api = await setUp(server, { name: 'Harbour Fitness', locale: 'en' });
  });

  afterAll(async () => {
    await server?.stop();
    await new Promise<void>((resolve) => receiver?.close(() => resolve()));
  });

  for (const run of RUNS) {
    it(`${run.lang} at ${run.width} px: endpoint, test delivery, log; a scoped token`, async () => {
      const L = labels(run.lang);
      const tag = `${run.lang}-${run.width}`;
      await api('PATCH', '/api/me', { locale: run.lang });
      const browser: Browser = await openBrowser({
        width: run.width,
        height: run.height,
        locale: run.locale,
      });
      const page = browser.page;
      const shot = (name: string) => screenshot(page, `webhooks-${tag}-${name}`);
      try {
        await logIn(page, server.url);
        await page.goto(`${server.url}/settings/webhooks`);
        await page.getByTestId('add-endpoint').first().waitFor();
        if (run.lang === 'en') {
          await page.getByTestId('empty-state').waitFor();
          await shot('empty');
        }

        // The form says what is wrong next to the field, and keeps what was typed.
        await page.getByTestId('add-endpoint').first().click();
        await page.getByTestId('endpoint-url').fill('not an address');
        await page.getByTestId('endpoint-save').click();
        await expect
          .poll(() => page.getByTestId('endpoint-form').getByText(/http/).count())
          .toBeGreaterThan(0);
        await shot('form-errors');
        await page.getByTestId('endpoint-url').fill(`${receiverUrl}/${run.lang}`);
        await page
          .getByTestId('endpoint-description')
          .fill(run.lang === 'en' ? 'Accounting' : 'Bokföring');
        await page.getByTestId('endpoint-event-person.created').check();
        await page.getByTestId('endpoint-event-task.completed').check();
        await page.getByTestId('endpoint-save').click();
        secret = (await page.getByTestId('endpoint-secret').innerText()).trim();
        expect(secret).toMatch(/^whsec_/);
        await shot('secret');
        await page.getByTestId('endpoint-secret-done').click();

        const row = page.getByTestId('endpoint-row').filter({ hasText: `/${run.lang}` });
        await row.waitFor();
        expect(await row.innerText()).toContain(L('webhooks', 'types.person.created'));
        await shot('list');
        expect(await fitsWidth(page)).toBe(true);

        // Send a test and see it delivered in the log; the receiver verified its signature.
        const before = deliveries.length;
        await row.getByTestId('endpoint-log').click();
        await page.getByTestId('delivery-log-empty').waitFor();
        await page.getByTestId('endpoint-send-test').click();
        const delivered = page.locator('[data-testid="delivery-row"][data-outcome="succeeded"]');
        await delivered.first().waitFor({ timeout: 20_000 });
        expect(await delivered.first().innerText()).toContain(L('webhooks', 'types.test'));
        expect(deliveries.slice(before)).toEqual([{ type: 'webhook.test', verified: true }]);
        await shot('log');
        await page.keyboard.press('Escape');

        // A token that may only read contacts, until a date.
        await page.goto(`${server.url}/settings/api-tokens`);
        await page.getByTestId('add-token').first().click();
        await page
          .getByTestId('token-name')
          .fill(run.lang === 'en' ? 'Newsletter tool' : 'Nyhetsbrev');
        for (const scope of [
          'organization.read',
          'branches.read',
          'contacts.write',
          'tasks.read',
          'tasks.write',
          'events.write',
        ]) {
          await page.getByTestId(`token-scope-${scope}`).uncheck();
        }
        await page.getByTestId('token-scope-contacts.read').check();
        await page.getByTestId('token-expiry-date').check();
        const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
        await page.getByTestId('token-last-day').fill(day);
        await shot('token-form');
        await page.getByTestId('token-save').click();
        const token = (await page.getByTestId('token-secret').innerText()).trim();
        await page.getByTestId('token-created-done').click();
        const tokenRow = page
          .getByTestId('token-row')
          .filter({ hasText: run.lang === 'en' ? 'Newsletter tool' : 'Nyhetsbrev' });
        expect(await tokenRow.getByTestId('token-scopes').innerText()).toContain(
          L('settings', 'tokens.scope.contacts.read.label'),
        );
        await shot('tokens');
        expect(await fitsWidth(page)).toBe(true);

        // The token reads persons but may not create one.
        const bearer = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
        expect((await fetch(`${server.url}/api/persons`, { headers: bearer })).status).toBe(200);
        const write = await fetch(`${server.url}/api/persons`, {
          method: 'POST',
          headers: bearer,
          body: JSON.stringify({ firstName: 'Nope' }),
        });
        expect(write.status).toBe(403);
      } finally {
        await browser.close();
      }
    });
  }
});
