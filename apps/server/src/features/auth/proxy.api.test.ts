import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../plugins/env.ts';
import { createOrg, createTestApp, GOOD_PASSWORD, type TestApp } from '../../../test/test-app.ts';
import { LOGIN_LIMITS, LoginLimiter } from './login-limiter.ts';
import { sessions } from './sessions.table.ts';

const SECRET = 'a'.repeat(32);
/** The configuration a server gets from its environment, as `server.ts` reads it. */
const hopsOf = (value: string | undefined) =>
  loadConfig({ TRUST_PROXY: value, SESSION_SECRET: SECRET }).trustProxy;

/**
 * A login as a client behind proxies: `forwarded` is the X-Forwarded-For that arrives from the
 * nearest proxy at `peer`.
 */
function loginVia(
  t: TestApp,
  email: string,
  password: string,
  forwarded?: string,
  peer = '10.0.0.2',
) {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    remoteAddress: peer,
    ...(forwarded !== undefined && { headers: { 'x-forwarded-for': forwarded } }),
  });
}

async function sessionIpOf(t: TestApp, userId: string) {
  const rows = await t.database.db
    .select({ ip: sessions.ip })
    .from(sessions)
    .where(eq(sessions.userId, userId));
  return rows.map((r) => r.ip);
}

/** An app configured from `TRUST_PROXY=value` whose limiter refuses an address after 5 failures. */
function proxiedApp(value: string | undefined) {
  let t: TestApp;
  beforeAll(async () => {
    const limiter = new LoginLimiter({
      ...LOGIN_LIMITS,
      freePerPair: 1000,
      maxPerAddress: 5,
      now: () => 0,
    });
    t = await createTestApp({ limiter, config: { trustProxy: hopsOf(value) } });
  });
  afterAll(() => t.close());
  return () => t;
}

describe('TRUST_PROXY=1: one reverse proxy in front', () => {
  const app = proxiedApp('1');

  it('takes the address the proxy appended, so a forged X-Forwarded-For does not reset the limit', async () => {
    const t = app();
    const org = await createOrg(t.app);
    for (let i = 0; i < 5; i++) {
      const forged = `198.51.100.${i}, 203.0.113.7`;
      expect((await loginVia(t, org.ownerEmail, 'wrong', forged)).statusCode).toBe(401);
    }
    const sixth = await loginVia(t, org.ownerEmail, 'wrong', '198.51.100.99, 203.0.113.7');
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().code).toBe('rate_limited');
    // Another client behind the same proxy is not held back by the first one's failures.
    const other = await loginVia(t, org.ownerEmail, GOOD_PASSWORD, '198.51.100.1, 203.0.113.8');
    expect(other.statusCode).toBe(200);
    expect(await sessionIpOf(t, org.ownerId)).toContain('203.0.113.8');
  });

  it('believes no X-Forwarded-For from a client that reaches the server directly', async () => {
    const t = app();
    const org = await createOrg(t.app);
    const direct = '198.51.100.200';
    for (let i = 0; i < 5; i++) {
      await loginVia(t, org.ownerEmail, 'wrong', `203.0.113.${50 + i}`, direct);
    }
    const forged = await loginVia(t, org.ownerEmail, GOOD_PASSWORD, '203.0.113.99', direct);
    expect(forged.statusCode).toBe(429);
  });
});

describe('TRUST_PROXY with the proxies’ addresses', () => {
  const app = proxiedApp('10.0.0.2, 10.9.0.0/16');

  it('skips the listed proxies from the right and takes the next address', async () => {
    const t = app();
    const org = await createOrg(t.app);
    for (let i = 0; i < 5; i++) {
      await loginVia(t, org.ownerEmail, 'wrong', `192.0.2.${i}, 203.0.113.40, 10.9.1.1`);
    }
    const forged = await loginVia(t, org.ownerEmail, 'wrong', '192.0.2.9, 203.0.113.40, 10.9.1.1');
    expect(forged.statusCode).toBe(429);
    // A connection from an address not listed is the client itself, whatever it forwards.
    const other = await loginVia(t, org.ownerEmail, GOOD_PASSWORD, '203.0.113.40', '10.0.0.3');
    expect(other.statusCode).toBe(200);
    expect(await sessionIpOf(t, org.ownerId)).toContain('10.0.0.3');
  });
});

describe('TRUST_PROXY=true (deprecated)', () => {
  const app = proxiedApp('true');

  it('trusts one hop only, and says so at start-up', async () => {
    const t = app();
    const org = await createOrg(t.app);
    for (let i = 0; i < 5; i++) {
      await loginVia(t, org.ownerEmail, 'wrong', `192.0.2.${i}, 203.0.113.20`);
    }
    const forged = await loginVia(t, org.ownerEmail, 'wrong', '192.0.2.77, 203.0.113.20');
    expect(forged.statusCode).toBe(429);

    expect(hopsOf('true')).toBe(1);
    const config = loadConfig({ TRUST_PROXY: 'true', SESSION_SECRET: SECRET });
    expect(config.warnings?.join(' ')).toMatch(/TRUST_PROXY.*number/);
  });
});

describe('TRUST_PROXY=2: a CDN and a load balancer', () => {
  const app = proxiedApp('2');

  it('takes the address two hops from the right', async () => {
    const t = app();
    const org = await createOrg(t.app);
    for (let i = 0; i < 5; i++) {
      // client-written entry, then what the CDN saw, then what the load balancer saw
      await loginVia(t, org.ownerEmail, 'wrong', `192.0.2.${i}, 203.0.113.30, 10.1.1.1`);
    }
    const forged = await loginVia(t, org.ownerEmail, 'wrong', '192.0.2.50, 203.0.113.30, 10.1.1.1');
    expect(forged.statusCode).toBe(429);
    const ok = await loginVia(t, org.ownerEmail, GOOD_PASSWORD, '203.0.113.31, 10.1.1.1');
    expect(ok.statusCode).toBe(200);
    expect(await sessionIpOf(t, org.ownerId)).toContain('203.0.113.31');
  });
});

describe('TRUST_PROXY unset: no proxy', () => {
  const app = proxiedApp(undefined);

  it('ignores X-Forwarded-For and counts the connection’s address', async () => {
    expect(hopsOf(undefined)).toBe(0);
    expect(hopsOf('false')).toBe(0);
    expect(hopsOf('0')).toBe(0);
    const t = app();
    const org = await createOrg(t.app);
    for (let i = 0; i < 5; i++) {
      await loginVia(t, org.ownerEmail, 'wrong', `203.0.113.${100 + i}`);
    }
    const res = await loginVia(t, org.ownerEmail, GOOD_PASSWORD, '203.0.113.200');
    expect(res.statusCode).toBe(429);
  });
});
