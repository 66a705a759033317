import { and, eq } from 'drizzle-orm';
import type { HistoryEntry, Person } from '@spotter/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createStaff, createTestApp, ok, type TestApp } from '../../../test/test-app.ts';
import { addPerson, addTag, listPersons, personStatuses } from './contacts-list.test-setup.ts';
import { contactHistory } from './contacts.table.ts';

describe('bulk actions (C-10)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('tags, untags, sets status and responsible on a selection or a whole filter, with history', async () => {
    const org = await createOrg(t.app);
    const sales = await createStaff(t.app, org, 'sales');
    const tag = await addTag(org, 'Newsletter');
    const other = await addTag(org, 'Kids');
    const [status] = await personStatuses(org);
    const people: Person[] = [];
    for (const name of ['Ann', 'Bo', 'Cid', 'Dan', 'Eve']) {
      people.push(await addPerson(org.owner, { firstName: name, tagIds: [other.id] }));
    }
    const [a, b, c] = people;
    const bulk = (body: unknown, client = org.owner) =>
      client.request('POST', '/api/persons/bulk', body);

    let res = await bulk({ ids: [a!.id, b!.id], change: { action: 'addTag', tagId: tag.id } });
    expect(res.json()).toEqual({ affected: 2 });
    res = await bulk({ ids: [a!.id, b!.id, c!.id], change: { action: 'addTag', tagId: tag.id } });
    expect(res.json()).toEqual({ affected: 1 });
    const tagged = await listPersons(org.owner, `tagId=${tag.id}`);
    expect(tagged.total).toBe(3);
    expect(tagged.items.every((p) => p.tagIds.includes(other.id) && p.tagIds.length === 2)).toBe(
      true,
    );

    res = await bulk(
      {
        filter: { tagId: tag.id },
        change: { action: 'setStatus', statusId: status!.id },
      },
      sales.client,
    );
    expect(res.json()).toEqual({ affected: 3 });
    expect((await listPersons(org.owner, `statusId=${status!.id}`)).total).toBe(3);
    const history = await ok<{ items: HistoryEntry[] }>(
      org.owner,
      'GET',
      `/api/persons/${a!.id}/history`,
    );
    expect(history.items[0]).toMatchObject({
      event: 'status_changed',
      data: { from: null, to: status!.id },
      author: { id: sales.id },
    });

    res = await bulk({ filter: {}, change: { action: 'setResponsible', responsibleId: sales.id } });
    expect(res.json()).toEqual({ affected: 5 });
    expect((await listPersons(org.owner, `responsibleId=${sales.id}`)).total).toBe(5);
    res = await bulk({ filter: { tagId: tag.id }, change: { action: 'removeTag', tagId: tag.id } });
    expect(res.json()).toEqual({ affected: 3 });
    expect((await listPersons(org.owner, `tagId=${tag.id}`)).total).toBe(0);
    const version = (await ok<Person>(org.owner, 'GET', `/api/persons/${a!.id}`)).version;
    expect(version).toBeGreaterThan(a!.version);
  });

  it('deletes a filtered list into the trash (admins only) and checks every referenced id', async () => {
    const org = await createOrg(t.app);
    const sales = await createStaff(t.app, org, 'sales');
    const keep = await addPerson(org.owner, { firstName: 'Keep' });
    const x = await addPerson(org.owner, { firstName: 'Drop', lastName: 'One' });
    const y = await addPerson(org.owner, { firstName: 'Drop', lastName: 'Two' });
    const body = { filter: { search: 'drop' }, change: { action: 'delete' } };
    const denied = await sales.client.request('POST', '/api/persons/bulk', body);
    expect(denied.statusCode).toBe(403);
    expect((await listPersons(org.owner, '')).total).toBe(3);

    const res = await org.owner.request('POST', '/api/persons/bulk', body);
    expect(res.json()).toEqual({ affected: 2 });
    const list = await listPersons(org.owner, '');
    expect(list.items.map((p) => p.id)).toEqual([keep.id]);
    const trash = await ok<{ items: Array<{ id: string }> }>(org.owner, 'GET', '/api/trash');
    expect(trash.items.map((i) => i.id).sort()).toEqual([x.id, y.id].sort());
    // The history of a trashed record is not readable through the API: look in the table.
    const logged = await t.database.db
      .select({ event: contactHistory.event, authorId: contactHistory.authorId })
      .from(contactHistory)
      .where(and(eq(contactHistory.contactId, x.id), eq(contactHistory.event, 'deleted')));
    expect(logged).toEqual([{ event: 'deleted', authorId: org.ownerId }]);

    const unknown = '00000000-0000-4000-8000-000000000000';
    const companyStatus = (
      await ok<{ items: Array<{ id: string }> }>(
        org.owner,
        'GET',
        '/api/settings/statuses?entity=company',
      )
    ).items[0]!.id;
    const bad: Array<[unknown, string]> = [
      [{ ids: [keep.id], change: { action: 'addTag', tagId: unknown } }, 'change.tagId'],
      [
        { ids: [keep.id], change: { action: 'setStatus', statusId: companyStatus } },
        'change.statusId',
      ],
      [
        { ids: [keep.id], change: { action: 'setResponsible', responsibleId: unknown } },
        'change.responsibleId',
      ],
      [{ change: { action: 'delete' } }, 'ids'],
      [{ ids: [], change: { action: 'delete' } }, 'ids'],
      [{ ids: [keep.id], change: { action: 'explode' } }, 'change.action'],
    ];
    for (const [b, key] of bad) {
      const r = await org.owner.request('POST', '/api/persons/bulk', b);
      expect(r.statusCode, JSON.stringify(b)).toBe(400);
      expect(Object.keys(r.json<{ fields: object }>().fields), JSON.stringify(b)).toContain(key);
    }
  });
});
