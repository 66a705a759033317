import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshot, type Browser } from './support/browser.ts';
import { hasChromium } from './support/chromium.ts';
import { labels } from './support/locales.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { logIn, setUp, type Api } from './support/session.ts';

/**
 * Groups and CRM roles (issue 14, U-4 and U-2), as an admin meets them: build a sales group
 * with a region under it and people in it (one of them its manager), see a loop refused next
 * to the field, then close the CRM to reception in the CRM settings. In English on a desktop,
 * then in Swedish on a 768 px tablet.
 */

const RUNS = [
  { lang: 'en', width: 1280, height: 900, locale: 'en-GB', sales: 'Sales team', region: 'North' },
  { lang: 'sv', width: 768, height: 1024, locale: 'sv-SE', sales: 'Säljteam', region: 'Norr' },
] as const;

const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe.skipIf(!hasChromium())('groups and CRM roles', () => {
  let server: RunningServer;
  let api: Api;
  const staff: Record<string, string> = {};

  beforeAll(async () => {
    server = await startServer();
    api = await setUp(server, { name: 'Harbour Fitness', locale: 'en' });
    for (const [name, role] of [
      ['Sam Seller', 'sales'],
      ['Mia Manager', 'manager'],
      ['Rita Reception', 'reception'],
    ] as const) {
      const created = await api('POST', '/api/users', {
        name,
        email: `${name.split(' ')[0]!.toLowerCase()}@example.com`,
        role,
      });
      staff[name] = (created.user as { id: string }).id;
    }
  });

  afterAll(async () => {
    await server?.stop();
  });

  for (const run of RUNS) {
    it(`${run.lang} at ${run.width} px: a group tree with members, and the CRM roles`, async () => {
      const L = labels(run.lang);
      const tag = `${run.lang}-${run.width}`;
      await api('PATCH', '/api/me', { locale: run.lang });
      const browser: Browser = await openBrowser({
        width: run.width,
        height: run.height,
        locale: run.locale,
      });
      const page = browser.page;
      const shot = (name: string) => screenshot(page, `groups-${tag}-${name}`);
      const actionsOf = (name: string) =>
        page.getByRole('button', {
          name: L('settings', 'groups.actionsFor').replace('{{name}}', name),
          exact: true,
        });
      const pick = async (testId: string, option: string) => {
        await page.getByTestId(testId).click();
        await page.getByRole('option', { name: option }).first().click();
        await page.keyboard.press('Escape');
      };
      try {
        await logIn(page, server.url);
        await page.goto(`${server.url}/settings/groups`);
        await page.getByTestId('add-group').first().waitFor();
        if (run.lang === 'en') {
          await page.getByTestId('empty-state').waitFor();
          await shot('empty');
        }

        // An empty name is said next to the field.
        await page.getByTestId('add-group').first().click();
        await page.getByTestId('group-save').click();
        await expect
          .poll(() =>
            page.getByTestId('group-form').getByText(L('common', 'validation.required')).count(),
          )
          .toBeGreaterThan(0);
        await page.getByTestId('group-name').fill(run.sales);
        await page.getByTestId('group-type').getByText(L('settings', 'groups.typeSales')).click();
        await pick('group-members', 'Mia Manager');
        await pick('group-managers', 'Mia Manager');
        await shot('form');
        await page.getByTestId('group-save').click();
        const salesRow = page.getByTestId('group-row').filter({ hasText: run.sales });
        await salesRow.waitFor();

        // A region under it, from the row's "Add sub-group".
        await actionsOf(run.sales).click();
        await page.getByRole('menuitem', { name: L('settings', 'groups.addSub') }).click();
        await page.getByTestId('group-name').fill(run.region);
        await pick('group-members', 'Sam Seller');
        await page.getByTestId('group-save').click();
        const regionRow = page.getByTestId('group-row').filter({ hasText: run.region });
        await regionRow.waitFor();
        expect(await regionRow.getAttribute('data-depth')).toBe('1');
        expect(await salesRow.innerText()).toContain('Mia Manager');
        await shot('tree');
        expect(await fitsWidth(page)).toBe(true);

        // The parent picker never offers the group itself or its own sub-groups.
        await actionsOf(run.sales).click();
        await page.getByRole('menuitem', { name: L('settings', 'groups.edit') }).click();
        await page.getByTestId('group-parent').click();
        expect(await page.getByRole('option', { name: run.region }).count()).toBe(0);
        await page.keyboard.press('Escape');
        await page.keyboard.press('Escape');

        // The server agrees: the tree as the API gives it.
        const tree = (await api('GET', '/api/groups')).items as Array<{
          name: string;
          depth: number;
          members: Array<{ userId: string; role: string }>;
        }>;
        const mine = tree.filter((g) => g.name === run.sales || g.name === run.region);
        expect(mine.map((g) => [g.name, g.depth])).toEqual([
          [run.sales, 0],
          [run.region, 1],
        ]);
        expect(mine[0]!.members).toEqual([{ userId: staff['Mia Manager'], role: 'manager' }]);

        // CRM settings: reception no longer uses the CRM (nor can be responsible).
        await page.goto(`${server.url}/settings/crm`);
        const crmRoles = page.getByTestId('crm-roles');
        await crmRoles.waitFor();
        await crmRoles.getByLabel(L('common', 'roles.reception'), { exact: true }).uncheck();
        expect(
          await page
            .getByTestId('crm-responsible-roles')
            .getByLabel(L('common', 'roles.reception'), { exact: true })
            .isDisabled(),
        ).toBe(true);
        await shot('crm-roles');
        await page.getByTestId('crm-save').click();
        await expect
          .poll(async () => ((await api('GET', '/api/settings/crm')).crmRoles as string[]).join())
          .toBe('owner,admin,manager,sales');
        expect(await fitsWidth(page)).toBe(true);

        // Back for the next run.
        const now = await api('GET', '/api/settings/crm');
        await api('PATCH', '/api/settings/crm', {
          crmRoles: ['owner', 'admin', 'manager', 'sales', 'reception'],
          version: now.version,
        });
      } finally {
        await browser.close();
      }
    });
  }
});
