import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type Browser } from './support/browser.ts';
import { hasChromium } from './support/chromium.ts';
import { middayZone } from './support/clock.ts';
import { labels } from './support/locales.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { logIn, setUp, type Api } from './support/session.ts';

/**
 * Issue 17, acceptance 2: a mother calls a children's club about her daughters, in Russian and
 * in Swedish on a 768 px tablet. Reception finds her by her phone in "New call", sees her first
 * daughter, adds the second one right in the dialog and books a trial call for her; the board
 * then shows the younger daughter's card with "Mother: … · her phone", dialling the mother.
 */

const SHOTS = process.env.FAMILY_SHOTS ?? '/tmp/spotter-family-shots';

const RUNS = [
  {
    lang: 'ru',
    club: 'Дом танца',
    locale: 'ru-RU',
    phone: '+46701234501',
    typed: '070-123 45 01',
    national: '070-123 45 01',
    parent: { firstName: 'Анна', lastName: 'Смирнова' },
    first: { firstName: 'Маша', birthDate: '2016-04-12' },
    second: { firstName: 'Ева', birthDate: '2019-09-03', typed: '03.09.2019' },
    stranger: { phone: '070-555 66 01', firstName: 'Ольга', lastName: 'Петрова', child: 'Лиза' },
    mother: 'Мама',
    trial: 'Пробное занятие: звонок',
    booked: 'Записана на пробное',
  },
  {
    lang: 'sv',
    club: 'Dansens hus',
    locale: 'sv-SE',
    phone: '+46701234502',
    typed: '0701234502',
    national: '070-123 45 02',
    parent: { firstName: 'Anna', lastName: 'Berg' },
    first: { firstName: 'Maja', birthDate: '2016-04-12' },
    second: { firstName: 'Ella', birthDate: '2019-09-03', typed: '2019-09-03' },
    stranger: { phone: '070-555 66 02', firstName: 'Olga', lastName: 'Lind', child: 'Lisa' },
    mother: 'Mamma',
    trial: 'Prova på-pass: samtal',
    booked: 'Bokad på prova på',
  },
] as const;

type Lookup = { id: string; name: string };
type Template = { id: string; type: string; results: Array<{ id: string }> };

const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

