import type { Family, FamilyRelation, HistoryEntry, Person } from '@spotter/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrg,
  createTestApp,
  ok,
  type TestApp,
  type TestOrg,
} from '../../../test/test-app.ts';

/** Families under export, erasure and merge (issue 17 with C-16 and C-13). */
const person = async (org: TestOrg, body: object) =>
  (await ok<{ person: Person }>(org.owner, 'POST', '/api/persons', body)).person;

const link = async (org: TestOrg, guardianId: string, childId: string, extra: object = {}) =>
  (
    await ok<{ relation: FamilyRelation }>(org.owner, 'POST', `/api/persons/${childId}/relations`, {
      as: 'guardian',
      personId: guardianId,
      ...extra,
    })
  ).relation;

const family = (org: TestOrg, id: string) =>
  ok<Family>(org.owner, 'GET', `/api/persons/${id}/family`);

const history = async (org: TestOrg, id: string) =>
  (await ok<{ items: HistoryEntry[] }>(org.owner, 'GET', `/api/persons/${id}/history?limit=100`))
    .items;

describe('families and privacy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("exports a minor's family and which guardian gave each consent, when and where", async () => {
    const org = await createOrg(t.app);
    const kid = await person(org, { firstName: 'Kid', birthDate: '2016-02-02' });
    const mum = await person(org, { firstName: 'Mum', phones: [{ number: '0701234567' }] });
    await link(org, mum.id, kid.id);
    await ok(org.owner, 'PATCH', `/api/persons/${kid.id}`, {
      version: 1,
      consentSms: { granted: true, source: 'signup form', byId: mum.id },
    });
    const data = await ok<{ person: Person; family: Family }>(
      org.owner,
      'GET',
      `/api/persons/${kid.id}/export`,
    );
    expect(data.person.minor).toBe(true);
    expect(data.person.consentSms).toMatchObject({
      granted: true,
      source: 'signup form',
      by: { id: mum.id, name: 'Mum' },
    });
    expect(data.person.consentSms.at).not.toBeNull();
    expect(data.family.guardians).toMatchObject([
      { primary: true, person: { id: mum.id, displayName: 'Mum', phone: '+46701234567' } },
    ]);
    const mums = await ok<{ family: Family }>(org.owner, 'GET', `/api/persons/${mum.id}/export`);
    expect(mums.family.children.map((c) => c.person.id)).toEqual([kid.id]);
  });

  it('erasing a guardian removes their links; the children stay, told, without their name', async () => {
    const org = await createOrg(t.app);
    const kid = await person(org, { firstName: 'Kid', birthDate: '2016-02-02' });
    const sister = await person(org, { firstName: 'Sister', birthDate: '2014-02-02' });
    const mum = await person(org, { firstName: 'Margareta', lastName: 'Secret' });
    const dad = await person(org, { firstName: 'Dad' });
    await link(org, mum.id, kid.id);
    await link(org, dad.id, kid.id);
    await link(org, mum.id, sister.id);

    await ok(org.owner, 'POST', `/api/persons/${mum.id}/erase`, { reason: 'asked' });
    // Dad, the oldest remaining guardian, is the kid's primary one now.
    expect((await family(org, kid.id)).guardians.map((g) => [g.person.id, g.primary])).toEqual([
      [dad.id, true],
    ]);
    expect((await family(org, sister.id)).guardians).toEqual([]);
    const kids = await history(org, kid.id);
    expect(kids[0]).toMatchObject({
      event: 'relation_removed',
      data: { personId: mum.id, as: 'guardian' },
    });
    expect(JSON.stringify(kids)).not.toContain('Secret');
    expect(JSON.stringify(await history(org, sister.id))).not.toContain('Margareta');

    // Erasing a child removes theirs too.
    await ok(org.owner, 'POST', `/api/persons/${kid.id}/erase`, {});
    expect((await family(org, dad.id)).children).toEqual([]);
    expect((await history(org, dad.id))[0]).toMatchObject({
      event: 'relation_removed',
      data: { personId: kid.id, as: 'child', personName: '–' },
    });
  });

  it('a merge moves the links to the person who stays: no duplicates, no self link, one primary', async () => {
    const org = await createOrg(t.app);
    const target = await person(org, { firstName: 'Anna', birthDate: '2015-01-01' });
    const source = await person(org, { firstName: 'Anna (twice)' });
    const mum = await person(org, { firstName: 'Mum' });
    const dad = await person(org, { firstName: 'Dad' });
    const aunt = await person(org, { firstName: 'Aunt' });
    const ownChild = await person(org, { firstName: 'Own child' });
    await link(org, mum.id, target.id); // the target's primary
    await link(org, mum.id, source.id); // the same guardian twice: dropped
    await link(org, dad.id, source.id); // the source's primary: joins, not primary
    await link(org, source.id, target.id); // between the two: dropped
    await link(org, source.id, ownChild.id); // the source as guardian: moves
    await link(org, aunt.id, ownChild.id);

    const res = await org.owner.request('POST', '/api/persons/merge', {
      targetId: target.id,
      sourceId: source.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    const merged = await family(org, target.id);
    expect(merged.guardians.map((g) => [g.person.displayName, g.primary])).toEqual([
      ['Mum', true],
      ['Dad', false],
    ]);
    expect(merged.children.map((c) => [c.person.id, c.primary])).toEqual([[ownChild.id, true]]);
    expect((await family(org, ownChild.id)).guardians.filter((g) => g.primary)).toHaveLength(1);
  });
  it('a guardian in the trash is no primary; purged, the next guardian becomes it', async () => {
    const org = await createOrg(t.app);
    const kid = await person(org, { firstName: 'Kid', birthDate: '2016-02-02' });
    const mum = await person(org, { firstName: 'Mum' });
    const dad = await person(org, { firstName: 'Dad' });
    await link(org, mum.id, kid.id);
    await link(org, dad.id, kid.id);
    expect((await org.owner.request('DELETE', `/api/persons/${mum.id}`)).statusCode).toBe(204);
    expect((await ok<Person>(org.owner, 'GET', `/api/persons/${kid.id}`)).guardian).toBeNull();
    expect((await org.owner.request('DELETE', `/api/trash/${mum.id}`)).statusCode).toBe(204);
    expect((await family(org, kid.id)).guardians.map((g) => [g.person.id, g.primary])).toEqual([
      [dad.id, true],
    ]);
    expect((await ok<Person>(org.owner, 'GET', `/api/persons/${kid.id}`)).guardian?.id).toBe(
      dad.id,
    );
  });
});
