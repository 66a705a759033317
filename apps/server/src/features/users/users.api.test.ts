import type { User } from '@spotter/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientFor,
  createOrg,
  createStaff,
  createTestApp,
  login,
  sessionCookieOf,
  uniqueEmail,
  type TestApp,
} from '../../../test/test-app.ts';
import { expectTenantIsolation } from '../../../test/tenant-isolation.ts';

describe('staff users', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('creates a user with a temporary password that must be changed at first login', async () => {
    const org = await createOrg(t.app);
    const branch = (await org.owner.request('POST', '/api/branches', { name: 'Centrum' })).json();
    const email = uniqueEmail('sales');
    const res = await org.owner.request('POST', '/api/users', {
      name: 'Sara Nilsson',
      email,
      role: 'sales',
      branchIds: [branch.id],
    });
    expect(res.statusCode).toBe(201);
    const { user, temporaryPassword } = res.json<{ user: User; temporaryPassword: string }>();
    expect(user).toMatchObject({ role: 'sales', active: true, mustChangePassword: true });
    expect(user.branchIds).toEqual([branch.id]);
    const logged = await login(t.app, email, temporaryPassword);
    expect(logged.statusCode).toBe(200);
    expect(logged.json().user.mustChangePassword).toBe(true);
  });

  it('refuses a duplicate email (also across organizations) with 409 on the email field', async () => {
    const org = await createOrg(t.app);
    const other = await createOrg(t.app);
    const res = await org.owner.request('POST', '/api/users', {
      name: 'Copy',
      email: other.ownerEmail,
      role: 'sales',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'email_taken',
      fields: { email: expect.any(String) },
    });
  });

  it('refuses branch ids that are not this organization’s', async () => {
    const org = await createOrg(t.app);
    const other = await createOrg(t.app);
    const foreign = (await other.owner.request('POST', '/api/branches', { name: 'Far' })).json();
    const res = await org.owner.request('POST', '/api/users', {
      name: 'X',
      email: uniqueEmail(),
      role: 'sales',
      branchIds: [foreign.id],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toHaveProperty('branchIds');
  });

  it('deactivating a user ends their sessions and stops their login', async () => {
    const org = await createOrg(t.app);
    const staff = await createStaff(t.app, org, 'reception');
    expect((await staff.client.request('GET', '/api/me')).statusCode).toBe(200);
    const res = await org.owner.request('PATCH', `/api/users/${staff.id}`, { active: false });
    expect(res.statusCode).toBe(200);
    expect((await staff.client.request('GET', '/api/me')).statusCode).toBe(401);
    expect((await login(t.app, staff.email, 'Rowing-Boat-Sunrise-42')).statusCode).toBe(401);
  });

  it('changes role and branches; keeps the last owner and refuses self-demotion', async () => {
    const org = await createOrg(t.app);
    const staff = await createStaff(t.app, org, 'sales');
    const promoted = await org.owner.request('PATCH', `/api/users/${staff.id}`, {
      role: 'manager',
    });
    expect(promoted.json<User>().role).toBe('manager');
    const self = await org.owner.request('PATCH', `/api/users/${org.ownerId}`, { role: 'admin' });
    expect(self.statusCode).toBe(422);
    expect(self.json().code).toBe('self_change');
    const admin = await createStaff(t.app, org, 'admin');
    const demote = await admin.client.request('PATCH', `/api/users/${org.ownerId}`, {
      role: 'admin',
    });
    expect(demote.statusCode).toBe(403);
    const makeOwner = await admin.client.request('PATCH', `/api/users/${staff.id}`, {
      role: 'owner',
    });
    expect(makeOwner.statusCode).toBe(403);
  });

  it('protects the last active owner', async () => {
    const org = await createOrg(t.app);
    const second = await createStaff(t.app, org, 'owner');
    expect(
      (await second.client.request('PATCH', `/api/users/${org.ownerId}`, { active: false }))
        .statusCode,
    ).toBe(200);
    const last = await org.owner.request('GET', '/api/me');
    expect(last.statusCode).toBe(401);
    const res = await second.client.request('PATCH', `/api/users/${second.id}`, { active: false });
    expect(res.statusCode).toBe(422);
  });

  it('resets a password: old sessions end, the new temporary one works', async () => {
    const org = await createOrg(t.app);
    const staff = await createStaff(t.app, org, 'sales');
    const res = await org.owner.request('POST', `/api/users/${staff.id}/reset-password`);
    expect(res.statusCode).toBe(200);
    const { temporaryPassword } = res.json<{ temporaryPassword: string }>();
    expect((await staff.client.request('GET', '/api/me')).statusCode).toBe(401);
    const again = await login(t.app, staff.email, temporaryPassword);
    expect(again.statusCode).toBe(200);
    expect(
      (await clientFor(t.app, sessionCookieOf(again)).request('GET', '/api/me')).json().user
        .mustChangePassword,
    ).toBe(true);
  });

  it('pages the list', async () => {
    const org = await createOrg(t.app);
    for (let i = 0; i < 3; i++) {
      await org.owner.request('POST', '/api/users', {
        name: `Person ${i}`,
        email: uniqueEmail(),
        role: 'sales',
      });
    }
    const page = await org.owner.request('GET', '/api/users?limit=2&offset=2');
    const body = page.json<{ items: User[]; total: number }>();
    expect(body.total).toBe(4);
    expect(body.items).toHaveLength(2);
    expect((await org.owner.request('GET', '/api/users?limit=0')).statusCode).toBe(400);
  });

  it('is invisible and unchangeable for another organization', async () => {
    await expectTenantIsolation(t.app, {
      create: async (org) => (await createStaff(t.app, org, 'sales')).id,
      routes: [
        { method: 'GET', path: '/api/users/:id' },
        { method: 'PATCH', path: '/api/users/:id', body: { role: 'admin' } },
        { method: 'PATCH', path: '/api/users/:id', body: { active: false } },
        { method: 'POST', path: '/api/users/:id/reset-password' },
      ],
      lists: ['/api/users?limit=200'],
      read: async (org, id) => (await org.owner.request('GET', `/api/users/${id}`)).json(),
    });
  });
});
