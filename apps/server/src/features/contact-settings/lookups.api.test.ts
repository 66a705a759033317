import { LOOKUP_KINDS, type Lookup } from '@spotter/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createTestApp, type TestApp, type TestOrg } from '../../../test/test-app.ts';
import { expectTenantIsolation } from '../../../test/tenant-isolation.ts';
import { insertContact, insertHistory, readContact, readHistory } from './test-contacts.ts';

type List<T> = { items: T[] };

async function add(org: TestOrg, kind: string, body: Record<string, unknown>) {
  const res = await org.owner.request('POST', `/api/settings/${kind}`, body);
  expect(res.statusCode).toBe(201);
  return res.json<Lookup>();
}

describe('lookups: tags, categories, industries, sources, products, history types', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('creates, lists in order, edits, archives and restores entries of every list', async () => {
    const org = await createOrg(t.app);
    for (const kind of LOOKUP_KINDS) {
      const a = await add(org, kind, { name: 'Zeta', color: '#AA0000', scope: 'person' });
      const b = await add(org, kind, { name: 'Alpha' });
      // Only tags and categories are scoped; other lists always serve both kinds.
      expect(a.scope).toBe(kind === 'tags' || kind === 'categories' ? 'person' : 'both');
      expect(a).toMatchObject({ kind, color: '#aa0000', archived: false });
      expect(b.position).toBe(a.position + 1);
      const edited = await org.owner.request('PATCH', `/api/settings/${kind}/${b.id}`, {
        name: 'Beta',
        position: 0,
        color: null,
      });
      expect(edited.json<Lookup>()).toMatchObject({ name: 'Beta', position: 0, color: null });
      await org.owner.request('PATCH', `/api/settings/${kind}/${a.id}`, { archived: true });
      const names = (await org.owner.request('GET', `/api/settings/${kind}`))
        .json<List<Lookup>>()
        .items.map((l) => l.name);
      expect(names).toContain('Beta');
      expect(names).not.toContain('Zeta');
      const all = (
        await org.owner.request('GET', `/api/settings/${kind}?includeArchived=true`)
      ).json<List<Lookup>>();
      expect(all.items.find((l) => l.id === a.id)?.archived).toBe(true);
      const dup = await org.owner.request('POST', `/api/settings/${kind}`, { name: 'BETA' });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().fields).toHaveProperty('name');
    }
    expect((await org.owner.request('GET', '/api/settings/colours')).statusCode).toBe(404);
  });

  it('counts how many live contacts use each entry', async () => {
    const org = await createOrg(t.app);
    const db = t.database.db;
    const vip = await add(org, 'tags', { name: 'VIP' });
    const idle = await add(org, 'tags', { name: 'Idle' });
    const gyms = await add(org, 'industries', { name: 'Gyms' });
    const called = (await org.owner.request('GET', '/api/settings/history-types')).json<
      List<Lookup>
    >().items[2]!;
    const p = await insertContact(db, org.orgId, { tagIds: [vip.id] });
    await insertContact(db, org.orgId, { tagIds: [vip.id], kind: 'company', industryId: gyms.id });
    await insertContact(db, org.orgId, { tagIds: [vip.id], deletedAt: new Date() });
    await insertHistory(db, org.orgId, p.id, called.id);
    await insertHistory(db, org.orgId, p.id, called.id);
    const usage = async (kind: string) =>
      new Map(
        (await org.owner.request('GET', `/api/settings/${kind}?withUsage=true`))
          .json<List<Lookup>>()
          .items.map((l) => [l.id, l.usage]),
      );
    const tags = await usage('tags');
    expect(tags.get(vip.id)).toBe(2);
    expect(tags.get(idle.id)).toBe(0);
    expect((await usage('industries')).get(gyms.id)).toBe(1);
    expect((await usage('history-types')).get(called.id)).toBe(1);
    const plain = (await org.owner.request('GET', '/api/settings/tags')).json<List<Lookup>>();
    expect(plain.items[0]).not.toHaveProperty('usage');
  });

  it('removes a deleted entry from every contact', async () => {
    const org = await createOrg(t.app);
    const db = t.database.db;
    const [tag, keep, cat, prod, ind, src] = [
      await add(org, 'tags', { name: 'Gone' }),
      await add(org, 'tags', { name: 'Kept' }),
      await add(org, 'categories', { name: 'Cat' }),
      await add(org, 'products', { name: 'Yoga' }),
      await add(org, 'industries', { name: 'Retail' }),
      await add(org, 'sources', { name: 'Flyer' }),
    ];
    const historyType = await add(org, 'history-types', { name: 'Visit' });
    const c = await insertContact(db, org.orgId, {
      tagIds: [tag.id, keep.id],
      categoryIds: [cat.id],
      productIds: [prod.id],
      industryId: ind.id,
      sourceId: src.id,
      deletedAt: new Date(),
    });
    const entry = await insertHistory(db, org.orgId, c.id, historyType.id);
    for (const [kind, l] of [
      ['tags', tag],
      ['categories', cat],
      ['products', prod],
      ['industries', ind],
      ['sources', src],
      ['history-types', historyType],
    ] as const) {
      const res = await org.owner.request('DELETE', `/api/settings/${kind}/${l.id}`);
      expect(res.statusCode).toBe(204);
    }
    const after = await readContact(db, c.id);
    expect(after).toMatchObject({
      tagIds: [keep.id],
      categoryIds: [],
      productIds: [],
      industryId: null,
      sourceId: null,
    });
    expect(after.version).toBeGreaterThan(c.version);
    expect((await readHistory(db, entry.id)).typeId).toBeNull();
    // The kind in the path must match: a tag is not deleted through /industries.
    expect(
      (await org.owner.request('DELETE', `/api/settings/industries/${keep.id}`)).statusCode,
    ).toBe(404);
  });

  it('moves every contact of one industry (or source) to another', async () => {
    const org = await createOrg(t.app);
    const other = await createOrg(t.app);
    const db = t.database.db;
    const a = await add(org, 'industries', { name: 'Fitness' });
    const b = await add(org, 'industries', { name: 'Sports' });
    const c1 = await insertContact(db, org.orgId, { kind: 'company', industryId: a.id });
    const c2 = await insertContact(db, org.orgId, { kind: 'company', industryId: a.id });
    const res = await org.owner.request('POST', `/api/settings/industries/${a.id}/move`, {
      targetId: b.id,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ moved: 2 });
    expect((await readContact(db, c1.id)).industryId).toBe(b.id);
    expect((await readContact(db, c2.id)).industryId).toBe(b.id);

    const s1 = await add(org, 'sources', { name: 'Web' });
    const s2 = await add(org, 'sources', { name: 'Walk-in' });
    await insertContact(db, org.orgId, { sourceId: s1.id });
    const moved = await org.owner.request('POST', `/api/settings/sources/${s1.id}/move`, {
      targetId: s2.id,
    });
    expect(moved.json()).toEqual({ moved: 1 });

    const foreign = await add(other, 'industries', { name: 'Theirs' });
    const bad = await org.owner.request('POST', `/api/settings/industries/${b.id}/move`, {
      targetId: foreign.id,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toHaveProperty('targetId');
    const self = await org.owner.request('POST', `/api/settings/industries/${b.id}/move`, {
      targetId: b.id,
    });
    expect(self.statusCode).toBe(400);
    const tag = await add(org, 'tags', { name: 'T' });
    const tag2 = await add(org, 'tags', { name: 'T2' });
    const notMovable = await org.owner.request('POST', `/api/settings/tags/${tag.id}/move`, {
      targetId: tag2.id,
    });
    expect(notMovable.statusCode).toBe(400);
  });

  it('refuses to narrow a tag that contacts of the other kind use', async () => {
    const org = await createOrg(t.app);
    const tag = await add(org, 'tags', { name: 'Partner' });
    await insertContact(t.database.db, org.orgId, { kind: 'company', tagIds: [tag.id] });
    const res = await org.owner.request('PATCH', `/api/settings/tags/${tag.id}`, {
      scope: 'person',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'in_use', fields: { scope: expect.any(String) } });
    const ok = await org.owner.request('PATCH', `/api/settings/tags/${tag.id}`, {
      scope: 'company',
    });
    expect(ok.json<Lookup>().scope).toBe('company');
  });

  it('is invisible and unchangeable for another organization', async () => {
    await expectTenantIsolation(t.app, {
      create: async (org) => (await add(org, 'industries', { name: 'Theirs' })).id,
      routes: [
        { method: 'PATCH', path: '/api/settings/industries/:id', body: { name: 'Mine' } },
        { method: 'PATCH', path: '/api/settings/industries/:id', body: { archived: true } },
        { method: 'DELETE', path: '/api/settings/industries/:id' },
        {
          method: 'POST',
          path: '/api/settings/industries/:id/move',
          body: { targetId: '00000000-0000-4000-8000-000000000000' },
        },
      ],
      lists: ['/api/settings/industries?includeArchived=true&withUsage=true'],
      read: async (org) =>
        (await org.owner.request('GET', '/api/settings/industries?includeArchived=true')).json(),
    });
  });
});
