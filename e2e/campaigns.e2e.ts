import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestSmtp } from '../apps/server/src/features/mailing/mailing.test-setup.ts';
import { openBrowser, screenshot } from './support/browser.ts';
import {
  fitsWidth,
  pick,
  saveMailSettings,
  seedYogaAudience,
  type YogaAudience,
} from './support/campaign-steps.ts';
import { hasChromium } from './support/chromium.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { logIn, OWNER, setUp, type Api } from './support/session.ts';

/**
 * Issue 16, acceptance 4: a Swedish club's manager writes a template, sends it to the former
 * yoga members who agreed to marketing email (the persons list's filter, with the counts shown
 * before sending), sends a test to herself, sends it, watches the statuses reach "sent" and
 * finds the mail in a member's history. On a desktop, then on a 768 px tablet.
 */
describe.skipIf(!hasChromium())('a campaign to a filtered list', () => {
  let server: RunningServer;
  let smtp: TestSmtp;
  let api: Api;
  let yoga: YogaAudience;
  const subject = 'Kom tillbaka i januari, {{ firstName | vän }}!';

  beforeAll(async () => {
    smtp = await new TestSmtp().start();
    server = await startServer({ SPOTTER_SMTP_ALLOW_HOSTS: '127.0.0.1' });
    api = await setUp(server, { name: 'Friskis Väst', locale: 'sv' });
    await saveMailSettings(api, smtp.port);
    yoga = await seedYogaAudience(api);
  });
  afterAll(async () => {
    await server?.stop();
    await smtp?.close();
  });

  it('template → filtered campaign with counts → test → send → sent → history (sv, 1280 px)', async () => {
    const browser = await openBrowser({ width: 1280, height: 900, locale: 'sv-SE' });
    try {
      const { page } = browser;
      await logIn(page, server.url);

      // The template, in the Templates tab of Mailing.
      await page.getByTestId('nav-mailing').click();
      await page.waitForURL(/\/mailing$/);
      await page.getByTestId('empty-state').waitFor();
      await page.getByTestId('mailing-tab-templates').click();
      await page.getByRole('button', { name: 'Ny mall' }).first().click();
      await page.getByTestId('template-name').fill('Tillbaka i januari');
      await page.getByTestId('template-subject').fill(subject);
      await page
        .getByTestId('template-body')
        .fill('Hej {{ firstName }}!\n\nFörsta månaden **halva priset** när du kommer tillbaka.');
      await page.getByTestId('template-save').click();
      await page.getByTestId('templates-table').waitFor();

      // The persons list filtered by the tag, and a campaign to exactly that list.
      await page.goto(`${server.url}/persons?tagId=${encodeURIComponent(`["${yoga.tagId}"]`)}`);
      await page.getByTestId('persons-table').waitFor();
      await page.getByTestId('send-campaign').click();
      await page.waitForURL(/\/mailing\/campaigns\/new\?/);
      await page.getByTestId('campaign-editor').waitFor();
      await page.getByTestId('filter-chips').getByText('Taggar: Yoga').waitFor();

      // The counts before anything is sent: four match, one has no address, one no consent.
      await expect
        .poll(() => page.getByTestId('audience-reachable').textContent(), { timeout: 15_000 })
        .toBe('2 personer får det');
      expect(await page.getByTestId('audience-matched').textContent()).toContain('4');
      expect(await page.getByTestId('audience-noEmail').textContent()).toContain('1');
      expect(await page.getByTestId('audience-noConsent').textContent()).toContain('1');

      await page.getByTestId('campaign-name').fill('Tillbaka i januari – yoga');
      await pick(page, 'campaign-template', 'Tillbaka i januari');
      expect(await page.getByTestId('campaign-subject').inputValue()).toBe(subject);

      // Previewed for a real member, and the test goes to me with her data.
      await page.getByTestId('campaign-preview-person').fill('Åsa');
      await page.getByRole('option', { name: /Åsa Lindqvist/ }).click();
      await expect
        .poll(() => page.getByTestId('campaign-preview-subject').textContent(), {
          timeout: 10_000,
        })
        .toBe('Kom tillbaka i januari, Åsa!');
      await page.getByTestId('campaign-test').click();
      await page.getByTestId('campaign-test-ok').waitFor({ timeout: 20_000 });
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]!.to).toEqual([OWNER.email]);
      expect(smtp.received[0]!.parsed.subject).toContain('Kom tillbaka i januari, Åsa!');
      await screenshot(page, 'campaign-editor-sv-1280');

      // Send now: the confirmation repeats the count.
      await page.getByTestId('campaign-send').click();
      await expect
        .poll(() => page.getByTestId('send-confirm-count').textContent(), { timeout: 10_000 })
        .toContain('2 personer');
      await page.getByTestId('confirm').click();
      await page.getByTestId('campaign-progress').waitFor({ timeout: 20_000 });
      await expect
        .poll(() => page.getByTestId('total-sent-value').textContent(), { timeout: 60_000 })
        .toBe('2');
      await expect
        .poll(() => page.getByTestId('campaign-state').first().textContent(), { timeout: 30_000 })
        .toBe('Klart');

      // Each reachable member got exactly one mail, with her own name; nobody else got one.
      const campaignMail = smtp.received.slice(1);
      expect(
        campaignMail
          .map((m) => m.to)
          .flat()
          .sort(),
      ).toEqual(yoga.reachable.map((r) => r.email).sort());
      for (const r of yoga.reachable) {
        const mail = campaignMail.find((m) => m.to.includes(r.email));
        expect(mail?.parsed.subject).toBe(`Kom tillbaka i januari, ${r.firstName}!`);
      }

      // The recipients: both sent; one name leads to her page, whose history has the mail.
      await expect
        .poll(() => page.getByTestId('recipient-row').count(), { timeout: 15_000 })
        .toBe(2);
      const states = await page.getByTestId('recipient-state').allTextContents();
      expect(states).toEqual(['Skickat', 'Skickat']);
      expect(await fitsWidth(page)).toBe(true);
      await screenshot(page, 'campaign-sent-sv-1280');
      await page.getByTestId('recipient-person').filter({ hasText: 'Åsa Lindqvist' }).click();
      await page.waitForURL(new RegExp(`/persons/${yoga.reachable[0]!.id}`));
      await page
        .getByTestId('history-entry')
        .filter({ hasText: 'Kom tillbaka i januari, Åsa!' })
        .first()
        .waitFor({ timeout: 15_000 });
      await screenshot(page, 'campaign-history-sv-1280');
    } finally {
      await browser.close();
    }
  });

  it('lists the campaign and writes an SMS with its count on a tablet (sv, 768 px)', async () => {
    const browser = await openBrowser({ width: 768, height: 1024, locale: 'sv-SE' });
    try {
      const { page } = browser;
      await logIn(page, server.url);
      await page.goto(`${server.url}/mailing`);
      await page.getByTestId('campaigns-table').waitFor();
      const row = page.getByTestId('campaign-row').filter({ hasText: 'Tillbaka i januari – yoga' });
      expect(await row.getByTestId('campaign-state').textContent()).toBe('Klart');
      expect(await row.textContent()).toContain('2 / 2');
      expect(await fitsWidth(page)).toBe(true);
      await screenshot(page, 'campaigns-list-sv-768');

      // The sent campaign's page fits a tablet too.
      await row.getByRole('link').click();
      await page.getByTestId('campaign-progress').waitFor();
      expect(await fitsWidth(page)).toBe(true);
      await screenshot(page, 'campaign-sent-sv-768');

      // A new SMS campaign: the tag from the quick picker, the text counted as it is typed.
      await page.goto(`${server.url}/mailing`);
      await page.getByTestId('campaign-new').click();
      await page.getByTestId('campaign-editor').waitFor();
      await page.getByTestId('campaign-name').fill('Påminnelse yoga');
      await page.getByTestId('campaign-channel').getByText('Sms').click();
      await pick(page, 'audience-tags', 'Yoga');
      await page.getByTestId('filter-chips').getByText('Taggar: Yoga').waitFor();
      await page
        .getByTestId('campaign-sms-text')
        .fill('Hej {{ firstName }}! Yogan börjar igen på måndag kl 18. Välkommen åter!');
      await expect.poll(() => page.getByTestId('sms-segments').textContent()).toBe('1 sms');
      expect(await page.getByTestId('sms-counter').textContent()).toContain('GSM-7');
      // A letter outside the GSM alphabet makes it Unicode, 70 characters a message.
      await page.getByTestId('campaign-sms-text').fill('Cześć! '.repeat(11));
      await expect.poll(() => page.getByTestId('sms-segments').textContent()).toBe('2 sms');
      expect(await page.getByTestId('sms-counter').textContent()).toContain('Unicode');
      await page.getByTestId('audience-counts').waitFor();
      await page.getByTestId('campaign-save').click();
      await page.waitForURL(/\/mailing\/campaigns\/[0-9a-f-]{36}$/);
      await page.getByTestId('campaign-editor').waitFor();
      expect(await page.getByTestId('campaign-sms-text').inputValue()).toBe(
        'Cześć! '.repeat(11).trim(),
      );
      expect(await fitsWidth(page)).toBe(true);
      await screenshot(page, 'campaign-sms-sv-768');
    } finally {
      await browser.close();
    }
  });

  it('pauses, resumes and cancels a slow campaign on a tablet (sv, 768 px)', async () => {
    // Three members, one a minute: after a pause and a resume a turn is still a minute away,
    // time enough to cancel it.
    const pilates = await api('POST', '/api/settings/tags', {
      name: 'Pilates',
      color: '#1c7ed6',
      scope: 'person',
    });
    for (const name of ['Filip', 'Greta', 'Hanna']) {
      await api('POST', '/api/persons', {
        firstName: name,
        lastName: 'Sjöberg',
        emails: [{ email: `${name.toLowerCase()}.sjoberg@example.se` }],
        tagIds: [pilates.id],
        consentEmail: { granted: true, source: 'anmälan i receptionen' },
      });
    }
    const draft = await api('POST', '/api/campaigns', {
      name: 'Långsamt utskick',
      channel: 'email',
      variants: [{ locale: 'sv', subject: 'Hej {{ firstName }}', body: 'Vi ses på mattan!' }],
      audience: { tagId: [pilates.id] },
      ratePerMinute: 1,
    });
    await api('POST', `/api/campaigns/${draft.id}/send`, { version: draft.version });
    const browser = await openBrowser({ width: 768, height: 1024, locale: 'sv-SE' });
    try {
      const { page } = browser;
      await logIn(page, server.url);
      await page.goto(`${server.url}/mailing/campaigns/${draft.id}`);
      await page.getByTestId('campaign-progress').waitFor();
      const state = () => page.getByTestId('campaign-state').first().textContent();
      expect(await state()).toBe('Skickas');
      await page.getByTestId('campaign-pause').click();
      await expect.poll(state, { timeout: 10_000 }).toBe('Pausat');
      await page.getByTestId('campaign-resume').click();
      await expect.poll(state, { timeout: 10_000 }).toBe('Skickas');
      await page.getByTestId('campaign-cancel').click();
      await page.getByRole('dialog').getByText('Avbryta utskicket?').waitFor();
      await page.getByTestId('confirm').click();
      await expect.poll(state, { timeout: 10_000 }).toBe('Avbrutet');
      // Whoever had not had their turn is skipped, and no more mail leaves.
      await expect
        .poll(() => page.getByTestId('total-skipped-value').textContent(), { timeout: 10_000 })
        .not.toBe('0');
      expect(await page.getByTestId('campaign-cancel').count()).toBe(0);
      await page.getByTestId('recipient-filter').click();
      await page.getByRole('option', { name: 'Hoppades över' }).click();
      await page.getByTestId('recipient-row').first().waitFor();
      // Why, in the reader's language (Spotter's own note, not a server's answer).
      expect(await page.getByTestId('recipient-response').first().textContent()).toBe(
        'Utskicket avbröts',
      );
      expect(await fitsWidth(page)).toBe(true);
      await screenshot(page, 'campaign-cancelled-sv-768');
    } finally {
      await browser.close();
    }
  });
});
