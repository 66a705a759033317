import type { Company, Duplicate, HistoryEntry, Lookup, Person } from '@spotter/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrg,
  createStaff,
  createTestApp,
  type TestApp,
  type TestOrg,
} from '../../../test/test-app.ts';

async function post<T>(org: TestOrg, url: string, body: object, status = 201): Promise<T> {
  const res = await org.owner.request('POST', url, body);
  if (res.statusCode !== status) throw new Error(`${url} ${res.statusCode}: ${res.body}`);
  return res.json<T>();
}

async function timeline(org: TestOrg, kind: 'persons' | 'companies', id: string) {
  const res = await org.owner.request('GET', `/api/${kind}/${id}/history?limit=100`);
  return res.json<{ items: HistoryEntry[] }>().items;
}

describe('merge', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('flags the same phone typed differently, and the merge keeps both histories', async () => {
    const org = await createOrg(t.app, { timezone: 'Europe/Stockholm' });
    const tagA = await post<Lookup>(org, '/api/settings/tags', { name: 'Yoga' });
    const tagB = await post<Lookup>(org, '/api/settings/tags', { name: 'Spinning' });
    const first = await post<{ person: Person }>(org, '/api/persons', {
      firstName: 'Anna',
      phones: [{ number: '070-123 45 67' }],
      tagIds: [tagA.id],
    });
    const second = await post<{ person: Person; duplicates: Duplicate[] }>(org, '/api/persons', {
      lastName: 'Svensson',
      phones: [{ number: '+46 70 123 45 67' }, { number: '0733 33 33 33', label: 'home' }],
      emails: [{ email: 'anna@example.com' }],
      birthDate: '1990-01-02',
      tagIds: [tagA.id, tagB.id],
    });
    expect(second.duplicates).toEqual([
      {
        id: first.person.id,
        kind: 'person',
        displayName: 'Anna',
        matchedOn: 'phone',
        value: '+46701234567',
      },
    ]);

    await post(org, `/api/persons/${first.person.id}/history`, { text: 'Note on the first' });
    await post(org, `/api/persons/${second.person.id}/history`, { text: 'Note on the second' });

    const merged = await post<Person>(
      org,
      '/api/persons/merge',
      { targetId: first.person.id, sourceId: second.person.id },
      200,
    );
    expect(merged).toMatchObject({
      id: first.person.id,
      firstName: 'Anna',
      lastName: '',
      birthDate: '1990-01-02',
      emails: [{ email: 'anna@example.com' }],
      tagIds: [tagA.id, tagB.id],
    });
    expect(merged.phones.map((p) => p.number)).toEqual(['+46701234567', '+46733333333']);
    expect(merged.version).toBe(first.person.version + 1);

    const items = await timeline(org, 'persons', first.person.id);
    const notes = items.filter((i) => i.event === 'note').map((i) => i.text);
    expect(notes.sort()).toEqual(['Note on the first', 'Note on the second']);
    expect(items[0]).toMatchObject({
      event: 'merged',
      data: { mergedId: second.person.id, mergedName: 'Svensson' },
    });
    expect(items.filter((i) => i.event === 'created')).toHaveLength(2);

    // The source is gone for good, not in the trash.
    expect((await org.owner.request('GET', `/api/persons/${second.person.id}`)).statusCode).toBe(
      404,
    );
    const again = await org.owner.request('POST', '/api/persons/merge', {
      targetId: first.person.id,
      sourceId: second.person.id,
    });
    expect(again.statusCode).toBe(404);
    // …and no longer a duplicate of anything.
    const check = await post<{ items: Duplicate[] }>(
      org,
      '/api/contacts/duplicates',
      { phones: ['0733333333'] },
      200,
    );
    expect(check.items.map((d) => d.id)).toEqual([first.person.id]);
  });

  it('moves the source person’s tasks to the target instead of losing them', async () => {
    const org = await createOrg(t.app, { timezone: 'Europe/Stockholm' });
    const target = await post<{ person: Person }>(org, '/api/persons', { firstName: 'Ada' });
    const source = await post<{ person: Person }>(org, '/api/persons', { firstName: 'Ada L' });
    const templates = await org.owner.request('GET', '/api/settings/task-templates');
    const call = templates
      .json<{ items: Array<{ id: string; type: string }> }>()
      .items.find((x) => x.type === 'call')!;
    const task = await post<{ id: string }>(org, '/api/tasks', {
      templateId: call.id,
      contactId: source.person.id,
    });
    await post(
      org,
      '/api/persons/merge',
      { targetId: target.person.id, sourceId: source.person.id },
      200,
    );
    const moved = await org.owner.request('GET', `/api/tasks/${task.id}`);
    expect(moved.statusCode).toBe(200);
    expect(moved.json<{ contact: { id: string } }>().contact.id).toBe(target.person.id);
  });

  it('merges companies: their persons and custom values move to the target', async () => {
    const org = await createOrg(t.app);
    const field = (name: string) =>
      post<{ id: string }>(org, '/api/settings/custom-fields', {
        entity: 'company',
        name,
        type: 'text',
      });
    const [segment, account] = [await field('Segment'), await field('Account no')];
    const target = await post<{ company: Company }>(org, '/api/companies', {
      name: 'Gym AB',
      contactPerson: { firstName: 'Karin' },
      custom: { [segment.id]: 'Target segment' },
    });
    const source = await post<{ company: Company }>(org, '/api/companies', {
      name: 'Gym Aktiebolag',
      orgNumber: '556677-8899',
      contactPerson: { firstName: 'Bo' },
      custom: { [segment.id]: 'Source segment', [account.id]: 'A-17' },
    });
    const merged = await post<Company>(
      org,
      '/api/companies/merge',
      { targetId: target.company.id, sourceId: source.company.id },
      200,
    );
    expect(merged).toMatchObject({ name: 'Gym AB', orgNumber: '556677-8899' });
    expect(merged.custom).toEqual({ [segment.id]: 'Target segment', [account.id]: 'A-17' });
    expect(merged.contactPersons.map((p) => p.displayName)).toEqual(['Bo', 'Karin']);
    const items = await timeline(org, 'companies', target.company.id);
    expect(items[0]?.data).toMatchObject({ mergedName: 'Gym Aktiebolag' });
  });

  it('refuses the same record, another kind, and another organization’s ids', async () => {
    const org = await createOrg(t.app);
    const other = await createOrg(t.app);
    const mine = await post<{ person: Person }>(org, '/api/persons', { firstName: 'Mine' });
    const mine2 = await post<{ person: Person }>(org, '/api/persons', { firstName: 'Mine too' });
    const company = await post<{ company: Company }>(org, '/api/companies', { name: 'Co' });
    const theirs = await post<{ person: Person }>(other, '/api/persons', { firstName: 'Theirs' });

    const same = await org.owner.request('POST', '/api/persons/merge', {
      targetId: mine.person.id,
      sourceId: mine.person.id,
    });
    expect(same.statusCode).toBe(400);
    expect(same.json().fields).toHaveProperty('sourceId');

    for (const body of [
      { targetId: mine.person.id, sourceId: theirs.person.id },
      { targetId: theirs.person.id, sourceId: mine.person.id },
      { targetId: mine.person.id, sourceId: company.company.id },
    ]) {
      const res = await org.owner.request('POST', '/api/persons/merge', body);
      expect(res.statusCode).toBe(404);
    }
    const asCompanies = await org.owner.request('POST', '/api/companies/merge', {
      targetId: company.company.id,
      sourceId: mine.person.id,
    });
    expect(asCompanies.statusCode).toBe(404);
    // Nothing moved: theirs is untouched, both of mine still there.
    expect((await other.owner.request('GET', `/api/persons/${theirs.person.id}`)).json()).toEqual(
      theirs.person,
    );
    expect((await org.owner.request('GET', `/api/persons/${mine2.person.id}`)).statusCode).toBe(
      200,
    );
  });

  it('is for admins only', async () => {
    const org = await createOrg(t.app);
    const a = await post<{ person: Person }>(org, '/api/persons', { firstName: 'A' });
    const b = await post<{ person: Person }>(org, '/api/persons', { firstName: 'B' });
    for (const role of ['sales', 'reception', 'manager'] as const) {
      const staff = await createStaff(t.app, org, role);
      const res = await staff.client.request('POST', '/api/persons/merge', {
        targetId: a.person.id,
        sourceId: b.person.id,
      });
      expect(res.statusCode).toBe(403);
    }
    expect((await org.owner.request('GET', `/api/persons/${b.person.id}`)).statusCode).toBe(200);
  });
});
