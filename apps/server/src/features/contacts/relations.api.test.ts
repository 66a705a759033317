import type { Family, FamilyRelation, HistoryEntry, Lookup, Person } from '@spotter/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectTenantIsolation } from '../../../test/tenant-isolation.ts';
import {
  createOrg,
  createStaff,
  createTestApp,
  ok,
  type TestApp,
  type TestOrg,
} from '../../../test/test-app.ts';

const person = async (org: TestOrg, body: object) =>
  (await ok<{ person: Person }>(org.owner, 'POST', '/api/persons', body)).person;

const link = (org: TestOrg, id: string, body: object) =>
  ok<{ relation: FamilyRelation; created: boolean }>(
    org.owner,
    'POST',
    `/api/persons/${id}/relations`,
    body,
  );

const family = (org: TestOrg, id: string) =>
  ok<Family>(org.owner, 'GET', `/api/persons/${id}/family`);

const history = async (org: TestOrg, id: string) =>
  (await ok<{ items: HistoryEntry[] }>(org.owner, 'GET', `/api/persons/${id}/history`)).items;

async function roles(org: TestOrg) {
  const { items } = await ok<{ items: Lookup[] }>(org.owner, 'GET', '/api/settings/relation-roles');
  return items;
}

describe('families: relations between persons', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('links both ways: the family reads from either side, siblings once', async () => {
    const org = await createOrg(t.app);
    const [mother] = await roles(org);
    const anna = await person(org, { firstName: 'Anna', lastName: 'Berg' });
    const olle = await person(org, { firstName: 'Olle', birthDate: '2016-03-01' });
    const lisa = await person(org, { firstName: 'Lisa', birthDate: '2019-05-05' });
    const erik = await person(org, { firstName: 'Erik', lastName: 'Berg' });

    // From the parent's card: a child; from the child's card: a guardian.
    const first = await link(org, anna.id, { as: 'child', personId: olle.id, roleId: mother!.id });
    expect(first).toMatchObject({
      created: false,
      relation: { primary: true, roleId: mother!.id, person: { id: olle.id, minor: true } },
    });
    await link(org, lisa.id, { as: 'guardian', personId: anna.id });
    await link(org, olle.id, { as: 'guardian', personId: erik.id });
    await link(org, erik.id, { as: 'child', personId: lisa.id });

    const annas = await family(org, anna.id);
    expect(annas.guardians).toEqual([]);
    // Oldest first, youngest last.
    expect(annas.children.map((c) => c.person.displayName)).toEqual(['Olle', 'Lisa']);

    const olles = await family(org, olle.id);
    expect(olles.guardians.map((g) => [g.person.displayName, g.primary])).toEqual([
      ['Anna Berg', true],
      ['Erik Berg', false],
    ]);
    // Lisa shares two guardians with Olle, and is listed once.
    expect(olles.siblings.map((s) => s.displayName)).toEqual(['Lisa']);
    expect(olles.siblings[0]).toMatchObject({ minor: true, birthDate: '2019-05-05' });

    // Both persons' timelines tell of the link, naming the other and the role.
    expect((await history(org, olle.id))[1]).toMatchObject({
      event: 'relation_added',
      data: {
        relationId: first.relation.id,
        personId: anna.id,
        personName: 'Anna Berg',
        as: 'guardian',
        roleName: mother!.name,
      },
    });
    expect((await history(org, anna.id)).map((h) => [h.event, h.data.as])).toContainEqual([
      'relation_added',
      'child',
    ]);
  });

  it('creates a new relative, normalized and logged like any person', async () => {
    const org = await createOrg(t.app);
    const child = await person(org, { firstName: 'Maja', birthDate: '2018-01-01' });
    const res = await link(org, child.id, {
      as: 'guardian',
      person: {
        firstName: 'Karin',
        lastName: 'Lund',
        phone: '070-111 22 33',
        email: 'KARIN@Example.COM',
      },
    });
    expect(res.created).toBe(true);
    expect(res.relation).toMatchObject({
      primary: true,
      person: { displayName: 'Karin Lund', phone: '+46701112233', email: 'karin@example.com' },
    });
    const events = (await history(org, res.relation.person.id)).map((h) => h.event);
    // One transaction, one timestamp: the two entries' order is the ids'.
    expect(events.sort()).toEqual(['created', 'relation_added']);

    const bad = await org.owner.request('POST', `/api/persons/${child.id}/relations`, {
      as: 'guardian',
      person: { firstName: 'X', email: 'not-an-email' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fieldCodes).toEqual({ 'person.email': 'invalid_email' });
  });

  it('keeps one primary guardian: making another clears it, removing it promotes the oldest', async () => {
    const org = await createOrg(t.app);
    const child = await person(org, { firstName: 'Child', birthDate: '2015-02-02' });
    const [a, b, c] = await Promise.all(
      ['A', 'B', 'C'].map((n) => person(org, { firstName: `Guardian ${n}` })),
    );
    const ra = (await link(org, child.id, { as: 'guardian', personId: a!.id })).relation;
    const rb = (await link(org, child.id, { as: 'guardian', personId: b!.id })).relation;
    const rc = (await link(org, child.id, { as: 'guardian', personId: c!.id, primary: true }))
      .relation;
    expect([ra.primary, rb.primary, rc.primary]).toEqual([true, false, true]);
    const primaries = async () =>
      (await family(org, child.id)).guardians.filter((g) => g.primary).map((g) => g.id);
    expect(await primaries()).toEqual([rc.id]);

    const patched = await ok<FamilyRelation>(org.owner, 'PATCH', `/api/relations/${rb.id}`, {
      primary: true,
    });
    expect(patched).toMatchObject({ id: rb.id, primary: true, person: { id: b!.id } });
    expect(await primaries()).toEqual([rb.id]);
    // The child's card shows the primary guardian.
    const read = await ok<Person>(org.owner, 'GET', `/api/persons/${child.id}`);
    expect(read.guardian?.id).toBe(b!.id);

    expect((await org.owner.request('DELETE', `/api/relations/${rb.id}`)).statusCode).toBe(204);
    expect(await primaries()).toEqual([ra.id]);
    expect((await history(org, b!.id))[0]).toMatchObject({
      event: 'relation_removed',
      data: { personId: child.id, as: 'child', relationId: rb.id },
    });
    expect((await history(org, child.id))[0]).toMatchObject({
      event: 'relation_removed',
      data: { personId: b!.id, as: 'guardian' },
    });
  });

  it('refuses links that cannot be', async () => {
    const org = await createOrg(t.app);
    const parent = await person(org, { firstName: 'Parent' });
    const kid = await person(org, { firstName: 'Kid' });
    const gone = await person(org, { firstName: 'Gone' });
    expect((await org.owner.request('DELETE', `/api/persons/${gone.id}`)).statusCode).toBe(204);
    const company = (
      await ok<{ company: { id: string } }>(org.owner, 'POST', '/api/companies', { name: 'AB' })
    ).company;
    await link(org, parent.id, { as: 'child', personId: kid.id });

    const attempt = async (id: string, body: object) => {
      const res = await org.owner.request('POST', `/api/persons/${id}/relations`, body);
      return { status: res.statusCode, code: res.json().code, fields: res.json().fieldCodes };
    };
    expect(await attempt(parent.id, { as: 'child', personId: kid.id })).toEqual({
      status: 409,
      code: 'relation_exists',
      fields: { personId: 'duplicate' },
    });
    expect(await attempt(kid.id, { as: 'child', personId: parent.id })).toEqual({
      status: 422,
      code: 'relation_not_allowed',
      fields: { personId: 'not_allowed' },
    });
    expect(await attempt(parent.id, { as: 'child', personId: parent.id })).toMatchObject({
      status: 422,
      fields: { personId: 'same_record' },
    });
    expect(await attempt(parent.id, { as: 'child', personId: company.id })).toMatchObject({
      status: 422,
      fields: { personId: 'wrong_kind' },
    });
    expect(await attempt(parent.id, { as: 'child', personId: gone.id })).toMatchObject({
      status: 422,
      fields: { personId: 'archived' },
    });
    expect(
      await attempt(parent.id, { as: 'child', personId: '00000000-0000-4000-8000-000000000000' }),
    ).toMatchObject({ status: 400, fields: { personId: 'unknown_reference' } });
    const other = await createOrg(t.app);
    const [foreignRole] = await roles(other);
    const fresh = await person(org, { firstName: 'Fresh' });
    expect(
      await attempt(parent.id, { as: 'child', personId: fresh.id, roleId: foreignRole!.id }),
    ).toMatchObject({ status: 400, fields: { roleId: 'unknown_reference' } });
    // A company or a trashed person has no family page.
    expect((await org.owner.request('GET', `/api/persons/${company.id}/family`)).statusCode).toBe(
      404,
    );
    expect((await org.owner.request('GET', `/api/persons/${gone.id}/family`)).statusCode).toBe(404);
  });

  it('lets whoever lacks contacts.write read families but not change them', async () => {
    const org = await createOrg(t.app);
    const parent = await person(org, { firstName: 'Parent' });
    const kid = await person(org, { firstName: 'Kid' });
    const { relation } = await link(org, parent.id, { as: 'child', personId: kid.id });
    // A read-only integration token reads, but writes nothing.
    const { secret } = await ok<{ secret: string }>(org.owner, 'POST', '/api/api-tokens', {
      name: 'Read only',
      scopes: ['contacts.read'],
    });
    const reader = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
      t.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${secret}` },
        ...(payload && { payload }),
      });
    expect((await reader('GET', `/api/persons/${kid.id}/family`)).statusCode).toBe(200);
    const writes = [
      await reader('POST', `/api/persons/${kid.id}/relations`, {
        as: 'guardian',
        person: { firstName: 'Nobody' },
      }),
      await reader('PATCH', `/api/relations/${relation.id}`, { primary: true }),
      await reader('DELETE', `/api/relations/${relation.id}`),
    ];
    expect(writes.map((r) => r.statusCode)).toEqual([403, 403, 403]);
    // A staff member outside the CRM roles reads nothing either.
    const instructor = (await createStaff(t.app, org, 'instructor')).client;
    expect((await instructor.request('GET', `/api/persons/${kid.id}/family`)).statusCode).toBe(403);
    expect((await instructor.request('DELETE', `/api/relations/${relation.id}`)).statusCode).toBe(
      403,
    );
    expect((await family(org, kid.id)).guardians.map((g) => g.id)).toEqual([relation.id]);
  });

  it("records which guardian gave a minor's consent, and forgets them when it goes", async () => {
    const org = await createOrg(t.app);
    const kid = await person(org, { firstName: 'Kid', birthDate: '2017-04-04' });
    const mum = await person(org, { firstName: 'Mum' });
    const stranger = await person(org, { firstName: 'Stranger' });
    await link(org, kid.id, { as: 'guardian', personId: mum.id });

    const patch = (body: object) =>
      org.owner.request('PATCH', `/api/persons/${kid.id}`, { ...body, version: 1, force: true });
    const refused = await patch({
      consentEmail: { granted: true, byId: stranger.id },
      consentSms: { granted: true, byId: mum.id },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fieldCodes).toEqual({ 'consentEmail.byId': 'not_allowed' });

    const given = await patch({ consentEmail: { granted: true, source: 'paper', byId: mum.id } });
    expect(given.json<Person>().consentEmail).toMatchObject({
      granted: true,
      source: 'paper',
      by: { id: mum.id, name: 'Mum' },
    });
    // Editing something else keeps who gave it; withdrawing the consent forgets them.
    const kept = await patch({ note: 'x', consentEmail: { granted: true } });
    expect(kept.json<Person>().consentEmail.by?.id).toBe(mum.id);
    const cleared = await patch({ consentEmail: { granted: false } });
    expect(cleared.json<Person>().consentEmail).toMatchObject({ granted: false, by: null });

    // A new person has no guardians yet: nobody can have consented for them.
    const fresh = await org.owner.request('POST', '/api/persons', {
      firstName: 'New',
      consentSms: { granted: true, byId: mum.id },
    });
    expect(fresh.json().fieldCodes).toEqual({ 'consentSms.byId': 'not_allowed' });
  });

  it('keeps families inside their organization', async () => {
    let childId = '';
    await expectTenantIsolation(t.app, {
      async create(org) {
        const parent = await person(org, { firstName: 'Parent' });
        const kid = await person(org, { firstName: 'Kid' });
        childId = kid.id;
        return (await link(org, parent.id, { as: 'child', personId: kid.id })).relation.id;
      },
      routes: [
        { method: 'PATCH', path: '/api/relations/:id', body: { primary: true } },
        { method: 'DELETE', path: '/api/relations/:id' },
      ],
      read: (org) => family(org, childId),
    });
    // Persons of another organization: neither their family nor a link to them.
    const mine = await createOrg(t.app);
    const theirs = await createOrg(t.app);
    const theirPerson = await person(theirs, { firstName: 'Theirs' });
    const myPerson = await person(mine, { firstName: 'Mine' });
    const res = [
      await mine.owner.request('GET', `/api/persons/${theirPerson.id}/family`),
      await mine.owner.request('POST', `/api/persons/${theirPerson.id}/relations`, {
        as: 'child',
        personId: myPerson.id,
      }),
    ];
    expect(res.map((r) => r.statusCode)).toEqual([404, 404]);
    const across = await mine.owner.request('POST', `/api/persons/${myPerson.id}/relations`, {
      as: 'child',
      personId: theirPerson.id,
    });
    expect(across.json().fieldCodes).toEqual({ personId: 'unknown_reference' });
    expect((await family(theirs, theirPerson.id)).guardians).toEqual([]);
  });
});
