import type { HistoryEntry, Person } from '@spotter/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrg,
  createStaff,
  createTestApp,
  type TestApp,
  type TestOrg,
} from '../../../test/test-app.ts';
import { expectTenantIsolation } from '../../../test/tenant-isolation.ts';

async function fullPerson(org: TestOrg) {
  const status = (await org.owner.request('GET', '/api/settings/statuses?entity=person')).json<{
    items: Array<{ id: string }>;
  }>().items[0]!;
  const field = (
    await org.owner.request('POST', '/api/settings/custom-fields', {
      entity: 'person',
      name: 'Allergies',
      type: 'text',
    })
  ).json<{ id: string }>();
  const res = await org.owner.request('POST', '/api/persons', {
    firstName: 'Greta',
    lastName: 'Private',
    phones: [{ number: '070-765 43 21' }],
    emails: [{ email: 'greta@example.com' }],
    birthDate: '1985-03-04',
    address: { street: 'Hemvägen 3', city: 'Lund' },
    note: 'Lives with her sister',
    statusId: status.id,
    custom: { [field.id]: 'nuts' },
    consentEmail: { granted: true, source: 'signup form' },
  });
  expect(res.statusCode).toBe(201);
  const person = res.json<{ person: Person }>().person;
  await org.owner.request('POST', `/api/persons/${person.id}/history`, {
    text: 'Told us about her back pain',
  });
  return person;
}

describe('privacy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('exports everything about a person and logs the export', async () => {
    const org = await createOrg(t.app);
    const person = await fullPerson(org);
    const res = await org.owner.request('GET', `/api/persons/${person.id}/export`);
    expect(res.statusCode).toBe(200);
    const data = res.json<{ exportedAt: string; person: Person; history: HistoryEntry[] }>();
    expect(data.person).toMatchObject({
      id: person.id,
      firstName: 'Greta',
      phones: [{ number: '+46707654321' }],
      consentEmail: { granted: true, source: 'signup form' },
    });
    expect(data.history.map((h) => h.event)).toEqual(['exported', 'note', 'created']);
    expect(data.history[1]?.text).toBe('Told us about her back pain');
  });

  it('erases a person: personal data and history texts go, the record and status stay', async () => {
    const org = await createOrg(t.app);
    const person = await fullPerson(org);
    const res = await org.owner.request('POST', `/api/persons/${person.id}/erase`, {
      reason: 'Asked by email',
    });
    expect(res.statusCode).toBe(200);
    const erased = res.json<Person>();
    expect(erased).toMatchObject({
      id: person.id,
      firstName: '–',
      lastName: '',
      displayName: '–',
      phones: [],
      emails: [],
      birthDate: null,
      address: { street: '', postalCode: '', city: '', country: '' },
      note: '',
      custom: {},
      statusId: person.statusId,
      consentEmail: { granted: false, at: null, source: null },
    });
    expect(erased.erasedAt).not.toBeNull();

    const items = (await org.owner.request('GET', `/api/persons/${person.id}/history`)).json<{
      items: HistoryEntry[];
    }>().items;
    expect(items[0]).toMatchObject({
      event: 'erased',
      text: 'Asked by email',
      author: { id: org.ownerId },
    });
    expect(items.slice(1).every((i) => i.text === '')).toBe(true);
    expect(JSON.stringify(items)).not.toContain('back pain');

    // The phone and email no longer match anyone.
    const dup = await org.owner.request('POST', '/api/contacts/duplicates', {
      phones: ['0707654321'],
      emails: ['greta@example.com'],
    });
    expect(dup.json().items).toEqual([]);
  });

  it('erases without a body too, and refuses unknown body fields', async () => {
    const org = await createOrg(t.app);
    const person = await fullPerson(org);
    const extra = await org.owner.request('POST', `/api/persons/${person.id}/erase`, {
      firstName: 'x',
    });
    expect(extra.statusCode).toBe(400);
    const res = await org.owner.request('POST', `/api/persons/${person.id}/erase`);
    expect(res.statusCode).toBe(200);
    expect(res.json<Person>().displayName).toBe('–');
  });

  it('is for admins only', async () => {
    const org = await createOrg(t.app);
    const person = await fullPerson(org);
    for (const role of ['sales', 'manager', 'reception'] as const) {
      const staff = await createStaff(t.app, org, role);
      expect(
        (await staff.client.request('GET', `/api/persons/${person.id}/export`)).statusCode,
      ).toBe(403);
      expect(
        (await staff.client.request('POST', `/api/persons/${person.id}/erase`)).statusCode,
      ).toBe(403);
    }
    const still = (await org.owner.request('GET', `/api/persons/${person.id}`)).json<Person>();
    expect(still.firstName).toBe('Greta');
    const events = (await org.owner.request('GET', `/api/persons/${person.id}/history`))
      .json<{ items: HistoryEntry[] }>()
      .items.map((i) => i.event);
    expect(events).not.toContain('exported');
  });

  it('cannot export or erase another organization’s person', async () => {
    await expectTenantIsolation(t.app, {
      create: async (org) => (await fullPerson(org)).id,
      routes: [
        { method: 'GET', path: '/api/persons/:id/export' },
        { method: 'POST', path: '/api/persons/:id/erase' },
      ],
      read: async (org, id) => ({
        person: (await org.owner.request('GET', `/api/persons/${id}`)).json(),
        history: (await org.owner.request('GET', `/api/persons/${id}/history`)).json(),
      }),
    });
  });
});
