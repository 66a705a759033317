import { can, ROLES } from '@spotter/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createStaff, createTestApp, type TestApp } from '../../../test/test-app.ts';
import type { Method } from '../../../test/test-app.ts';

/** Every settings, users, branches and token route, with a valid body so only the role decides. */
const adminRoutes = (ids: { user: string; branch: string; token: string }) =>
  [
    ['GET', '/api/organization'],
    ['PATCH', '/api/organization', { version: 1, name: 'Taken over' }],
    ['GET', '/api/branches'],
    ['GET', `/api/branches/${ids.branch}`],
    ['POST', '/api/branches', { name: 'Sneaky' }],
    ['PATCH', `/api/branches/${ids.branch}`, { name: 'Renamed' }],
    ['GET', '/api/users'],
    ['GET', `/api/users/${ids.user}`],
    ['POST', '/api/users', { name: 'Ghost', email: 'ghost@example.test', role: 'admin' }],
    ['PATCH', `/api/users/${ids.user}`, { role: 'sales' }],
    ['POST', `/api/users/${ids.user}/reset-password`],
    ['GET', '/api/api-tokens'],
    ['POST', '/api/api-tokens', { name: 'Mine' }],
    ['DELETE', `/api/api-tokens/${ids.token}`],
  ] as Array<[Method, string, unknown?]>;

describe('role permissions (U-3)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it.each(ROLES.filter((r) => r !== 'owner' && r !== 'admin'))(
    'a %s user gets 403 on every settings, users, branches and token route',
    async (role) => {
      const org = await createOrg(t.app);
      const branch = (await org.owner.request('POST', '/api/branches', { name: 'B' })).json().id;
      const token = (await org.owner.request('POST', '/api/api-tokens', { name: 'T' })).json().token
        .id;
      const staff = await createStaff(t.app, org, role);
      // CRM staff read the branch list to file and filter contacts; they never change it.
      const routes = adminRoutes({ user: org.ownerId, branch, token }).filter(
        ([method, url]) =>
          !(method === 'GET' && url.startsWith('/api/branches') && can(role, 'branches.read')),
      );
      for (const [method, url, body] of routes) {
        const res = await staff.client.request(method, url, body);
        expect({ method, url, status: res.statusCode }).toEqual({ method, url, status: 403 });
      }
      // Nothing was written by the refused calls.
      const branches = (await org.owner.request('GET', '/api/branches')).json().items;
      expect(branches.map((b: { name: string }) => b.name)).toEqual(['B']);
      const tokens = (await org.owner.request('GET', '/api/api-tokens')).json().items;
      expect(tokens).toHaveLength(1);
      // Their own profile still works.
      expect((await staff.client.request('GET', '/api/me')).statusCode).toBe(200);
    },
  );

  it('an admin may use every one of them', async () => {
    const org = await createOrg(t.app);
    const admin = await createStaff(t.app, org, 'admin');
    expect((await admin.client.request('GET', '/api/users')).statusCode).toBe(200);
    expect((await admin.client.request('POST', '/api/branches', { name: 'A' })).statusCode).toBe(
      201,
    );
    expect((await admin.client.request('GET', '/api/api-tokens')).statusCode).toBe(200);
  });
});
