import type { Person, SearchHit } from '@spotter/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrg,
  createStaff,
  createTestApp,
  type Client,
  type TestApp,
} from '../../../test/test-app.ts';

async function addPerson(client: Client, body: Record<string, unknown>): Promise<Person> {
  const res = await client.request('POST', '/api/persons', body);
  if (res.statusCode !== 201) throw new Error(`create failed ${res.statusCode}: ${res.body}`);
  return res.json<{ person: Person }>().person;
}

async function searchIds(client: Client, q: string, extra = '') {
  const res = await client.request('GET', `/api/search?q=${encodeURIComponent(q)}${extra}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: SearchHit[] }>().items;
}

describe('search (C-11)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('finds a person created with only a phone by any way of typing it, and lists them', async () => {
    const org = await createOrg(t.app, { timezone: 'Europe/Stockholm' });
    const person = await addPerson(org.owner, { phones: [{ number: '070-123 45 67' }] });
    await addPerson(org.owner, { firstName: 'Other', phones: [{ number: '070-999 88 77' }] });

    const list = await org.owner.request('GET', '/api/persons');
    expect(list.json<{ items: Person[] }>().items.map((p) => p.id)).toContain(person.id);

    for (const q of ['4567', '070-123 45 67', '+46701234567', '1234567', '0701234567']) {
      const hits = await searchIds(org.owner, q);
      expect(
        hits.map((h) => h.id),
        q,
      ).toEqual([person.id]);
      expect(hits[0]).toMatchObject({ kind: 'person', detail: '+46701234567' });
    }
    // The list's search box uses the same matching.
    const listed = await org.owner.request(
      'GET',
      `/api/persons?search=${encodeURIComponent('070-123 45 67')}`,
    );
    expect(listed.json<{ items: Person[] }>().items.map((p) => p.id)).toEqual([person.id]);
    // Two digits are too few to mean a phone: no phone match.
    expect(await searchIds(org.owner, '67')).toEqual([]);
  });

  it('finds persons and companies by part of a name, email or org number, exact and prefix first', async () => {
    const org = await createOrg(t.app);
    const anna = await addPerson(org.owner, { firstName: 'Anna', lastName: 'Svensson' });
    const hanna = await addPerson(org.owner, { firstName: 'Hanna', lastName: 'Berg' });
    const mail = await addPerson(org.owner, {
      firstName: 'Zed',
      emails: [{ email: 'coach.anna@club.example' }],
    });
    const company = await org.owner.request('POST', '/api/companies', {
      name: 'Annaberg Dance AB',
      orgNumber: '556677-8899',
    });
    const companyId = company.json<{ company: { id: string } }>().company.id;

    const hits = await searchIds(org.owner, 'anna');
    // "anna svensson" starts with it, as does the company; Hanna and the email only contain it.
    expect(
      hits
        .map((h) => h.id)
        .slice(0, 2)
        .sort(),
    ).toEqual([anna.id, companyId].sort());
    expect(
      hits
        .map((h) => h.id)
        .slice(2)
        .sort(),
    ).toEqual([hanna.id, mail.id].sort());
    expect(hits.find((h) => h.id === mail.id)?.detail).toBe('coach.anna@club.example');

    expect((await searchIds(org.owner, 'svensson anna')).map((h) => h.id)).toEqual([anna.id]);
    expect((await searchIds(org.owner, 'ANNA SV')).map((h) => h.id)).toEqual([anna.id]);
    expect((await searchIds(org.owner, 'coach.anna@club.example')).map((h) => h.id)).toEqual([
      mail.id,
    ]);
    const byOrgNumber = await searchIds(org.owner, '5566778899');
    expect(byOrgNumber.map((h) => [h.id, h.kind, h.detail])).toEqual([
      [companyId, 'company', '556677-8899'],
    ]);
    expect((await searchIds(org.owner, '556677-8899')).map((h) => h.id)).toEqual([companyId]);
    expect((await searchIds(org.owner, 'anna', '&kind=company')).map((h) => h.id)).toEqual([
      companyId,
    ]);
    // Queries of only short words match the start of the name.
    expect((await searchIds(org.owner, 'an')).map((h) => h.id).sort()).toEqual(
      [anna.id, companyId].sort(),
    );
    expect((await searchIds(org.owner, 'an s')).map((h) => h.id)).toEqual([anna.id]);
    expect(await searchIds(org.owner, 'sv')).toEqual([]);
    expect((await searchIds(org.owner, 'nn')).map((h) => h.id)).toEqual([]);
    // An exact name comes before names it is only the start of.
    const exact = await addPerson(org.owner, { firstName: 'Anna' });
    expect((await searchIds(org.owner, 'anna'))[0]?.id).toBe(exact.id);
  });

  it('ranks names that start with the query before other word starts, however full the page', async () => {
    const org = await createOrg(t.app);
    const b = await addPerson(org.owner, { firstName: 'Anna', lastName: 'Berg' });
    const a = await addPerson(org.owner, { firstName: 'Anna', lastName: 'Ahl' });
    const bo = await addPerson(org.owner, { firstName: 'Bo', lastName: 'Annasson' });
    const ids = async (limit: number) =>
      (await searchIds(org.owner, 'anna', `&limit=${limit}`)).map((h) => h.id);
    // The page is filled by names starting with "anna" (the fast path through the prefix index).
    expect(await ids(2)).toEqual([a.id, b.id]);
    // With room to spare, a last name that starts with it follows.
    expect(await ids(3)).toEqual([a.id, b.id, bo.id]);
  });

  it('never shows deleted contacts and treats LIKE wildcards as text', async () => {
    const org = await createOrg(t.app);
    const p = await addPerson(org.owner, { firstName: 'Gone', lastName: 'Person' });
    await addPerson(org.owner, { firstName: 'Stays' });
    expect((await searchIds(org.owner, 'gone')).map((h) => h.id)).toEqual([p.id]);
    expect((await org.owner.request('DELETE', `/api/persons/${p.id}`)).statusCode).toBe(204);
    expect(await searchIds(org.owner, 'gone')).toEqual([]);
    expect(await searchIds(org.owner, '%')).toEqual([]);
    expect(await searchIds(org.owner, '___')).toEqual([]);
  });

  it('needs contacts.read and refuses bad input without crashing', async () => {
    const org = await createOrg(t.app);
    const instructor = await createStaff(t.app, org, 'instructor');
    expect((await instructor.client.request('GET', '/api/search?q=anna')).statusCode).toBe(403);
    expect((await org.owner.request('GET', '/api/search?q=')).statusCode).toBe(400);
    expect((await org.owner.request('GET', '/api/search?q=a&limit=500')).statusCode).toBe(400);
    for (const q of [
      "'; drop table contacts; --",
      '\\',
      '+',
      '((((',
      'ä'.repeat(200),
      '0'.repeat(40),
    ]) {
      const res = await org.owner.request('GET', `/api/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
    }
  });
  it("finds a child by their guardian's phone and a guardian by their child's name (issue 17)", async () => {
    const org = await createOrg(t.app, { timezone: 'Europe/Stockholm' });
    const mum = await addPerson(org.owner, {
      firstName: 'Karin',
      lastName: 'Lund',
      phones: [{ number: '070-555 12 34' }],
    });
    const dad = await addPerson(org.owner, { firstName: 'Per', lastName: 'Lund' });
    const kid = await addPerson(org.owner, { firstName: 'Vilgot', lastName: 'Lund' });
    const sister = await addPerson(org.owner, { firstName: 'Ylva', lastName: 'Lund' });
    const gone = await addPerson(org.owner, { firstName: 'Gone', lastName: 'Lund' });
    const link = async (guardianId: string, childId: string) => {
      const res = await org.owner.request('POST', `/api/persons/${childId}/relations`, {
        as: 'guardian',
        personId: guardianId,
      });
      expect(res.statusCode, res.body).toBe(201);
    };
    await link(mum.id, kid.id);
    await link(dad.id, kid.id);
    await link(mum.id, sister.id);
    await link(mum.id, gone.id);
    await org.owner.request('DELETE', `/api/persons/${gone.id}`);

    // The guardian's phone: the guardian, then her children (not the one in the trash).
    const byPhone = await searchIds(org.owner, '0705551234');
    expect(byPhone.map((h) => [h.id, h.via])).toEqual([
      [mum.id, null],
      [kid.id, { id: mum.id, displayName: 'Karin Lund', as: 'guardian' }],
      [sister.id, { id: mum.id, displayName: 'Karin Lund', as: 'guardian' }],
    ]);

    // The child's name: the child, then both guardians, each once.
    const byName = await searchIds(org.owner, 'vilgot');
    expect(byName.map((h) => [h.displayName, h.via?.as ?? null])).toEqual([
      ['Vilgot Lund', null],
      ['Karin Lund', 'child'],
      ['Per Lund', 'child'],
    ]);
    expect(byName[1]?.via).toEqual({ id: kid.id, displayName: 'Vilgot Lund', as: 'child' });

    // A relative who is a hit already is not repeated, and the limit holds.
    const both = await searchIds(org.owner, 'lund');
    expect(new Set(both.map((h) => h.id)).size).toBe(both.length);
    expect(both.every((h) => h.via === null)).toBe(true);
    expect(await searchIds(org.owner, '0705551234', '&limit=2')).toHaveLength(2);
    expect(await searchIds(org.owner, 'vilgot', '&kind=company')).toEqual([]);
  });
});
