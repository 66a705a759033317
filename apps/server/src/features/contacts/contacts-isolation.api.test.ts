import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createStaff, createTestApp, ok, type TestApp } from '../../../test/test-app.ts';
import { expectTenantIsolation } from '../../../test/tenant-isolation.ts';
import { addPerson, addTag, listPersons } from './contacts-list.test-setup.ts';

describe('lists, search, trash, bulk and export are tenant-isolated', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('another organization can neither list, count, search, bulk-change nor export live contacts', async () => {
    const { mine, theirs, theirId } = await expectTenantIsolation(t.app, {
      create: async (org) =>
        (
          await addPerson(org.owner, {
            firstName: 'Secret',
            lastName: 'Member',
            phones: [{ number: '0701112233' }],
          })
        ).id,
      routes: [],
      lists: [
        '/api/persons',
        '/api/persons?search=secret',
        '/api/search?q=secret',
        '/api/search?q=1112233',
      ],
      read: async (org, id) => ok(org.owner, 'GET', `/api/persons/${id}`),
    });
    expect((await listPersons(mine.owner, '')).total).toBe(0);
    expect((await listPersons(mine.owner, 'search=secret')).total).toBe(0);
    const tag = await addTag(mine, 'Mine');
    const before = await ok(theirs.owner, 'GET', `/api/persons/${theirId}`);
    const bulk = await mine.owner.request('POST', '/api/persons/bulk', {
      ids: [theirId],
      change: { action: 'addTag', tagId: tag.id },
    });
    expect(bulk.json()).toEqual({ affected: 0 });
    const everything = await mine.owner.request('POST', '/api/persons/bulk', {
      filter: {},
      change: { action: 'delete' },
    });
    expect(everything.json()).toEqual({ affected: 0 });
    // Their tag is not ours to use.
    const theirTag = await addTag(theirs, 'Theirs');
    const foreignTag = await mine.owner.request('POST', '/api/persons/bulk', {
      ids: [theirId],
      change: { action: 'addTag', tagId: theirTag.id },
    });
    expect(foreignTag.statusCode).toBe(400);
    expect(await ok(theirs.owner, 'GET', `/api/persons/${theirId}`)).toEqual(before);
    const exported = await mine.owner.request('GET', '/api/persons/export');
    expect(exported.statusCode).toBe(200);
    expect(exported.body).not.toContain('Secret');
    const xlsx = await mine.owner.request('GET', '/api/persons/export?format=xlsx&columns=name');
    expect(xlsx.statusCode).toBe(200);
    expect((await ok<{ total: number }>(mine.owner, 'GET', '/api/trash')).total).toBe(0);
  });

  it('another organization can neither see, restore nor purge trashed contacts', async () => {
    await expectTenantIsolation(t.app, {
      create: async (org) => {
        const p = await addPerson(org.owner, { firstName: 'Binned' });
        await org.owner.request('DELETE', `/api/persons/${p.id}`);
        return p.id;
      },
      routes: [
        { method: 'POST', path: '/api/persons/:id/restore' },
        { method: 'POST', path: '/api/companies/:id/restore' },
        { method: 'DELETE', path: '/api/trash/:id' },
      ],
      lists: ['/api/trash', '/api/trash?search=binned'],
      read: async (org) => ok(org.owner, 'GET', '/api/trash'),
    });
  });

  it('a sales user may bulk-tag but gets 403 on bulk delete, the trash, restore and purge', async () => {
    const org = await createOrg(t.app);
    const sales = await createStaff(t.app, org, 'sales');
    const p = await addPerson(org.owner, { firstName: 'Target' });
    await org.owner.request('DELETE', `/api/persons/${p.id}`);
    const live = await addPerson(org.owner, { firstName: 'Alive' });
    const tag = await addTag(org, 'Ok');
    const s = sales.client;
    expect(
      (
        await s.request('POST', '/api/persons/bulk', {
          ids: [live.id],
          change: { action: 'addTag', tagId: tag.id },
        })
      ).statusCode,
    ).toBe(200);
    const denied = [
      await s.request('POST', '/api/persons/bulk', {
        ids: [live.id],
        change: { action: 'delete' },
      }),
      await s.request('POST', '/api/companies/bulk', { filter: {}, change: { action: 'delete' } }),
      await s.request('GET', '/api/trash'),
      await s.request('POST', `/api/persons/${p.id}/restore`),
      await s.request('DELETE', `/api/trash/${p.id}`),
    ];
    expect(denied.map((r) => r.statusCode)).toEqual([403, 403, 403, 403, 403]);
    expect((await ok<{ total: number }>(org.owner, 'GET', '/api/trash')).total).toBe(1);
    expect((await listPersons(org.owner, '')).total).toBe(1);
  });
});
