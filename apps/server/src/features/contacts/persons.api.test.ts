import type { CustomField, HistoryEntry, Lookup, Person, Status } from '@spotter/contracts';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrg,
  createStaff,
  createTestApp,
  type TestApp,
  type TestOrg,
} from '../../../test/test-app.ts';
import { expectTenantIsolation } from '../../../test/tenant-isolation.ts';

type Created = { person: Person; duplicates: unknown[] };

async function createPerson(org: TestOrg, body: object) {
  const res = await org.owner.request('POST', '/api/persons', body);
  if (res.statusCode !== 201) throw new Error(`create failed ${res.statusCode}: ${res.body}`);
  return res.json<Created>().person;
}

async function history(org: TestOrg, id: string) {
  const res = await org.owner.request('GET', `/api/persons/${id}/history`);
  return res.json<{ items: HistoryEntry[] }>().items;
}

describe('persons', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('stores a phone typed in the local format as E.164 with the org region (SE)', async () => {
    const org = await createOrg(t.app, { timezone: 'Europe/Stockholm' });
    const created = await org.owner.request('POST', '/api/persons', {
      phones: [{ number: '070-123 45 67' }],
    });
    expect(created.statusCode).toBe(201);
    const { person } = created.json<Created>();
    expect(person.phones).toEqual([{ number: '+46701234567', label: 'mobile', valid: true }]);
    expect(person.displayName).toBe('+46701234567');

    const read = await org.owner.request('GET', `/api/persons/${person.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json<Person>()).toMatchObject({
      id: person.id,
      phones: [{ number: '+46701234567' }],
      version: 1,
      createdBy: { id: org.ownerId, name: 'Owner Olsson' },
      deletedAt: null,
    });
    expect((await history(org, person.id)).map((h) => h.event)).toEqual(['created']);
  });

  it('uses the region set in CRM settings', async () => {
    const org = await createOrg(t.app, { timezone: 'Europe/Stockholm' });
    const settings = (await org.owner.request('GET', '/api/settings/crm')).json<{
      version: number;
    }>();
    const patched = await org.owner.request('PATCH', '/api/settings/crm', {
      phoneRegion: 'PL',
      version: settings.version,
    });
    expect(patched.statusCode).toBe(200);
    const person = await createPerson(org, { phones: [{ number: '601 234 567' }] });
    expect(person.phones[0]?.number).toBe('+48601234567');
  });

  it('lower-cases emails, trims names and names the person', async () => {
    const org = await createOrg(t.app);
    const person = await createPerson(org, {
      firstName: '  Anna ',
      lastName: 'Svensson',
      emails: [{ email: 'Anna.S@Example.COM', label: 'work' }],
      birthDate: '1990-05-17',
      address: { street: 'Storgatan 1', city: 'Malmö' },
    });
    expect(person).toMatchObject({
      firstName: 'Anna',
      lastName: 'Svensson',
      displayName: 'Anna Svensson',
      emails: [{ email: 'anna.s@example.com', label: 'work' }],
      birthDate: '1990-05-17',
      address: { street: 'Storgatan 1', postalCode: '', city: 'Malmö', country: '' },
      consentEmail: { granted: false, at: null, source: null, by: null },
    });
    const emailOnly = await createPerson(org, { emails: [{ email: 'x@y.se' }] });
    expect(emailOnly.displayName).toBe('x@y.se');
  });

  it('accepts international emails (RFC 6531) and still refuses garbage', async () => {
    const org = await createOrg(t.app);
    const person = await createPerson(org, {
      emails: [{ email: 'Åsa.Berg@Exempel.se' }, { email: 'оксана@пример.рф', label: 'work' }],
    });
    expect(person.emails.map((e) => e.email)).toEqual(['åsa.berg@exempel.se', 'оксана@пример.рф']);
    const bad = await org.owner.request('POST', '/api/persons', {
      emails: [{ email: 'åsa@exempel' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ fieldCodes: { 'emails.0.email': 'invalid_email' } });
  });

  it('needs a name, a phone or an email, and refuses unknown references', async () => {
    const org = await createOrg(t.app);
    const empty = await org.owner.request('POST', '/api/persons', { note: 'nobody' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields).toHaveProperty('firstName');

    const badStatus = await org.owner.request('POST', '/api/persons', {
      firstName: 'A',
      statusId: crypto.randomUUID(),
    });
    expect(badStatus.statusCode).toBe(400);
    expect(badStatus.json().fields).toHaveProperty('statusId');

    const other = await createOrg(t.app);
    const theirCompany = await other.owner.request('POST', '/api/companies', { name: 'Theirs' });
    const badCompany = await org.owner.request('POST', '/api/persons', {
      firstName: 'A',
      companyId: theirCompany.json<{ company: { id: string } }>().company.id,
    });
    expect(badCompany.statusCode).toBe(400);
    expect(badCompany.json().fields).toHaveProperty('companyId');

    const nul = await org.owner.request('POST', '/api/persons', {
      firstName: 'A',
      address: { street: 'Main\u0000Street' },
    });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().fields).toHaveProperty('address.street');

    for (const birthDate of ['0000-06-01', '2999-01-01']) {
      const bad = await org.owner.request('POST', '/api/persons', { firstName: 'B', birthDate });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().fields).toHaveProperty('birthDate');
    }

    const badPhone = await org.owner.request('POST', '/api/persons', {
      phones: [{ number: 'x'.repeat(41) }],
    });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().fields).toHaveProperty('phones.0.number');
  });

  it('fills custom fields of all five types, and names the field of a wrong type', async () => {
    const org = await createOrg(t.app);
    const field = async (name: string, type: string, options: object[] = []) => {
      const res = await org.owner.request('POST', '/api/settings/custom-fields', {
        entity: 'person',
        name,
        type,
        options,
      });
      expect(res.statusCode).toBe(201);
      return res.json<CustomField>();
    };
    const text = await field('Shoe size note', 'text');
    const money = await field('Debt', 'money');
    const date = await field('Membership end', 'date');
    const num = await field('Visits', 'number');
    const drop = await field('Level', 'dropdown', [{ name: 'Beginner' }, { name: 'Pro' }]);
    const [beginner, pro] = drop.options;

    const person = await createPerson(org, {
      firstName: 'Custom',
      custom: {
        [text.id]: 'wide',
        [money.id]: 12.5,
        [date.id]: '2025-12-31',
        [num.id]: 7,
        [drop.id]: beginner!.id,
      },
    });
    expect(person.custom).toEqual({
      [text.id]: 'wide',
      [money.id]: 12.5,
      [date.id]: '2025-12-31',
      [num.id]: 7,
      [drop.id]: beginner!.id,
    });

    const updated = await org.owner.request('PATCH', `/api/persons/${person.id}`, {
      version: person.version,
      custom: { [drop.id]: pro!.id, [text.id]: null },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json<Person>().custom).toEqual({
      [money.id]: 12.5,
      [date.id]: '2025-12-31',
      [num.id]: 7,
      [drop.id]: pro!.id,
    });

    const cases: Array<[CustomField, unknown]> = [
      [date, 'tomorrow'],
      [num, 'seven'],
      [money, 'lots'],
      [drop, crypto.randomUUID()],
    ];
    for (const [f, value] of cases) {
      const bad = await org.owner.request('POST', '/api/persons', {
        firstName: 'Bad',
        custom: { [f.id]: value },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().fields[`custom.${f.id}`]).toContain(f.name);
    }
    const badPatch = await org.owner.request('PATCH', `/api/persons/${person.id}`, {
      version: updated.json<Person>().version,
      custom: { [date.id]: '2025-02-30' },
    });
    expect(badPatch.statusCode).toBe(400);
    expect(badPatch.json().fields[`custom.${date.id}`]).toContain('Membership end');
  });

  it('logs status and responsible changes, then deletes to the trash', async () => {
    const org = await createOrg(t.app);
    const statuses = (await org.owner.request('GET', '/api/settings/statuses?entity=person')).json<{
      items: Status[];
    }>().items;
    const [first, second] = statuses;
    const tags = await org.owner.request('POST', '/api/settings/tags', { name: 'VIP' });
    const tag = tags.json<Lookup>();
    const sales = await createStaff(t.app, org, 'sales');

    const person = await createPerson(org, { firstName: 'Eva', statusId: first!.id });
    const res = await sales.client.request('PATCH', `/api/persons/${person.id}`, {
      version: person.version,
      statusId: second!.id,
      responsibleId: sales.id,
      tagIds: [tag.id],
      lastName: 'Berg',
    });
    expect(res.statusCode).toBe(200);
    const updated = res.json<Person>();
    expect(updated).toMatchObject({
      displayName: 'Eva Berg',
      statusId: second!.id,
      responsibleId: sales.id,
      tagIds: [tag.id],
      version: person.version + 1,
    });
    const events = await history(org, person.id);
    expect(events.find((e) => e.event === 'status_changed')).toMatchObject({
      data: { from: first!.id, to: second!.id },
      author: { id: sales.id, name: 'sales person' },
    });
    expect(events.find((e) => e.event === 'responsible_changed')?.data).toEqual({
      from: null,
      to: sales.id,
    });

    const del = await sales.client.request('DELETE', `/api/persons/${person.id}`);
    expect(del.statusCode).toBe(204);
    expect((await org.owner.request('GET', `/api/persons/${person.id}`)).statusCode).toBe(404);
    const patchDeleted = await org.owner.request('PATCH', `/api/persons/${person.id}`, {
      version: updated.version,
      firstName: 'Ghost',
    });
    expect(patchDeleted.statusCode).toBe(404);
    expect((await org.owner.request('DELETE', `/api/persons/${person.id}`)).statusCode).toBe(404);
  });

  it('stamps consent dates when consent changes', async () => {
    const org = await createOrg(t.app);
    const person = await createPerson(org, {
      firstName: 'Consent',
      consentEmail: { granted: true, source: 'signup form' },
    });
    expect(person.consentEmail.granted).toBe(true);
    expect(person.consentEmail.source).toBe('signup form');
    expect(Date.parse(person.consentEmail.at!)).toBeGreaterThan(Date.now() - 60_000);
    expect(person.consentSms).toEqual({ granted: false, at: null, source: null, by: null });

    const same = await org.owner.request('PATCH', `/api/persons/${person.id}`, {
      version: person.version,
      consentEmail: { granted: true },
      consentSms: { granted: true, source: 'reception, on paper' },
    });
    const after = same.json<Person>();
    expect(after.consentEmail.at).toBe(person.consentEmail.at);
    expect(after.consentEmail.source).toBe('signup form');
    expect(after.consentSms).toMatchObject({ granted: true, source: 'reception, on paper' });
    expect(after.consentSms.at).not.toBeNull();
  });

  it('warns about duplicates as you type, and on create', async () => {
    const org = await createOrg(t.app);
    const anna = await createPerson(org, {
      firstName: 'Anna',
      phones: [{ number: '070-123 45 67' }],
      emails: [{ email: 'anna@example.com' }],
    });
    const check = await org.owner.request('POST', '/api/contacts/duplicates', {
      phones: ['+46 70 123 45 67'],
      emails: ['ANNA@example.com'],
    });
    expect(check.statusCode).toBe(200);
    expect(check.json().items).toEqual([
      {
        id: anna.id,
        kind: 'person',
        displayName: 'Anna',
        matchedOn: 'phone',
        value: '+46701234567',
      },
    ]);
    const excluded = await org.owner.request('POST', '/api/contacts/duplicates', {
      emails: ['anna@example.com'],
      excludeId: anna.id,
    });
    expect(excluded.json().items).toEqual([]);

    const second = await org.owner.request('POST', '/api/persons', {
      firstName: 'Other',
      emails: [{ email: 'Anna@Example.com' }],
    });
    expect(second.json<Created>().duplicates).toEqual([
      expect.objectContaining({ id: anna.id, matchedOn: 'email', value: 'anna@example.com' }),
    ]);
  });

  it('never reports another organization’s contacts as duplicates', async () => {
    const org = await createOrg(t.app);
    const other = await createOrg(t.app);
    await createPerson(other, {
      phones: [{ number: '070-555 55 55' }],
      emails: [{ email: 'same@example.com' }],
    });
    const check = await org.owner.request('POST', '/api/contacts/duplicates', {
      phones: ['0705555555'],
      emails: ['same@example.com'],
    });
    expect(check.json().items).toEqual([]);
    const created = await org.owner.request('POST', '/api/persons', {
      phones: [{ number: '+46705555555' }],
    });
    expect(created.json<Created>().duplicates).toEqual([]);
  });

  it('lets sales and reception edit, and keeps instructors out', async () => {
    const org = await createOrg(t.app);
    const reception = await createStaff(t.app, org, 'reception');
    const instructor = await createStaff(t.app, org, 'instructor');
    const created = await reception.client.request('POST', '/api/persons', { firstName: 'R' });
    expect(created.statusCode).toBe(201);
    const id = created.json<Created>().person.id;
    expect((await instructor.client.request('GET', `/api/persons/${id}`)).statusCode).toBe(403);
    const denied = await instructor.client.request('POST', '/api/persons', { firstName: 'I' });
    expect(denied.statusCode).toBe(403);
    expect((await instructor.client.request('GET', `/api/persons/${id}/history`)).statusCode).toBe(
      403,
    );
  });

  it('answers any input with 201 or a 400, never a crash', async () => {
    const org = await createOrg(t.app);
    const anything = fc.oneof(
      fc.string({ maxLength: 50 }),
      fc.string({ maxLength: 20, unit: 'binary' }),
      fc.constantFrom('a\u0000b', '\ud800', '0000-06-01', '070-123 45 67', 'x@y.se'),
      fc.integer(),
      fc.constant(null),
    );
    const body = fc.record(
      {
        firstName: anything,
        phones: fc.array(fc.record({ number: anything, label: anything }), { maxLength: 3 }),
        emails: fc.array(fc.record({ email: anything }), { maxLength: 3 }),
        birthDate: anything,
        companyId: anything,
        tagIds: fc.array(anything, { maxLength: 2 }),
        custom: fc.dictionary(fc.oneof(fc.uuid(), fc.string({ maxLength: 8 })), anything, {
          maxKeys: 2,
        }),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const res = await org.owner.request('POST', '/api/persons', b);
        expect([201, 400]).toContain(res.statusCode);
        if (res.statusCode === 201) {
          const { person } = res.json<Created>();
          const patch = await org.owner.request('PATCH', `/api/persons/${person.id}`, {
            ...b,
            version: person.version,
          });
          expect([200, 400]).toContain(patch.statusCode);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('is invisible and unchangeable for another organization', async () => {
    await expectTenantIsolation(t.app, {
      create: async (org) => (await createPerson(org, { firstName: 'Theirs' })).id,
      routes: [
        { method: 'GET', path: '/api/persons/:id' },
        { method: 'PATCH', path: '/api/persons/:id', body: { version: 1, firstName: 'Mine' } },
        { method: 'PATCH', path: '/api/persons/:id', body: { version: 1, force: true } },
        { method: 'DELETE', path: '/api/persons/:id' },
        { method: 'GET', path: '/api/persons/:id/history' },
        { method: 'POST', path: '/api/persons/:id/history', body: { text: 'mine' } },
        { method: 'GET', path: '/api/persons/:id/export' },
        { method: 'POST', path: '/api/persons/:id/erase' },
        // A person id is not a company id either.
        { method: 'GET', path: '/api/companies/:id' },
      ],
      read: async (org, id) => ({
        person: (await org.owner.request('GET', `/api/persons/${id}`)).json(),
        history: await history(org, id),
      }),
    });
  });
});
