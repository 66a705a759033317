import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshot, type Browser } from './support/browser.ts';
import { hasChromium } from './support/chromium.ts';
import { labels } from './support/locales.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { logIn, setUp, type Api } from './support/session.ts';

/**
 * Connected club systems (issue 12), as an admin meets them: connect the club's payment system
 * and see its secret once; send a test "payment failed" for a member whose phone matches a
 * person; find it in the event log, processed and linked; open the person and see the payment
 * on the member's side of the card and the line in their history. In English on a desktop,
 * then in Swedish on a 768 px tablet.
 */

const RUNS = [
  { lang: 'en', width: 1280, height: 900, locale: 'en-GB', phone: '+46705550102' },
  { lang: 'sv', width: 768, height: 1024, locale: 'sv-SE', phone: '+46705550177' },
] as const;

/** The page never scrolls sideways: everything fits the screen's width. */
const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe.skipIf(!hasChromium())('connected systems, the event log and the member side', () => {
  let server: RunningServer;
  let api: Api;

  beforeAll(async () => {
    server = await startServer();
    api = await setUp(server, { name: 'Harbour Fitness', locale: 'en' });
  });

  afterAll(async () => {
    await server?.stop();
  });

  for (const run of RUNS) {
    it(`${run.lang} at ${run.width} px: connect, test, log, card`, async () => {
      const L = labels(run.lang);
      const tag = `${run.lang}-${run.width}`;
      await api('PATCH', '/api/me', { locale: run.lang });
      const person = (await api('POST', '/api/persons', {
        firstName: 'Anna',
        lastName: run.lang === 'en' ? 'Lindqvist' : 'Sjöberg',
        phones: [{ number: run.phone, label: 'mobile' }],
      })) as { person: { id: string } };
      const personId = person.person.id;
      const browser: Browser = await openBrowser({
        width: run.width,
        height: run.height,
        locale: run.locale,
      });
      const page = browser.page;
      const shot = (name: string) => screenshot(page, `club-events-${tag}-${name}`);
      try {
        await logIn(page, server.url);
        await page.goto(`${server.url}/settings/connected-systems`);
        await page.getByTestId('add-source').first().waitFor();
        if (run.lang === 'en') {
          await page.getByTestId('empty-state').waitFor();
          await shot('empty');
        }

        // Connect: the secret and the address are shown once, with a signing example.
        const name = run.lang === 'en' ? 'PayPort' : 'Betalningar Söder';
        await page.getByTestId('add-source').first().click();
        await page.getByTestId('source-name').fill(name);
        await page.getByTestId('source-kind').click();
        await page.getByRole('option', { name: L('clubEvents', 'kinds.payments') }).click();
        await page.getByTestId('source-save').click();
        const secret = (await page.getByTestId('source-secret').innerText()).trim();
        expect(secret).toMatch(/^whsec_/);
        expect(await page.getByTestId('source-url').innerText()).toContain('/api/event-sources/');
        expect(await page.getByTestId('signing-example').innerText()).toContain(
          'webhook-signature',
        );
        await shot('secret');
        await page.getByTestId('secret-done').click();
        await page.getByTestId('secret-dialog').waitFor({ state: 'detached' });
        const row = page.getByTestId('source-row').filter({ hasText: name });
        await row.waitFor();
        expect(await page.content()).not.toContain(secret);
        await page.reload();
        await row.waitFor();
        expect(await page.content()).not.toContain(secret);
        expect(await fitsWidth(page)).toBe(true);
        await shot('list');

        // A rule's timing: the renewal call two days before the contract ends.
        const ruleRow = page.getByTestId('rule-contract_ending');
        await ruleRow.getByRole('button', { name: L('clubEvents', 'rules.edit') }).click();
        await page.getByTestId('rule-amount').fill('2');
        await shot('rule');
        await page.getByTestId('rule-save').click();
        await page.getByTestId('rule-save').waitFor({ state: 'detached' });
        expect(await ruleRow.innerText()).toContain('10:00');
        expect(await ruleRow.innerText()).toContain('2');
        const saved = (await api('GET', '/api/club-event-rules')) as {
          rules: { contract_ending: { offsetMinutes: number } };
        };
        expect(saved.rules.contract_ending.offsetMinutes).toBe(-2 * 24 * 60);
        await shot('rules');

        if (run.lang === 'en') {
          // A new secret, shown once; the old one keeps working for the overlap chosen.
          await row
            .getByRole('button', { name: `${L('clubEvents', 'sources.actions')}: ${name}` })
            .click();
          await page.getByRole('menuitem', { name: L('clubEvents', 'sources.rotate') }).click();
          await page.getByTestId('rotate-hours').fill('48');
          await page.getByTestId('rotate-confirm').click();
          const rotated = (await page.getByTestId('source-secret').innerText()).trim();
          expect(rotated).toMatch(/^whsec_/);
          expect(rotated).not.toBe(secret);
          await page.getByTestId('secret-done').click();
          await row.getByTestId('source-overlap').waitFor();
          // Switched off, it cannot be tested; on again, it can.
          await row.getByTestId('source-enabled').click({ force: true });
          await expect.poll(() => row.getByTestId('source-test').isDisabled()).toBe(true);
          await row.getByTestId('source-enabled').click({ force: true });
          await expect.poll(() => row.getByTestId('source-test').isDisabled()).toBe(false);
        }

        // A test "payment failed" for the member with the person's phone.
        await row.getByTestId('source-test').click();
        const form = page.getByTestId('test-event-form');
        await form.waitFor();
        expect(await page.getByTestId('test-type').inputValue()).toBe(
          L('clubEvents', 'types.payment.failed'),
        );
        await page.getByTestId('test-field-member.externalId').fill(`member-${tag}`);
        await page
          .getByTestId('test-field-member.lastName')
          .fill(run.lang === 'en' ? 'Lindqvist' : 'Sjöberg');
        await page.getByTestId('test-field-member.phones').fill(run.phone);
        await page.getByTestId('test-field-payment.reason').fill('Card expired');
        await shot('test-form');
        await page.getByTestId('test-send').click();
        await page.getByTestId('test-receipt').waitFor();
        expect(await page.getByTestId('test-receipt').innerText()).toContain(
          L('clubEvents', 'test.outcome.accepted'),
        );
        await shot('test-receipt');

        // The event log: processed, linked to the person by phone.
        await page.getByTestId('test-open-log').click();
        await page.waitForURL((u) => u.pathname === '/settings/event-log');
        const entry = page.getByTestId('log-entry').first();
        await entry.waitFor();
        await expect
          .poll(() => entry.getByTestId('log-state').textContent(), { timeout: 30_000 })
          .toBe(L('clubEvents', 'log.state.processed'));
        await entry.getByTestId('log-entry-toggle').click();
        const fullName = `Anna ${run.lang === 'en' ? 'Lindqvist' : 'Sjöberg'}`;
        const link = entry.getByTestId('log-person-link');
        await link.waitFor();
        expect(await link.innerText()).toBe(
          L('clubEvents', 'log.steps.linked_phone').replace('{{name}}', fullName),
        );
        const outcome = await entry.getByTestId('log-outcome').innerText();
        expect(outcome).toContain(L('clubEvents', 'log.steps.history'));
        // The payment-failed rule put a call about it on the board.
        expect(await entry.getByTestId('log-task-link').innerText()).toBe(
          L('clubEvents', 'log.steps.card_created').replace(
            '{{rule}}',
            L('clubEvents', 'log.rules.payment_failed'),
          ),
        );
        expect(await fitsWidth(page)).toBe(true);
        await shot('log');

        // A contract in debt, a trial booking and a visit, sent through the same test route.
        const sourceId = new URL(page.url()).searchParams.get('sourceId')!;
        const member = { externalId: `member-${tag}` };
        const send = (type: string, data: object) =>
          api('POST', `/api/event-sources/${sourceId}/test-event`, { type, data });
        await send('contract.created', {
          contract: {
            externalId: `c-${tag}`,
            kind: 'recurring',
            service: 'Gym all day',
            startsOn: '2026-01-01',
            price: 449,
            currency: 'SEK',
            paid: false,
            debt: 898,
            terminationOn: '2026-12-17',
            state: 'active',
          },
          member,
        });
        await send('booking.created', {
          booking: {
            externalId: `b-${tag}`,
            className: 'Yoga Flow',
            startsAt: '2026-12-08T17:00:00Z',
            trial: true,
          },
          member,
        });
        await send('visit.checked_in', {
          visit: { externalId: `v-${tag}`, at: '2026-12-06T07:30:00Z' },
          member,
        });

        // The club's systems are heard in the background: wait until these are processed.
        for (let i = 0; i < 100; i++) {
          const pending = (await api('GET', `/api/club-events?sourceId=${sourceId}`)) as {
            items: Array<{ processedAt: string | null }>;
          };
          if (pending.items.every((e) => e.processedAt)) break;
          await new Promise((r) => setTimeout(r, 200));
        }

        // The person: the payment on the member's side, and the history line.
        await link.click();
        await page.waitForURL((u) => u.pathname === `/persons/${personId}`);
        const payment = page.getByTestId('club-payment').first();
        await payment.waitFor();
        const paymentText = (await payment.textContent()) ?? '';
        expect(paymentText).toContain(L('clubEvents', 'records.paymentFailed'));
        expect(paymentText).toContain('•••• 4242');
        expect(paymentText).toContain('499');
        await page.getByTestId('club-contract').waitFor();
        expect(await page.getByTestId('club-contract').textContent()).toContain('Gym all day');
        expect(await page.getByTestId('club-booking').textContent()).toContain(
          L('clubEvents', 'records.trial'),
        );
        await page.getByTestId('club-visit').waitFor();
        const history = page.getByTestId('history-entry').filter({
          hasText: L('card', 'history.clubEvent.paymentFailedReason').split(':')[0]!,
        });
        await history.first().waitFor();
        expect(await history.first().innerText()).toContain('Card expired');
        expect(await fitsWidth(page)).toBe(true);
        await page.getByTestId('club-records').scrollIntoViewIfNeeded();
        await shot('person');

        // The expanded card of a task about the person shows the same.
        const me = (await api('GET', '/api/me')) as { user: { id: string } };
        const templates = (await api('GET', '/api/settings/task-templates')) as {
          items: Array<{ id: string; type: string }>;
        };
        const task = await api('POST', '/api/tasks', {
          templateId: templates.items.find((t) => t.type === 'call')!.id,
          contactId: personId,
          assigneeId: me.user.id,
          dueAt: new Date(Date.now() + 60 * 60 * 1000).toISOString(),
        });
        await page.goto(`${server.url}/board?view=board&card=${task.id}`);
        const expanded = page.getByTestId('expanded-card');
        const expandedPayment = expanded.getByTestId('club-payment').first();
        await expandedPayment.waitFor();
        expect(await expandedPayment.textContent()).toContain('•••• 4242');
        await expanded.getByTestId('club-records').scrollIntoViewIfNeeded();
        await shot('expanded-card');
      } finally {
        await browser.close();
      }
    });
  }
});
