import type { Me } from '@spotter/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { LOGIN_LIMITS, LoginLimiter } from './login-limiter.ts';
import { sessions } from './sessions.table.ts';
import {
  clientFor,
  createOrg,
  createTestApp,
  GOOD_PASSWORD,
  login,
  sessionCookieOf,
  type TestApp,
} from '../../../test/test-app.ts';

describe('login, sessions and me', () => {
  let t: TestApp;
  let clock = Date.parse('2026-11-22T10:00:00Z');
  beforeAll(async () => {
    const limiter = new LoginLimiter({ ...LOGIN_LIMITS, maxPerAddress: 1000, now: () => clock });
    t = await createTestApp({ limiter });
  });
  afterAll(() => t.close());

  it('logs in with the right password and answers /api/me with user, role and organization', async () => {
    const org = await createOrg(t.app);
    const res = await login(t.app, org.ownerEmail.toUpperCase(), GOOD_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'spotter_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy();
    const me = await clientFor(t.app, cookie.value).request('GET', '/api/me');
    expect(me.statusCode).toBe(200);
    const body = me.json<Me>();
    expect(body.user.email).toBe(org.ownerEmail);
    expect(body.user.role).toBe('owner');
    expect(body.organization.id).toBe(org.orgId);
    expect(body.permissions).toContain('settings.manage');
  });

  it('answers an unknown email and a wrong password the same way', async () => {
    const org = await createOrg(t.app);
    const wrong = await login(t.app, org.ownerEmail, 'not-the-password');
    const unknown = await login(t.app, 'nobody-here@example.test', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.cookies).toHaveLength(0);
  });

  /** A login from the client address `ip`. */
  const loginFrom = (ip: string, email: string, password: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
      remoteAddress: ip,
    });

  it('does not lock the owner out when someone else guesses their password', async () => {
    const org = await createOrg(t.app);
    const attacker = '203.0.113.66';
    const answers: number[] = [];
    for (let i = 0; i < 10; i++) {
      answers.push((await loginFrom(attacker, org.ownerEmail, `wrong-${i}`)).statusCode);
    }
    expect(answers).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
    expect((await loginFrom(attacker, org.ownerEmail, GOOD_PASSWORD)).statusCode).toBe(429);
    // The owner, from their own address, is let in at once.
    const owner = await loginFrom('198.51.100.10', org.ownerEmail, GOOD_PASSWORD);
    expect(owner.statusCode).toBe(200);
  });

  it('makes one address wait longer after each failure, and lets the right password in after the wait', async () => {
    const org = await createOrg(t.app);
    const ip = '203.0.113.67';
    for (let i = 0; i < 5; i++) {
      expect((await loginFrom(ip, org.ownerEmail, `typo-${i}`)).statusCode).toBe(401);
    }
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const refused = await loginFrom(ip, org.ownerEmail, 'still-wrong');
      expect(refused.statusCode).toBe(429);
      expect(refused.json().code).toBe('rate_limited');
      const wait = Number(refused.headers['retry-after']);
      waits.push(wait);
      clock += wait * 1000;
      expect((await loginFrom(ip, org.ownerEmail, 'still-wrong')).statusCode).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4]);
    const refused = await loginFrom(ip, org.ownerEmail, GOOD_PASSWORD);
    expect(refused.statusCode).toBe(429);
    clock += Number(refused.headers['retry-after']) * 1000;
    expect((await loginFrom(ip, org.ownerEmail, GOOD_PASSWORD)).statusCode).toBe(200);
    // The success forgot this address's failures at this account: a typo is free again.
    expect((await loginFrom(ip, org.ownerEmail, 'typo-again')).statusCode).toBe(401);
    expect((await loginFrom(ip, org.ownerEmail, GOOD_PASSWORD)).statusCode).toBe(200);
  });

  it('counts parallel guesses before their passwords are checked', async () => {
    const org = await createOrg(t.app);
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => loginFrom('203.0.113.68', org.ownerEmail, `guess-${i}`)),
    );
    const codes = answers.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 401)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(7);
  });

  it('logout ends the session', async () => {
    const org = await createOrg(t.app);
    expect((await org.owner.request('POST', '/api/auth/logout')).statusCode).toBe(200);
    expect((await org.owner.request('GET', '/api/me')).statusCode).toBe(401);
  });

  it('refuses an expired session', async () => {
    const org = await createOrg(t.app);
    await t.database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, org.ownerId));
    expect((await org.owner.request('GET', '/api/me')).statusCode).toBe(401);
  });

  it('answers 401 without a session, and for a made-up cookie', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const fake = await clientFor(t.app, 'made-up-token').request('GET', '/api/me');
    expect(fake.statusCode).toBe(401);
    expect(fake.json()).toEqual({ code: 'unauthorized', message: 'Please log in' });
  });

  it('lets a user choose their own language and change their password', async () => {
    const org = await createOrg(t.app);
    const patched = await org.owner.request('PATCH', '/api/me', { locale: 'sv' });
    expect(patched.statusCode).toBe(200);
    expect(patched.json<Me>().user.locale).toBe('sv');

    const common = await org.owner.request('POST', '/api/me/password', {
      currentPassword: GOOD_PASSWORD,
      newPassword: 'password123',
    });
    expect(common.statusCode).toBe(400);
    expect(common.json().fields).toHaveProperty('newPassword');

    const wrong = await org.owner.request('POST', '/api/me/password', {
      currentPassword: 'nope-nope-nope',
      newPassword: 'Another-Long-Phrase-7',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields).toHaveProperty('currentPassword');

    const ok = await org.owner.request('POST', '/api/me/password', {
      currentPassword: GOOD_PASSWORD,
      newPassword: 'Another-Long-Phrase-7',
    });
    expect(ok.statusCode).toBe(200);
    // The old session ended; the response carries a fresh one.
    expect((await org.owner.request('GET', '/api/me')).statusCode).toBe(401);
    const fresh = clientFor(t.app, sessionCookieOf(ok));
    expect((await fresh.request('GET', '/api/me')).statusCode).toBe(200);
    expect((await login(t.app, org.ownerEmail, 'Another-Long-Phrase-7')).statusCode).toBe(200);
  });

  it('lets a user on a temporary password do nothing but read themselves and change it', async () => {
    const org = await createOrg(t.app);
    const email = `admin-${Date.now()}@example.test`;
    const created = await org.owner.request('POST', '/api/users', {
      name: 'New Admin',
      email,
      role: 'admin',
    });
    const temporary = created.json<{ temporaryPassword: string }>().temporaryPassword;
    const admin = clientFor(t.app, sessionCookieOf(await login(t.app, email, temporary)));

    const me = await admin.request('GET', '/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json<Me>().user.mustChangePassword).toBe(true);
    expect((await admin.request('PATCH', '/api/me', { locale: 'pl' })).statusCode).toBe(200);
    for (const [method, url, body] of [
      ['GET', '/api/users', undefined],
      ['POST', '/api/branches', { name: 'Sneaky branch' }],
      ['POST', '/api/api-tokens', { name: 'Sneaky token' }],
    ] as const) {
      const res = await admin.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().code).toBe('password_change_required');
    }
    const branches = await org.owner.request('GET', '/api/branches');
    expect(branches.json().items).toEqual([]);

    const changed = await admin.request('POST', '/api/me/password', {
      currentPassword: temporary,
      newPassword: 'Admin-Own-Phrase-31',
    });
    expect(changed.statusCode).toBe(200);
    const after = clientFor(t.app, sessionCookieOf(changed));
    expect((await after.request('GET', '/api/users')).statusCode).toBe(200);
  });
});

describe('cross-site request protection', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('refuses a cookie-authenticated POST whose Origin is another site', async () => {
    const org = await createOrg(t.app);
    const res = await org.owner.request(
      'POST',
      '/api/branches',
      { name: 'Evil' },
      {
        headers: { origin: 'https://evil.example', host: 'localhost:3000' },
      },
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('cross_site');
    const list = await org.owner.request('GET', '/api/branches');
    expect(list.json().items).toHaveLength(0);
  });

  it('refuses a request the browser marks Sec-Fetch-Site: cross-site', async () => {
    const org = await createOrg(t.app);
    const res = await org.owner.request(
      'PATCH',
      '/api/me',
      { locale: 'pl' },
      {
        headers: { 'sec-fetch-site': 'cross-site' },
      },
    );
    expect(res.statusCode).toBe(403);
  });

  it('accepts the same request from our own origin', async () => {
    const org = await createOrg(t.app);
    const res = await org.owner.request(
      'POST',
      '/api/branches',
      { name: 'Centrum' },
      {
        headers: {
          origin: 'http://localhost:3000',
          host: 'localhost:3000',
          'sec-fetch-site': 'same-origin',
        },
      },
    );
    expect(res.statusCode).toBe(201);
  });
});