for (const run of RUNS) {
  describe.skipIf(!hasChromium())(
    `a parent calls about a second child (${run.lang}, 768 px)`,
    () => {
      const zone = middayZone();
      let server: RunningServer;
      let api: Api;

      // A club of its own language each time: its statuses, templates and roles in its words.
      beforeAll(async () => {
        mkdirSync(SHOTS, { recursive: true });
        server = await startServer();
        api = await setUp(server, { name: run.club, locale: run.lang, timezone: zone });
        const crm = await api('GET', '/api/settings/crm');
        await api('PATCH', '/api/settings/crm', { phoneRegion: 'SE', version: crm.version });
      });

      afterAll(async () => {
        await server?.stop();
      });

      it('finds the mother by phone, adds her second daughter, books her trial', async () => {
        const L = labels(run.lang);
        // The club's call template gets a result that books a trial call for later today.
        const trial = (await api('POST', '/api/settings/task-templates', {
          type: 'call',
          name: run.trial,
        })) as unknown as Template;
        const templates = (await api('GET', '/api/settings/task-templates')) as unknown as {
          items: Template[];
        };
        const call = templates.items.find((t) => t.type === 'call' && t.id !== trial.id)!;
        const booked = (await api('POST', `/api/settings/task-templates/${call.id}/results`, {
          name: run.booked,
          next: { templateId: trial.id, offset: { unit: 'minutes', amount: 60 } },
        })) as unknown as { id: string };
        // The club's relation roles, seeded in its language: the first is the mother.
        const mother = (
          (await api('GET', '/api/settings/relation-roles')) as unknown as { items: Lookup[] }
        ).items[0]!;
        expect(mother.name).toBe(run.mother);

        // The mother and her first daughter are known to the club already.
        const parent = (await api('POST', '/api/persons', {
          ...run.parent,
          phones: [{ number: run.phone, label: 'mobile' }],
        })) as { person: { id: string } };
        await api('POST', `/api/persons/${parent.person.id}/relations`, {
          as: 'child',
          roleId: mother.id,
          person: { ...run.first, lastName: run.parent.lastName },
        });

        const browser: Browser = await openBrowser({
          width: 768,
          height: 1024,
          locale: run.locale,
          timezoneId: zone,
        });
        const page = browser.page;
        const shot = (name: string) =>
          page.screenshot({
            path: path.join(SHOTS, `family-${run.lang}-${name}.png`),
            fullPage: true,
          });
        try {
          await logIn(page, server.url);
          await page.goto(`${server.url}/board`);
          await page.getByTestId('board-new-call').click();
          const dialog = page.getByTestId('new-call-form');
          await page.getByTestId('call-search').fill(run.typed);
          // Her phone finds her, and her daughter through her; Enter takes the mother.
          const hits = page.getByTestId('call-hits');
          await hits
            .getByText(`${run.parent.firstName} ${run.parent.lastName}`, { exact: true })
            .waitFor();
          await hits.getByTestId('call-hit-via').first().waitFor();
          await shot('0-hits');
          await page.getByTestId('call-search').press('Enter');
          await page.getByTestId('call-person').waitFor();

          // Her first daughter shows; the call is about a new, second one.
          const family = page.getByTestId('call-family');
          await family.getByText(`${run.first.firstName} ${run.parent.lastName}`).waitFor();
          await page.getByLabel(L('tasks', 'call.aboutChild')).check();
          await page.getByTestId('call-children').getByTestId('call-child').first().waitFor();
          await shot('1-children');
          await page.getByLabel(L('tasks', 'call.addChild')).check();
          // The last name comes from the mother's.
          expect(await page.getByTestId('call-child-last-name').inputValue()).toBe(
            run.parent.lastName,
          );

          // Saving without the child's name and birth date says what is missing, by the fields.
          await page.getByTestId(`result-option-${booked.id}`).click();
          await page.getByTestId('call-save').click();
          const required = L('tasks', 'validation.required');
          await page
            .getByTestId('call-new-child')
            .getByText(required, { exact: true })
            .first()
            .waitFor();
          await shot('2-field-errors');

          await page.getByTestId('call-child-first-name').fill(run.second.firstName);
          await page.getByTestId('call-child-birth-date').fill(run.second.typed);
          await page.getByTestId('call-child-birth-date').press('Tab');
          await page.getByTestId('call-child-role').click();
          await page.getByRole('option', { name: mother.name, exact: true }).click();
          await page.getByTestId(`result-option-${booked.id}`).click();
          expect(await fitsWidth(page)).toBe(true);
          await shot('3-second-child');
          await page.getByTestId('call-save').click();
          await dialog.waitFor({ state: 'detached' });

          // The trial call is the younger daughter's, and her card dials her mother.
          const childName = `${run.second.firstName} ${run.parent.lastName}`;
          const card = page
            .getByTestId('board-card')
            .filter({ has: page.getByTestId('card-name').getByText(childName, { exact: true }) });
          await card.waitFor();
          const guardian = card.getByTestId('card-guardian');
          await expect
            .poll(() => guardian.textContent())
            .toBe(
              `${mother.name}: ${run.parent.firstName} ${run.parent.lastName} · ${run.national}`,
            );
          expect(await card.getByTestId('card-guardian-phone').getAttribute('href')).toBe(
            `tel:${run.phone}`,
          );
          expect(await card.getByTestId('card-phone').count()).toBe(0);
          expect(await fitsWidth(page)).toBe(true);
          await card.scrollIntoViewIfNeeded();
          await shot('4-board');
          // The expanded card names the guardian its calls go to.
          await card.getByTestId('card-open').click();
          await page.getByTestId('expanded-guardian').getByText(run.national).waitFor();
          await shot('4b-expanded');
          await page.keyboard.press('Escape');
          await page.getByTestId('expanded-guardian').waitFor({ state: 'detached' });

          // The family is now two daughters, the new one with her birth date.
          const fam = (await api('GET', `/api/persons/${parent.person.id}/family`)) as unknown as {
            children: Array<{
              primary: boolean;
              person: { displayName: string; birthDate: string };
            }>;
          };
          expect(
            fam.children.map((c) => [c.person.displayName, c.person.birthDate, c.primary]),
          ).toEqual(
            expect.arrayContaining([
              [childName, run.second.birthDate, true],
              [`${run.first.firstName} ${run.parent.lastName}`, run.first.birthDate, true],
            ]),
          );

          // A caller nobody knows yet: she and her son are added in the same call.
          const st = run.stranger;
          await page.getByTestId('board-new-call').click();
          await page.getByTestId('call-search').fill(st.phone);
          await page.getByTestId('call-create-person').click();
          await page.getByTestId('call-first-name').fill(st.firstName);
          await page.getByTestId('call-last-name').fill(st.lastName);
          await page.getByLabel(L('tasks', 'call.aboutChild')).check();
          // Nobody to pick from yet: the dialog goes straight to a new child, her last name on it.
          await page.getByTestId('call-new-child').waitFor();
          expect(await page.getByTestId('call-child-last-name').inputValue()).toBe(st.lastName);
          await page.getByTestId('call-child-first-name').fill(st.child);
          await page.getByTestId('call-child-birth-date').fill('2018-02-20');
          await page.getByTestId('call-child-birth-date').press('Tab');
          await page.getByTestId(`result-option-${booked.id}`).click();
          await shot('5-new-caller');
          await page.getByTestId('call-save').click();
          await dialog.waitFor({ state: 'detached' });
          const sonCard = page.getByTestId('board-card').filter({
            has: page.getByTestId('card-name').getByText(`${st.child} ${st.lastName}`),
          });
          // No role chosen: the card says "Guardian".
          await expect
            .poll(() => sonCard.getByTestId('card-guardian').textContent())
            .toBe(
              `${L('tasks', 'guardian.defaultRole')}: ${st.firstName} ${st.lastName} · ${st.phone}`,
            );
          await shot('6-board-both');

          // The task list says the same, and its phone dials the mother too.
          await page.goto(`${server.url}/tasks`);
          const row = page.getByRole('row').filter({ hasText: childName });
          await row.getByTestId('task-guardian').waitFor();
          expect(await row.getByTestId('task-guardian-phone').getAttribute('href')).toBe(
            `tel:${run.phone}`,
          );
          expect(await fitsWidth(page)).toBe(true);
          await shot('7-tasks');
        } finally {
          await browser.close();
        }
      });
    },
  );
}
