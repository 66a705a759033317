/**
 * The home page per role (S-6, issue 15), as steps a journey calls: a club with work for
 * today, the receptionist's home (her calls, the leads waiting, no team numbers) and the
 * manager's (the team's numbers and the pipeline), each number landing on the list it counts.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshot } from './browser.ts';
import type { RunningServer } from './server.ts';
import type { Api, Json } from './session.ts';

export interface HomeStaff {
  email: string;
  password: string;
}

export interface HomeClub {
  reception: HomeStaff;
  manager: HomeStaff;
  /** The receptionist's overdue call: the next one on her home. */
  overdueCallId: string;
  personName: string;
}

export interface HomeRun {
  lng: 'en' | 'ru' | 'sv' | 'pl' | 'uk';
  width: number;
}

const PASSWORD = 'Harbour-Desk-Lantern-58';

/** A staff member with a password of their own (the temporary one changed through the API). */
async function staff(server: RunningServer, api: Api, role: string, lng: string) {
  const email = `${role}-home-${lng}-${Date.now()}@example.com`;
  const created = (await api('POST', '/api/users', {
    name: role === 'reception' ? 'Rita Reception' : 'Mats Manager',
    email,
    role,
    locale: lng,
  })) as { temporaryPassword: string; user: { id: string } };
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email, password: created.temporaryPassword }),
  });
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  const changed = await fetch(`${server.url}/api/me/password`, {
    method: 'POST',
    headers: { cookie, origin: server.url, 'content-type': 'application/json' },
    body: JSON.stringify({ currentPassword: created.temporaryPassword, newPassword: PASSWORD }),
  });
  expect(changed.ok).toBe(true);
  return { email, password: PASSWORD, id: created.user.id };
}

/**
 * A reception and a manager login, a person who came in today with an overdue call and one
 * later today for the receptionist, a call done today with a result, and an open deal
 * expected this month.
 */
export async function seedHomeClub(
  server: RunningServer,
  api: Api,
  lng: HomeRun['lng'],
): Promise<HomeClub> {
  const reception = await staff(server, api, 'reception', lng);
  const manager = await staff(server, api, 'manager', lng);
  const personName = lng === 'ru' ? 'Ольга Смирнова' : 'Olga Lind';
  const [firstName, lastName] = personName.split(' ') as [string, string];
  const created = (await api('POST', '/api/persons', { firstName, lastName })) as {
    person: { id: string };
  };
  const personId = created.person.id;
  const templates = (await api('GET', '/api/settings/task-templates')) as unknown as {
    items: Array<{
      id: string;
      type: string;
      results: Array<{ id: string; archived: boolean; fields: Array<{ required: boolean }> }>;
    }>;
  };
  const call = templates.items.find((x) => x.type === 'call')!;
  const now = Date.now();
  const task = (dueAt: Date, assigneeId: string) =>
    api('POST', '/api/tasks', {
      templateId: call.id,
      contactId: personId,
      assigneeId,
      dueAt: dueAt.toISOString(),
    }) as Promise<Json>;
  const overdue = await task(new Date(now - 2 * 3_600_000), reception.id);
  await task(new Date(now + 20 * 60_000), reception.id);
  const done = await task(new Date(now - 60 * 60_000), manager.id);
  // A result that asks for nothing more (a new club's call template may have none at all).
  const result = call.results.find((r) => !r.archived && r.fields.every((f) => !f.required));
  await api('POST', `/api/tasks/${done.id}/result`, { resultId: result?.id ?? null });
  const month = new Date(now).toISOString().slice(0, 10);
  await api('POST', '/api/deals', {
    title: 'Gold membership',
    personId,
    amount: 499000,
    expectedCloseDate: month,
  });
  return { reception, manager, overdueCallId: overdue.id!, personName };
}

