import type { Me } from '@spotter/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientFor,
  createTestApp,
  GOOD_PASSWORD,
  login,
  orgBody,
  sessionCookieOf,
  type TestApp,
} from '../../../test/test-app.ts';

describe('first-run setup (signup closed)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { signup: 'closed' } });
  });
  afterAll(() => t.close());

  const setupNeeded = async () =>
    (await t.app.inject({ method: 'GET', url: '/api/setup' })).json<{ needed: boolean }>().needed;

  it('refuses invalid bodies field by field and writes nothing', async () => {
    const good = orgBody();
    const cases: Array<[unknown, string]> = [
      [{ ...good, organization: { ...good.organization, name: 42 } }, 'organization.name'],
      [
        { ...good, organization: { ...good.organization, name: 'x'.repeat(1_000_000) } },
        'organization.name',
      ],
      [{ ...good, owner: { ...good.owner, email: 'not-an-email' } }, 'owner.email'],
      [{ ...good, owner: { ...good.owner, password: 'short' } }, 'owner.password'],
      [{ ...good, owner: { ...good.owner, password: 'password123' } }, 'owner.password'],
      [
        { ...good, organization: { ...good.organization, timezone: 'Mars/Olympus' } },
        'organization.timezone',
      ],
      [
        { ...good, organization: { ...good.organization, currency: 'XYZ' } },
        'organization.currency',
      ],
      [{ ...good, organization: { ...good.organization, locale: 'de' } }, 'organization.locale'],
      [{ ...good, hacker: true }, 'hacker'],
      [{ ...good, owner: { ...good.owner, role: 'admin' } }, 'owner.role'],
    ];
    for (const [payload, field] of cases) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/setup',
        payload: payload as object,
      });
      expect(res.statusCode, field).toBe(400);
      const body = res.json<{ code: string; fields: Record<string, string> }>();
      expect(body.code).toBe('validation');
      expect(Object.keys(body.fields), field).toContain(field);
      expect(res.body).not.toMatch(/at .*\.ts:\d+/);
    }
    expect(await setupNeeded()).toBe(true);
  });

  it('answers a non-JSON body with 400 and no stack trace', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      headers: { 'content-type': 'application/json' },
      payload: '{"organization": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('bad_request');
    expect(res.body).not.toContain('node_modules');
  });

  it('creates the organization and its owner, logs them in, then refuses a second setup', async () => {
    expect(await setupNeeded()).toBe(true);
    const body = orgBody({ email: 'Owner@Club.example' });
    const res = await t.app.inject({ method: 'POST', url: '/api/setup', payload: body });
    expect(res.statusCode).toBe(201);
    const me = res.json<Me>();
    expect(me.user.role).toBe('owner');
    expect(me.user.email).toBe('owner@club.example');
    expect(me.organization.currency).toBe('SEK');
    const owner = clientFor(t.app, sessionCookieOf(res));
    expect((await owner.request('GET', '/api/me')).statusCode).toBe(200);
    expect(await setupNeeded()).toBe(false);

    const again = await t.app.inject({ method: 'POST', url: '/api/setup', payload: orgBody() });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_set_up');
    expect((await login(t.app, 'owner@club.example', GOOD_PASSWORD)).statusCode).toBe(200);
  });

  it('keeps sign-up closed by default', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/signup', payload: orgBody() });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('signup_closed');
  });

  it('fills the organization with demo branches and staff of every role when asked', async () => {
    const open = await createTestApp({ config: { signup: 'open' } });
    try {
      const res = await open.app.inject({
        method: 'POST',
        url: '/api/signup',
        payload: { ...orgBody(), demoData: true },
      });
      expect(res.statusCode).toBe(201);
      const owner = clientFor(open.app, sessionCookieOf(res));
      const branches = (await owner.request('GET', '/api/branches')).json<{ items: unknown[] }>();
      expect(branches.items.length).toBeGreaterThanOrEqual(3);
      const users = (await owner.request('GET', '/api/users?limit=100')).json<{
        items: Array<{ role: string }>;
      }>();
      const roles = new Set(users.items.map((u) => u.role));
      for (const role of ['owner', 'admin', 'manager', 'sales', 'reception', 'instructor']) {
        expect(roles).toContain(role);
      }
    } finally {
      await open.close();
    }
  });
});
