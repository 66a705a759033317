import type { Lookup } from '@spotter/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createStaff, createTestApp, type TestApp } from '../../../test/test-app.ts';
import { addPerson, listPersons } from './contacts-list.test-setup.ts';

describe('bulk tagging with a new tag (issue 10)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('creates the typed tag once, for staff who cannot manage settings too', async () => {
    const org = await createOrg(t.app);
    const reception = await createStaff(t.app, org, 'reception');
    const a = await addPerson(org.owner, { firstName: 'Ann' });
    const b = await addPerson(org.owner, { firstName: 'Bo' });
    const bulk = (body: unknown) => reception.client.request('POST', '/api/persons/bulk', body);

    const res = await bulk({
      ids: [a.id, b.id],
      change: { action: 'addTag', tagName: 'Spring 2026' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const { affected, tagId } = res.json<{ affected: number; tagId: string }>();
    expect(affected).toBe(2);
    const tags = (await org.owner.request('GET', '/api/settings/tags')).json<{ items: Lookup[] }>();
    expect(tags.items.filter((x) => x.name === 'Spring 2026')).toEqual([
      expect.objectContaining({ id: tagId, scope: 'person' }),
    ]);
    expect((await listPersons(org.owner, `tagId=${tagId}`)).total).toBe(2);

    // The same name again (any case) is the same tag.
    const again = await bulk({ ids: [a.id], change: { action: 'addTag', tagName: 'spring 2026' } });
    expect(again.json()).toEqual({ affected: 0, tagId });
  });

  it('refuses no tag, a blank name, and a tag kept for companies', async () => {
    const org = await createOrg(t.app);
    const a = await addPerson(org.owner, { firstName: 'Ann' });
    const partners = await org.owner.request('POST', '/api/settings/tags', {
      name: 'Partners',
      scope: 'company',
    });
    expect(partners.statusCode).toBe(201);
    const cases = [
      [{ action: 'addTag' }, 'change.tagId'],
      [{ action: 'addTag', tagName: '   ' }, 'change.tagName'],
      [{ action: 'addTag', tagName: 'partners' }, 'change.tagId'],
    ] as const;
    for (const [change, field] of cases) {
      const res = await org.owner.request('POST', '/api/persons/bulk', { ids: [a.id], change });
      expect({ change, status: res.statusCode }).toEqual({ change, status: 400 });
      expect(Object.keys(res.json<{ fields: object }>().fields)).toContain(field);
    }
  });
});
