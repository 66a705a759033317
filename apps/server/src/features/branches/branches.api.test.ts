import type { Branch } from '@spotter/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createTestApp, type TestApp } from '../../../test/test-app.ts';
import { expectTenantIsolation } from '../../../test/tenant-isolation.ts';

describe('branches', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('creates, renames, archives and restores a branch', async () => {
    const org = await createOrg(t.app);
    const created = await org.owner.request('POST', '/api/branches', { name: '  Centrum ' });
    expect(created.statusCode).toBe(201);
    const branch = created.json<Branch>();
    expect(branch).toMatchObject({ name: 'Centrum', archived: false });

    const renamed = await org.owner.request('PATCH', `/api/branches/${branch.id}`, {
      name: 'Centrum City',
    });
    expect(renamed.json<Branch>().name).toBe('Centrum City');

    await org.owner.request('PATCH', `/api/branches/${branch.id}`, { archived: true });
    const active = (await org.owner.request('GET', '/api/branches')).json<{ items: Branch[] }>();
    expect(active.items).toHaveLength(0);
    const all = (await org.owner.request('GET', '/api/branches?includeArchived=true')).json<{
      items: Branch[];
    }>();
    expect(all.items.map((b) => [b.name, b.archived])).toEqual([['Centrum City', true]]);

    const back = await org.owner.request('PATCH', `/api/branches/${branch.id}`, {
      archived: false,
    });
    expect(back.json<Branch>().archived).toBe(false);
  });

  it('refuses a duplicate name in the same organization (any case) but not in another', async () => {
    const org = await createOrg(t.app);
    const other = await createOrg(t.app);
    await org.owner.request('POST', '/api/branches', { name: 'Harbour' });
    const dup = await org.owner.request('POST', '/api/branches', { name: 'HARBOUR' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'name_taken', fields: { name: expect.any(String) } });
    expect(
      (await other.owner.request('POST', '/api/branches', { name: 'Harbour' })).statusCode,
    ).toBe(201);
  });

  it('refuses an empty name and unknown fields', async () => {
    const org = await createOrg(t.app);
    const empty = await org.owner.request('POST', '/api/branches', { name: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields).toHaveProperty('name');
    const extra = await org.owner.request('POST', '/api/branches', { name: 'A', orgId: 'x' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().fields).toHaveProperty('orgId');
    // A malformed id in the path is an address that does not exist (decision 0017).
    const badId = await org.owner.request('PATCH', '/api/branches/not-a-uuid', { name: 'B' });
    expect(badId.statusCode).toBe(404);
  });

  it('is invisible and unchangeable for another organization', async () => {
    await expectTenantIsolation(t.app, {
      create: async (org) =>
        (await org.owner.request('POST', '/api/branches', { name: 'Theirs' })).json<Branch>().id,
      routes: [
        { method: 'GET', path: '/api/branches/:id' },
        { method: 'PATCH', path: '/api/branches/:id', body: { name: 'Mine now' } },
        { method: 'PATCH', path: '/api/branches/:id', body: { archived: true } },
      ],
      lists: ['/api/branches?includeArchived=true'],
      read: async (org, id) => (await org.owner.request('GET', `/api/branches/${id}`)).json(),
    });
  });
});
