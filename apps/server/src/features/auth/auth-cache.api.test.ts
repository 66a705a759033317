import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { ROLE_PERMISSIONS, type Me } from '@spotter/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GOOD_PASSWORD,
  clientFor,
  createOrg,
  createStaff,
  createTestApp,
  login,
  sessionCookieOf,
  type TestApp,
} from '../../../test/test-app.ts';
import { createPostgresTestUrl, createTestDatabase, testDbKind } from '../../../test/test-db.ts';
import { openPostgres, type Database } from '../../db/client.ts';
import type { AuthCache } from './auth-cache.ts';

/**
 * Two instances of Spotter on one database (decision 0019): each remembers sessions and API
 * tokens for a few seconds, so every test first makes instance B remember, then changes on
 * instance A, and B must see the change as soon as the change's notification has reached it
 * (`heard`: at once on the embedded database, a moment after the commit on PostgreSQL) — not
 * when its entry expires. A itself sees its own change on the very next request.
 */
describe('the session and token cache across two instances', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    let databases: [Database, Database];
    if (testDbKind === 'postgres') {
      const url = await createPostgresTestUrl();
      databases = [await openPostgres(url), await openPostgres(url)];
    } else {
      // One embedded database: both apps on the same PGlite; B leaves closing it to A.
      const shared = await createTestDatabase();
      databases = [shared, { ...shared, close: async () => {} }];
    }
    // Instances of one deployment share the session secret.
    const config = { sessionSecret: randomBytes(32).toString('hex') };
    b = await createTestApp({ database: databases[1], config });
    a = await createTestApp({ database: databases[0], config });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  const cacheOf = (app: FastifyInstance) => app.authCache as AuthCache;
  const onB = (cookie: string) => clientFor(b.app, cookie);
  /** B has heard every change committed so far (a moment after the commit, on PostgreSQL). */
  const heard = () => cacheOf(b.app).caughtUp();

  /** B answers from memory: a session deleted behind its back with no notification still works. */
  it('remembers a session on B (a silent change is not seen until the entry expires)', async () => {
    const org = await createOrg(a.app);
    expect((await onB(org.owner.cookie).request('GET', '/api/me')).statusCode).toBe(200);
    // Replica mode fires no triggers: the deletion is not announced.
    await a.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`delete from sessions where user_id = ${org.ownerId}`);
    });
    expect((await onB(org.owner.cookie).request('GET', '/api/me')).statusCode).toBe(200);
    // A does not remember it (it never read it): the database says no.
    expect((await org.owner.request('GET', '/api/me')).statusCode).toBe(401);
    cacheOf(b.app).forgetUser(org.ownerId);
    expect((await onB(org.owner.cookie).request('GET', '/api/me')).statusCode).toBe(401);
  });

  it('logout on A ends the session on B at once, and on A itself', async () => {
    const org = await createOrg(a.app);
    expect((await onB(org.owner.cookie).request('GET', '/api/me')).statusCode).toBe(200);
    expect((await org.owner.request('GET', '/api/me')).statusCode).toBe(200);
    expect(cacheOf(b.app).sessions.size).toBeGreaterThan(0);
    expect((await org.owner.request('POST', '/api/auth/logout')).statusCode).toBe(200);
    expect((await org.owner.request('GET', '/api/me')).statusCode).toBe(401);
    await heard();
    expect((await onB(org.owner.cookie).request('GET', '/api/me')).statusCode).toBe(401);
  });

  it('a password change on A ends the other sessions on B at once', async () => {
    const org = await createOrg(a.app);
    const other = sessionCookieOf(await login(a.app, org.ownerEmail, GOOD_PASSWORD));
    expect((await onB(other).request('GET', '/api/me')).statusCode).toBe(200);
    const changed = await org.owner.request('POST', '/api/me/password', {
      currentPassword: GOOD_PASSWORD,
      newPassword: `${GOOD_PASSWORD}-new`,
    });
    expect(changed.statusCode).toBe(200);
    await heard();
    expect((await onB(other).request('GET', '/api/me')).statusCode).toBe(401);
    // The session that changed it goes on with its fresh cookie, on both instances.
    expect((await onB(sessionCookieOf(changed)).request('GET', '/api/me')).statusCode).toBe(200);
  });

  it('a role change on A shows on B at once', async () => {
    const org = await createOrg(a.app);
    const staff = await createStaff(a.app, org, 'sales');
    const before = await onB(staff.client.cookie).request('GET', '/api/me');
    expect(before.json<Me>().user.role).toBe('sales');
    const res = await org.owner.request('PATCH', `/api/users/${staff.id}`, { role: 'manager' });
    expect(res.statusCode).toBe(200);
    await heard();
    const after = await onB(staff.client.cookie).request('GET', '/api/me');
    expect(after.json<Me>().user.role).toBe('manager');
    expect(after.json<Me>().permissions).toEqual([...ROLE_PERMISSIONS.manager]);
  });

  it('deactivating a user on A refuses their session on B at once', async () => {
    const org = await createOrg(a.app);
    const staff = await createStaff(a.app, org, 'sales');
    expect((await onB(staff.client.cookie).request('GET', '/api/me')).statusCode).toBe(200);
    const res = await org.owner.request('PATCH', `/api/users/${staff.id}`, { active: false });
    expect(res.statusCode).toBe(200);
    await heard();
    expect((await onB(staff.client.cookie).request('GET', '/api/me')).statusCode).toBe(401);
    expect((await staff.client.request('GET', '/api/me')).statusCode).toBe(401);
  });

  it('a password reset on A ends the user’s sessions on B at once', async () => {
    const org = await createOrg(a.app);
    const staff = await createStaff(a.app, org, 'sales');
    expect((await onB(staff.client.cookie).request('GET', '/api/me')).statusCode).toBe(200);
    const res = await org.owner.request('POST', `/api/users/${staff.id}/reset-password`);
    expect(res.statusCode).toBe(200);
    await heard();
    expect((await onB(staff.client.cookie).request('GET', '/api/me')).statusCode).toBe(401);
  });

  it('an organization change on A shows in /api/me on B at once', async () => {
    const org = await createOrg(a.app);
    expect((await onB(org.owner.cookie).request('GET', '/api/me')).statusCode).toBe(200);
    const res = await org.owner.request('PATCH', '/api/organization', {
      name: 'Renamed Club',
      version: org.me.organization.version,
    });
    expect(res.statusCode).toBe(200);
    await heard();
    const after = await onB(org.owner.cookie).request('GET', '/api/me');
    expect(after.json<Me>().organization.name).toBe('Renamed Club');
  });

  it('an organization change on A shows in GET /api/organization on B at once, and on A', async () => {
    const org = await createOrg(a.app);
    const created = await org.owner.request('POST', '/api/api-tokens', { name: 'Booking' });
    const { secret } = created.json<{ secret: string }>();
    const read = async (app: FastifyInstance) => {
      const res = await app.inject({
        method: 'GET',
        url: '/api/organization',
        headers: { authorization: `Bearer ${secret}` },
      });
      expect(res.statusCode).toBe(200);
      return res.json<{ name: string; version: number }>();
    };
    const before = await read(b.app);
    await read(a.app);
    expect(cacheOf(b.app).organizations.size).toBeGreaterThan(0);
    // Remembered: a silent change (no notification) is not seen on B until the entry goes.
    await a.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`update organizations set name = 'Silent' where id = ${org.orgId}`);
    });
    expect((await read(b.app)).name).toBe(before.name);
    cacheOf(b.app).forgetOrganization(org.orgId);
    expect((await read(b.app)).name).toBe('Silent');
    const res = await org.owner.request('PATCH', '/api/organization', {
      name: 'Renamed Club',
      version: (await read(a.app)).version,
    });
    expect(res.statusCode).toBe(200);
    expect((await read(a.app)).name).toBe('Renamed Club');
    await heard();
    expect((await read(b.app)).name).toBe('Renamed Club');
  });

  it('revoking an API token on A refuses it on B at once, and on A itself', async () => {
    const org = await createOrg(a.app);
    const created = await org.owner.request('POST', '/api/api-tokens', { name: 'Booking' });
    const { token, secret } = created.json<{ token: { id: string }; secret: string }>();
    const bearer = (app: FastifyInstance) =>
      app.inject({
        method: 'GET',
        url: '/api/organization',
        headers: { authorization: `Bearer ${secret}` },
      });
    expect((await bearer(b.app)).statusCode).toBe(200);
    expect((await bearer(a.app)).statusCode).toBe(200);
    expect(cacheOf(b.app).tokens.size).toBeGreaterThan(0);
    expect((await org.owner.request('DELETE', `/api/api-tokens/${token.id}`)).statusCode).toBe(200);
    expect((await bearer(a.app)).statusCode).toBe(401);
    await heard();
    expect((await bearer(b.app)).statusCode).toBe(401);
  });
});