export async function logInAs(page: Page, url: string, who: HomeStaff) {
  await page.context().clearCookies();
  await page.goto(`${url}/login`);
  await page.getByTestId('login-email').fill(who.email);
  await page.getByTestId('login-password').fill(who.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

const number = async (page: Page, testId: string) =>
  Number((await page.getByTestId(testId).innerText()).replace(/\D/g, ''));

/** The rows the tasks list shows once it has loaded. */
async function taskRows(page: Page) {
  await page.getByTestId('tasks-table').waitFor();
  await expect
    .poll(() => page.getByTestId('task-row').count(), { timeout: 15_000 })
    .toBeGreaterThan(0);
  return page.getByTestId('task-row').count();
}

/**
 * The receptionist's home: her overdue and today's calls, the next call one click from its
 * task, no team numbers; her overdue number lands on the list of exactly those calls.
 */
export async function receptionHome(page: Page, url: string, club: HomeClub, run: HomeRun) {
  const tag = `home-${run.lng}-${run.width}-reception`;
  await logInAs(page, url, club.reception);
  await page.goto(`${url}/start`);
  await page.getByTestId('home-my').waitFor();
  expect(await page.getByTestId('home-team').count()).toBe(0);
  expect(await page.getByTestId('home-pipeline').count()).toBe(0);
  await expect.poll(() => number(page, 'home-my-overdue')).toBe(1);
  expect(await number(page, 'home-my-today')).toBe(1);
  expect(await page.getByTestId('home-next-call').innerText()).toContain(club.personName);
  expect(await fitsWidth(page)).toBe(true);
  await screenshot(page, `${tag}-01-home`);

  await page.getByTestId('home-my-overdue').click();
  await page.waitForURL(
    (u) => u.pathname === '/tasks' && u.searchParams.get('state') === 'overdue',
  );
  expect(await taskRows(page)).toBe(1);
  await screenshot(page, `${tag}-02-overdue-list`);

  await page.goto(`${url}/start`);
  await page.getByTestId('home-next-open').click();
  await page.waitForURL((u) => u.pathname === `/tasks/${club.overdueCallId}`);
  await page.getByTestId('task-button-complete').waitFor();
}

/**
 * The manager's home: the team's overdue, today's results, new leads and the pipeline with
 * this month's forecast; today's results land on the tasks done today.
 */
export async function managerHome(page: Page, url: string, club: HomeClub, run: HomeRun) {
  const tag = `home-${run.lng}-${run.width}-manager`;
  await logInAs(page, url, club.manager);
  await page.goto(`${url}/start`);
  await page.getByTestId('home-team').waitFor();
  await page.getByTestId('home-pipeline').waitFor();
  await expect.poll(() => number(page, 'home-team-overdue')).toBeGreaterThanOrEqual(1);
  const done = await number(page, 'home-team-done');
  expect(done).toBeGreaterThanOrEqual(1);
  expect(await number(page, 'home-team-leads')).toBeGreaterThanOrEqual(1);
  expect(await fitsWidth(page)).toBe(true);
  await screenshot(page, `${tag}-01-home`);

  await page.getByTestId('home-team-done').click();
  await page.waitForURL((u) => u.pathname === '/tasks' && u.searchParams.get('state') === 'done');
  // The list's first page (50 rows) of exactly the tasks counted.
  expect(await taskRows(page)).toBe(Math.min(done, 50));
  await screenshot(page, `${tag}-02-done-today`);

  await page.goto(`${url}/start`);
  await page.getByTestId('home-team-result').first().click();
  await page.waitForURL((u) => u.pathname === '/tasks' && /result/i.test(u.search));
  expect(await taskRows(page)).toBeGreaterThanOrEqual(1);

  await page.goto(`${url}/start`);
  await page.getByTestId('home-pipeline-this-SEK').click();
  await page.waitForURL((u) => u.pathname === '/deals' && u.searchParams.has('closeMonth'));
  await page.getByText('Gold membership').first().waitFor();
  await screenshot(page, `${tag}-03-deals-this-month`);
}
