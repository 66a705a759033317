import type { Company, Person } from '@spotter/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createStaff, createTestApp, type TestApp } from '../../../test/test-app.ts';

describe('concurrent edits (X-5)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('gives the second save of the same version a 409 with the current version', async () => {
    const org = await createOrg(t.app);
    const sales = await createStaff(t.app, org, 'sales');
    const { person } = (
      await org.owner.request('POST', '/api/persons', { firstName: 'Shared' })
    ).json<{ person: Person }>();

    const first = await org.owner.request('PATCH', `/api/persons/${person.id}`, {
      version: person.version,
      lastName: 'From owner',
    });
    expect(first.statusCode).toBe(200);
    const second = await sales.client.request('PATCH', `/api/persons/${person.id}`, {
      version: person.version,
      lastName: 'From sales',
    });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'version_conflict' });
    expect(second.json().message).toContain(`current version ${person.version + 1}`);
    const now = (await org.owner.request('GET', `/api/persons/${person.id}`)).json<Person>();
    expect(now.lastName).toBe('From owner');

    const forced = await sales.client.request('PATCH', `/api/persons/${person.id}`, {
      version: person.version,
      lastName: 'From sales',
      force: true,
    });
    expect(forced.statusCode).toBe(200);
    expect(forced.json<Person>()).toMatchObject({
      lastName: 'From sales',
      version: person.version + 2,
    });
  });

  it('lets exactly one of two simultaneous saves win', async () => {
    const org = await createOrg(t.app);
    const { company } = (
      await org.owner.request('POST', '/api/companies', { name: 'Race AB' })
    ).json<{ company: Company }>();
    const results = await Promise.all(
      ['One AB', 'Two AB', 'Three AB'].map((name) =>
        org.owner.request('PATCH', `/api/companies/${company.id}`, {
          version: company.version,
          name,
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409, 409]);
    const winner = results.find((r) => r.statusCode === 200)!.json<Company>();
    const now = (await org.owner.request('GET', `/api/companies/${company.id}`)).json<Company>();
    expect(now).toMatchObject({ name: winner.name, version: company.version + 1 });
  });
});
