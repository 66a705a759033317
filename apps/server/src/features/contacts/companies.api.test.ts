import type { Company, HistoryEntry, Lookup, Person } from '@spotter/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createTestApp, type TestApp, type TestOrg } from '../../../test/test-app.ts';
import { expectTenantIsolation } from '../../../test/tenant-isolation.ts';

type Created = { company: Company; duplicates: unknown[]; contactPersonId: string | null };

async function createCompany(org: TestOrg, body: object) {
  const res = await org.owner.request('POST', '/api/companies', body);
  if (res.statusCode !== 201) throw new Error(`create failed ${res.statusCode}: ${res.body}`);
  return res.json<Created>();
}

describe('companies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('creates a company with its contact person in the same request', async () => {
    const org = await createOrg(t.app);
    const industry = (
      await org.owner.request('POST', '/api/settings/industries', { name: 'Fitness' })
    ).json<Lookup>();
    const created = await createCompany(org, {
      name: ' Gym AB ',
      orgNumber: '556677-8899',
      industryId: industry.id,
      phones: [{ number: '08-123 456 78', label: 'work' }],
      billingAddress: { street: 'Box 1', city: 'Stockholm' },
      visitingAddress: { street: 'Gatan 2', city: 'Solna' },
      contactPerson: { firstName: 'Karin', lastName: 'Lind', phones: [{ number: '0709876543' }] },
    });
    expect(created.contactPersonId).toEqual(expect.any(String));
    expect(created.duplicates).toEqual([]);
    expect(created.company).toMatchObject({
      kind: 'company',
      name: 'Gym AB',
      displayName: 'Gym AB',
      orgNumber: '556677-8899',
      industryId: industry.id,
      phones: [{ number: '+46812345678', label: 'work', valid: true }],
      billingAddress: { street: 'Box 1', city: 'Stockholm', postalCode: '', country: '' },
      visitingAddress: { street: 'Gatan 2', city: 'Solna' },
      contactPersons: [
        { id: created.contactPersonId, displayName: 'Karin Lind', phone: '+46709876543' },
      ],
    });

    const person = (
      await org.owner.request('GET', `/api/persons/${created.contactPersonId}`)
    ).json<Person>();
    expect(person.company).toEqual({ id: created.company.id, name: 'Gym AB' });

    // A second person linked later shows up too, sorted by name.
    const anders = await org.owner.request('POST', '/api/persons', {
      firstName: 'Anders',
      companyId: created.company.id,
    });
    expect(anders.statusCode).toBe(201);
    const read = (
      await org.owner.request('GET', `/api/companies/${created.company.id}`)
    ).json<Company>();
    expect(read.contactPersons.map((p) => p.displayName)).toEqual(['Anders', 'Karin Lind']);
  });

  it('refuses an invalid contact person (keeping nothing) or a company without a name', async () => {
    const org = await createOrg(t.app);
    const bad = await org.owner.request('POST', '/api/companies', {
      name: 'Half Made AB',
      contactPerson: { lastName: 'X', phones: [{ number: '12' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toHaveProperty('contactPerson.phones.0.number');
    const letters = await org.owner.request('POST', '/api/companies', {
      name: 'Half Made AB',
      emails: [{ email: 'half@made.se' }],
      contactPerson: { firstName: 'Y', phones: [{ number: 'call me' }] },
    });
    expect(letters.statusCode).toBe(400);
    expect(letters.json().fields).toHaveProperty('contactPerson.phones.0.number');
    // Nothing of the half-made company was kept.
    const dup = await org.owner.request('POST', '/api/contacts/duplicates', {
      emails: ['half@made.se'],
    });
    expect(dup.json().items).toEqual([]);
    const noName = await org.owner.request('POST', '/api/companies', { orgNumber: '1' });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().fields).toHaveProperty('name');
  });

  it('edits with a version, refuses person-only fields and industries of nothing', async () => {
    const org = await createOrg(t.app);
    const { company } = await createCompany(org, { name: 'Old Name AB' });
    const res = await org.owner.request('PATCH', `/api/companies/${company.id}`, {
      version: company.version,
      name: 'New Name AB',
      emails: [{ email: 'Info@New.se' }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<Company>()).toMatchObject({
      name: 'New Name AB',
      displayName: 'New Name AB',
      emails: [{ email: 'info@new.se', label: 'personal' }],
      version: company.version + 1,
    });
    const personField = await org.owner.request('PATCH', `/api/companies/${company.id}`, {
      version: company.version + 1,
      firstName: 'Nope',
    });
    expect(personField.statusCode).toBe(400);
    const badIndustry = await org.owner.request('PATCH', `/api/companies/${company.id}`, {
      version: company.version + 1,
      industryId: crypto.randomUUID(),
    });
    expect(badIndustry.statusCode).toBe(400);
    expect(badIndustry.json().fields).toHaveProperty('industryId');
  });

  it('deletes to the trash; its persons keep the link but the company is gone', async () => {
    const org = await createOrg(t.app);
    const { company, contactPersonId } = await createCompany(org, {
      name: 'Gone AB',
      contactPerson: { firstName: 'Left' },
    });
    expect((await org.owner.request('DELETE', `/api/companies/${company.id}`)).statusCode).toBe(
      204,
    );
    expect((await org.owner.request('GET', `/api/companies/${company.id}`)).statusCode).toBe(404);
    const person = (
      await org.owner.request('GET', `/api/persons/${contactPersonId}`)
    ).json<Person>();
    expect(person.companyId).toBe(company.id);
    expect(person.company).toBeNull();
  });

  it('keeps a timeline with notes', async () => {
    const org = await createOrg(t.app);
    const { company } = await createCompany(org, { name: 'Notes AB' });
    const note = await org.owner.request('POST', `/api/companies/${company.id}/history`, {
      text: 'Called the CEO',
    });
    expect(note.statusCode).toBe(201);
    const items = (await org.owner.request('GET', `/api/companies/${company.id}/history`)).json<{
      items: HistoryEntry[];
    }>().items;
    expect(items.map((i) => [i.event, i.text])).toEqual([
      ['note', 'Called the CEO'],
      ['created', ''],
    ]);
  });

  it('is invisible and unchangeable for another organization', async () => {
    await expectTenantIsolation(t.app, {
      create: async (org) => (await createCompany(org, { name: 'Theirs AB' })).company.id,
      routes: [
        { method: 'GET', path: '/api/companies/:id' },
        { method: 'PATCH', path: '/api/companies/:id', body: { version: 1, name: 'Mine' } },
        { method: 'PATCH', path: '/api/companies/:id', body: { version: 1, force: true } },
        { method: 'DELETE', path: '/api/companies/:id' },
        { method: 'GET', path: '/api/companies/:id/history' },
        { method: 'POST', path: '/api/companies/:id/history', body: { text: 'mine' } },
        { method: 'GET', path: '/api/persons/:id' },
        { method: 'GET', path: '/api/persons/:id/export' },
      ],
      read: async (org, id) => ({
        company: (await org.owner.request('GET', `/api/companies/${id}`)).json(),
        history: (await org.owner.request('GET', `/api/companies/${id}/history`)).json(),
      }),
    });
  });

  it('does not let a person link to another organization’s company by editing', async () => {
    const org = await createOrg(t.app);
    const other = await createOrg(t.app);
    const { company } = await createCompany(other, { name: 'Foreign AB' });
    const person = (await org.owner.request('POST', '/api/persons', { firstName: 'P' })).json<{
      person: Person;
    }>().person;
    const res = await org.owner.request('PATCH', `/api/persons/${person.id}`, {
      version: person.version,
      companyId: company.id,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toHaveProperty('companyId');
  });
});
