import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshot } from './support/browser.ts';
import { hasChromium } from './support/chromium.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { logIn, setUp, type Api } from './support/session.ts';

/**
 * A family on the person page (issue 17) as a children's club's reception meets it: on the
 * mother's page, add her daughter as a new person; the daughter's page shows her mother as the
 * primary guardian with a phone to dial, the consent her mother gave, and the persons list
 * says whom to call about her. Swedish on a desktop, Russian on a 768 px tablet.
 */

const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** Born eight years and a few months before the machine's today: a minor anywhere. */
const birthDate = () => {
  const d = new Date();
  return `04.01.${d.getFullYear() - 8}`;
};

async function addParent(api: Api, firstName: string, lastName: string, phone: string) {
  const created = (await api('POST', '/api/persons', {
    firstName,
    lastName,
    phones: [{ number: phone }],
  })) as { person: { id: string } };
  return created.person.id;
}

describe.skipIf(!hasChromium())('a family on the person page', () => {
  let server: RunningServer;
  let sv: Api;

  beforeAll(async () => {
    server = await startServer();
    sv = await setUp(server, { name: 'Dansskolan Väst', locale: 'sv' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('adds a child from the mother’s page and shows the family from both sides (sv, 1280 px)', async () => {
    const motherId = await addParent(sv, 'Anna', 'Berg', '070-123 45 67');
    const browser = await openBrowser({ width: 1280, height: 900, locale: 'sv-SE' });
    try {
      const { page } = browser;
      await logIn(page, server.url);
      await page.goto(`${server.url}/persons/${motherId}`);
      await page.getByTestId('family-empty').waitFor();

      await page.getByTestId('add-child').click();
      await page.getByTestId('relation-mode').getByText('Ny person').click();
      expect(await page.getByTestId('relation-last-name').inputValue()).toBe('Berg');
      // Neither name: the field says so and nothing is sent.
      await page.getByTestId('relation-last-name').fill('');
      await page.getByTestId('relation-save').click();
      await page.getByText('Obligatoriskt').first().waitFor();
      await page.getByTestId('relation-first-name').fill('Maja');
      await page.getByTestId('relation-last-name').fill('Berg');
      await page.getByTestId('relation-birth-date').fill(birthDate());
      // Leaving the field closes its calendar, which would cover the role.
      await page.getByTestId('relation-birth-date').press('Tab');
      await page.getByTestId('relation-role').click();
      await page.getByRole('option', { name: 'Mamma' }).click();
      await page.getByTestId('relation-save').click();

      const child = page.getByTestId('family-child');
      await child.getByText('Maja Berg').waitFor();
      await child.getByTestId('minor-badge').waitFor();
      expect(await child.getByTestId('member-age').textContent()).toBe('8 år');
      expect(await child.getByTestId('relation-role').textContent()).toBe('Mamma');
      await screenshot(page, 'family-mother-sv-1280');

      // Erasing the mother would unlink her daughter: the dialog says so before anything happens.
      await page.getByTestId('contact-actions').click();
      await page.getByTestId('erase-person').click();
      await page.getByTestId('erase-children').getByText('Maja Berg').waitFor();
      await screenshot(page, 'family-erase-mother-sv-1280');
      await page.keyboard.press('Escape');
      await page.getByTestId('erase-children').waitFor({ state: 'hidden' });

      await child.getByText('Maja Berg').click();
      await page.waitForURL((u) => u.pathname !== `/persons/${motherId}`);
      const guardian = page.getByTestId('family-guardian');
      await guardian.getByText('Anna Berg').waitFor();
      await guardian.getByTestId('relation-primary-mark').waitFor();
      expect(await guardian.getByTestId('member-phone').getAttribute('href')).toBe(
        'tel:+46701234567',
      );
      await page.getByText('Familjekoppling tillagd').first().waitFor();
      await screenshot(page, 'family-child-sv-1280');

      // The list's minors, with whom to call about each.
      await page.goto(`${server.url}/persons?minor=true`);
      const row = page.getByTestId('row-guardian');
      await row.getByText('Mamma: Anna Berg').waitFor();
      expect(await page.getByText('Maja Berg').count()).toBeGreaterThan(0);
      await screenshot(page, 'family-list-minors-sv-1280');
    } finally {
      await browser.close();
    }
  });

  it('names the guardian who gave a consent, and unlinks with a confirmation (ru, 768 px)', async () => {
    // A Russian club of its own (its family roles seeded in Russian): one club per server.
    const ruServer = await startServer();
    const api = await setUp(ruServer, { name: 'Танцы Восток', locale: 'ru' });
    const motherId = await addParent(api, 'Ольга', 'Смирнова', '070-765 43 21');
    const roles = (await api('GET', '/api/settings/relation-roles')) as {
      items: { id: string; name: string }[];
    };
    const { relation } = (await api('POST', `/api/persons/${motherId}/relations`, {
      as: 'child',
      roleId: roles.items[0]!.id,
      person: { firstName: 'Вера', lastName: 'Смирнова', birthDate: '2017-03-02' },
    })) as { relation: { person: { id: string } } };
    const childId = relation.person.id;
    const child = (await api('GET', `/api/persons/${childId}`)) as { version: number };
    await api('PATCH', `/api/persons/${childId}`, {
      version: child.version,
      consentSms: { granted: true, source: 'на ресепшене', byId: motherId },
    });

    const browser = await openBrowser({ width: 768, height: 1024, locale: 'ru-RU' });
    try {
      const { page } = browser;
      await logIn(page, ruServer.url);
      await page.goto(`${ruServer.url}/persons/${childId}`);
      const guardian = page.getByTestId('family-guardian');
      await guardian.getByText('Ольга Смирнова').waitFor();
      // Named with her role once the family roles are there.
      await page
        .getByTestId('consentSms-value')
        .getByText(/^Дано: Ольга Смирнова \(Мама\), /)
        .waitFor();
      expect(await fitsWidth(page)).toBe(true);
      await screenshot(page, 'family-child-ru-768');

      // The consent editor offers the child's guardians as who gave it.
      await page.getByTestId('edit-contact').click();
      const by = page.getByTestId('consentSms-by');
      expect(await by.inputValue()).toBe('Ольга Смирнова (Мама)');
      await by.scrollIntoViewIfNeeded();
      await screenshot(page, 'family-consent-editor-ru-768');
      await page.getByRole('button', { name: 'Отмена' }).click();

      await guardian.getByTestId('relation-actions').click();
      await page.getByTestId('relation-remove').click();
      await page.getByTestId('confirm').click();
      await page.getByTestId('family-empty').waitFor();
      await screenshot(page, 'family-unlinked-ru-768');
    } finally {
      await browser.close();
      await ruServer.stop();
    }
  });
});
