import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { RunningServer } from './server.ts';

export const OWNER = {
  name: 'Greta Owner',
  email: 'greta@example.com',
  password: 'Lantern-Harbour-77',
};

export type Json = Record<string, unknown> & { id?: string };
export type Api = (method: string, path: string, body?: unknown) => Promise<Json>;

/** Sets up an organization through the API and returns a session of its owner. */
export async function setUp(
  server: RunningServer,
  organization: { name: string; locale: string; timezone?: string },
  demoData = false,
): Promise<Api> {
  const setup = await fetch(`${server.url}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({
      organization: { timezone: 'Europe/Stockholm', ...organization, currency: 'SEK' },
      owner: OWNER,
      ...(demoData ? { demoData: true } : {}),
    }),
  });
  expect(setup.status).toBe(201);
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email: OWNER.email, password: OWNER.password }),
  });
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  return async (method, path, body) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        cookie,
        origin: server.url,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : {}) as Json;
  };
}

export async function logIn(page: Page, url: string) {
  await page.goto(`${url}/login`);
  await page.getByTestId('login-email').fill(OWNER.email);
  await page.getByTestId('login-password').fill(OWNER.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}
