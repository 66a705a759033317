import type { Lookup, Status } from '@spotter/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createTestApp, type TestApp } from '../../../test/test-app.ts';
import { contacts } from '../../schema.ts';
import { expectTenantIsolation } from '../../../test/tenant-isolation.ts';
import { insertContact, readContact } from './test-contacts.ts';

type List<T> = { items: T[] };

describe('contact statuses (C-3, C-6)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('gives a new organization Prospect, Customer and Former customer for both kinds', async () => {
    const org = await createOrg(t.app);
    for (const entity of ['person', 'company']) {
      const res = await org.owner.request('GET', `/api/settings/statuses?entity=${entity}`);
      expect(res.statusCode).toBe(200);
      const items = res.json<List<Status>>().items;
      expect(items.map((s) => s.name)).toEqual(['Prospect', 'Customer', 'Former customer']);
      expect(new Set(items.map((s) => s.background)).size).toBe(3);
      expect(items.every((s) => s.entity === entity && !s.archived)).toBe(true);
    }
    const types = (await org.owner.request('GET', '/api/settings/history-types')).json<
      List<Lookup>
    >();
    expect(types.items.map((l) => l.name)).toEqual([
      'Activity',
      'Tried a class',
      'Called',
      'No answer',
      'Done',
    ]);
  });

  it('names the defaults in the organization language', async () => {
    const cases = {
      sv: [['Prospekt', 'Kund', 'Avslutad kund'], 'Provat på pass'],
      pl: [['Lead', 'Klient', 'Były klient'], 'Brak odpowiedzi'],
      ru: [['Лид', 'Клиент', 'Бывший клиент'], 'Нет ответа'],
      uk: [['Лід', 'Клієнт', 'Колишній клієнт'], 'Немає відповіді'],
    } as const;
    for (const [locale, [statuses, historyType]] of Object.entries(cases)) {
      const { owner } = await createOrg(t.app, { locale });
      const items = (await owner.request('GET', '/api/settings/statuses?entity=company')).json<
        List<Status>
      >().items;
      expect(items.map((s) => s.name)).toEqual(statuses);
      const types = (await owner.request('GET', '/api/settings/history-types')).json<
        List<Lookup>
      >();
      expect(types.items.map((l) => l.name)).toContain(historyType);
    }
  });

  it('creates, edits, reorders, archives and restores a status', async () => {
    const org = await createOrg(t.app);
    const created = await org.owner.request('POST', '/api/settings/statuses', {
      entity: 'person',
      name: ' Trial ',
      abbreviation: 'TR',
      color: '#FFFFFF',
      background: '#123',
    });
    expect(created.statusCode).toBe(201);
    const status = created.json<Status>();
    expect(status).toMatchObject({
      name: 'Trial',
      color: '#ffffff',
      background: '#123',
      position: 3,
      archived: false,
    });
    const moved = await org.owner.request('PATCH', `/api/settings/statuses/${status.id}`, {
      position: 0,
      name: 'Trial week',
    });
    expect(moved.json<Status>()).toMatchObject({ name: 'Trial week', position: 0 });
    const list = (await org.owner.request('GET', '/api/settings/statuses?entity=person')).json<
      List<Status>
    >();
    expect(list.items.map((s) => s.name)).toEqual([
      'Prospect',
      'Trial week',
      'Customer',
      'Former customer',
    ]);
    await org.owner.request('PATCH', `/api/settings/statuses/${status.id}`, { archived: true });
    const active = (await org.owner.request('GET', '/api/settings/statuses?entity=person')).json<
      List<Status>
    >();
    expect(active.items.map((s) => s.id)).not.toContain(status.id);
    const all = (
      await org.owner.request('GET', '/api/settings/statuses?entity=person&includeArchived=true')
    ).json<List<Status>>();
    expect(all.items.find((s) => s.id === status.id)?.archived).toBe(true);
  });

  it('refuses duplicates per entity, bad colours and unknown fields', async () => {
    const org = await createOrg(t.app);
    const dup = await org.owner.request('POST', '/api/settings/statuses', {
      entity: 'person',
      name: 'customer',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'name_taken', fields: { name: expect.any(String) } });
    const bad = await org.owner.request('POST', '/api/settings/statuses', {
      entity: 'person',
      name: 'X',
      color: 'red',
      extra: 1,
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields)).toEqual(expect.arrayContaining(['color', 'extra']));
  });

  it('deletes an unused status, refuses one live contacts use, clears it from the trash', async () => {
    const org = await createOrg(t.app);
    const status = (
      await org.owner.request('POST', '/api/settings/statuses', { entity: 'person', name: 'Gone' })
    ).json<Status>();
    const live = await insertContact(t.database.db, org.orgId, { statusId: status.id });
    const trashed = await insertContact(t.database.db, org.orgId, {
      statusId: status.id,
      deletedAt: new Date(),
    });
    const refused = await org.owner.request('DELETE', `/api/settings/statuses/${status.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'in_use', params: { count: 1 } });
    expect(refused.json().message).toContain('1 contact');

    await t.database.db.update(contacts).set({ statusId: null }).where(eq(contacts.id, live.id));

    const ok = await org.owner.request('DELETE', `/api/settings/statuses/${status.id}`);
    expect(ok.statusCode).toBe(204);
    expect((await readContact(t.database.db, trashed.id)).statusId).toBeNull();
    const again = await org.owner.request('DELETE', `/api/settings/statuses/${status.id}`);
    expect(again.statusCode).toBe(404);
  });

  it('is invisible and unchangeable for another organization', async () => {
    await expectTenantIsolation(t.app, {
      create: async (org) =>
        (
          await org.owner.request('POST', '/api/settings/statuses', {
            entity: 'company',
            name: 'Theirs',
          })
        ).json<Status>().id,
      routes: [
        { method: 'PATCH', path: '/api/settings/statuses/:id', body: { name: 'Mine' } },
        { method: 'PATCH', path: '/api/settings/statuses/:id', body: { archived: true } },
        { method: 'DELETE', path: '/api/settings/statuses/:id' },
      ],
      lists: ['/api/settings/statuses?includeArchived=true'],
      read: async (org) =>
        (await org.owner.request('GET', '/api/settings/statuses?includeArchived=true')).json(),
    });
  });
});
