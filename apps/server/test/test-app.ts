import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Me, Role } from '@spotter/contracts';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../src/app.ts';
import type { Database } from '../src/db/client.ts';
import { SignupLimiter, type LoginLimiter } from '../src/features/auth/index.ts';
import { lowerPasswordCostForTests } from '../src/features/users/index.ts';
import type { LeadFormLimits } from '../src/features/lead-forms/index.ts';
import type { SmsSender } from '../src/features/mailing/channel-sender.ts';
import type { AppConfig } from '../src/plugins/env.ts';
import { createTestDatabase } from './test-db.ts';

// Over a thousand clubs sign up in the suite: the production cost of a hash is not under test.
lowerPasswordCostForTests();

export const testConfig = (overrides: Partial<AppConfig> = {}): AppConfig => ({
  port: 0,
  host: '127.0.0.1',
  databaseUrl: undefined,
  dataDir: '/nonexistent',
  sessionSecret: randomBytes(32).toString('hex'),
  signup: 'open',
  logLevel: 'silent',
  webDist: undefined,
  trustProxy: 0,
  importsPerOrganization: 2,
  ...overrides,
});

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: AppConfig;
  close(): Promise<void>;
}

export async function createTestApp(
  opts: {
    config?: Partial<AppConfig>;
    limiter?: LoginLimiter;
    /**
     * Tests create an organization per test from one address, so sign-ups are not limited
     * unless a test hands in its own limiter.
     */
    signupLimiter?: SignupLimiter;
    database?: Database;
    /** Pin the clock: `now: () => clock.now` with a mutable holder lets a test move time. */
    now?: () => Date;
    leadFormLimits?: LeadFormLimits;
    smsSender?: SmsSender;
  } = {},
): Promise<TestApp> {
  const database = opts.database ?? (await createTestDatabase());
  const config = testConfig(opts.config);
  const app = await buildApp(config, {
    database,
    limiter: opts.limiter,
    signupLimiter:
      opts.signupLimiter ??
      new SignupLimiter({ windowMs: 1, maxPerAddress: Number.MAX_SAFE_INTEGER }),
    logger: false,
    now: opts.now,
    leadFormLimits: opts.leadFormLimits,
    smsSender: opts.smsSender,
  });
  await app.ready();
  return { app, database, config, close: () => app.close() };
}

/**
 * One app for a test file (or describe block): built in beforeAll, closed in afterAll. The
 * returned TestApp reads the built app, so use it inside tests and hooks registered after this.
 */
export function useTestApp(opts: Parameters<typeof createTestApp>[0] = {}): TestApp {
  let built: TestApp | undefined;
  const current = () => {
    if (!built) throw new Error('useTestApp: the app is built in beforeAll; use it in tests');
    return built;
  };
  beforeAll(async () => {
    built = await createTestApp(opts);
  });
  afterAll(async () => {
    await built?.close();
  });
  return {
    get app() {
      return current().app;
    },
    get database() {
      return current().database;
    },
    get config() {
      return current().config;
    },
    close: () => current().close(),
  };
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A logged-in client: every request carries its session cookie. */
export interface Client {
  cookie: string;
  request(
    method: Method,
    url: string,
    body?: unknown,
    extra?: InjectOptions,
  ): Promise<LightMyRequestResponse>;
}

export function sessionCookieOf(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === 'spotter_session');
  if (!cookie) throw new Error(`no session cookie in response ${res.statusCode}: ${res.body}`);
  return cookie.value;
}

export function clientFor(app: FastifyInstance, cookie: string): Client {
  return {
    cookie,
    request: (method, url, body, extra = {}) =>
      app.inject({
        method,
        url,
        ...(body !== undefined && { payload: body as object }),
        cookies: { spotter_session: cookie },
        ...extra,
      }),
  };
}

export const uniqueEmail = (label = 'user') => `${label}-${randomUUID().slice(0, 8)}@example.test`;
export const GOOD_PASSWORD = 'Rowing-Boat-Sunrise-42';

export interface TestOrg {
  orgId: string;
  owner: Client;
  ownerId: string;
  ownerEmail: string;
  me: Me;
}

export function orgBody(
  overrides: { email?: string; name?: string; timezone?: string; locale?: string } = {},
) {
  return {
    organization: {
      name: overrides.name ?? `Club ${randomUUID().slice(0, 6)}`,
      timezone: overrides.timezone ?? 'Europe/Stockholm',
      locale: overrides.locale ?? 'en',
      currency: 'SEK',
    },
    owner: {
      name: 'Owner Olsson',
      email: overrides.email ?? uniqueEmail('owner'),
      password: GOOD_PASSWORD,
    },
  };
}

/** A new organization with its owner logged in (through open signup, like a hosted club). */
export async function createOrg(
  app: FastifyInstance,
  overrides: Parameters<typeof orgBody>[0] = {},
): Promise<TestOrg> {
  const body = orgBody(overrides);
  const res = await app.inject({ method: 'POST', url: '/api/signup', payload: body });
  if (res.statusCode !== 201) throw new Error(`signup failed ${res.statusCode}: ${res.body}`);
  const me = res.json<Me>();
  return {
    orgId: me.organization.id,
    ownerId: me.user.id,
    ownerEmail: body.owner.email,
    owner: clientFor(app, sessionCookieOf(res)),
    me,
  };
}

/** A request that must succeed (any 2xx); its JSON answer. For set-up steps, not assertions. */
export async function ok<T>(
  client: Client,
  method: Method,
  url: string,
  body?: unknown,
): Promise<T> {
  const res = await client.request(method, url, body);
  if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode}: ${res.body}`);
  return res.json<T>();
}

export async function login(app: FastifyInstance, email: string, password: string) {
  return app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
}

/** A staff member of `org` with `role`, logged in with their own (changed) password. */
export async function createStaff(
  app: FastifyInstance,
  org: TestOrg,
  role: Role,
  extra: { branchIds?: string[] } = {},
) {
  const email = uniqueEmail(role);
  const created = await org.owner.request('POST', '/api/users', {
    name: `${role} person`,
    email,
    role,
    ...extra,
  });
  if (created.statusCode !== 201) throw new Error(`create user failed: ${created.body}`);
  const { user, temporaryPassword } = created.json<{
    user: { id: string };
    temporaryPassword: string;
  }>();
  const res = await login(app, email, temporaryPassword);
  const client = clientFor(app, sessionCookieOf(res));
  const changed = await client.request('POST', '/api/me/password', {
    currentPassword: temporaryPassword,
    newPassword: GOOD_PASSWORD,
  });
  if (changed.statusCode !== 200) throw new Error(`password change failed: ${changed.body}`);
  return { id: user.id, email, client: clientFor(app, sessionCookieOf(changed)) };
}
