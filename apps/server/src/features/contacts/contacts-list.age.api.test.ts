import type { Person } from '@spotter/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createTestApp, ok, type TestApp } from '../../../test/test-app.ts';

/**
 * The persons list's age filters (issue 17) on the club's clock: the clock is pinned around
 * an 18th birthday in Stockholm, where the date turns two hours before it does in UTC.
 */
describe('persons list: age filters on the club clock', () => {
  const clock = { now: new Date('2026-06-14T22:30:00Z') };
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: () => clock.now });
  });
  afterAll(() => t.close());

  it('counts whole years in the club timezone; persons without a birth date never match', async () => {
    const org = await createOrg(t.app, { timezone: 'Europe/Stockholm' });
    const people = [
      { firstName: 'Adult today', birthDate: '2008-06-15' },
      { firstName: 'Adult tomorrow', birthDate: '2008-06-16' },
      { firstName: 'No birth date' },
      { firstName: 'Ten', birthDate: '2016-01-01' },
    ];
    for (const body of people) await ok(org.owner, 'POST', '/api/persons', body);
    const names = async (query: string) =>
      (await ok<{ items: Person[] }>(org.owner, 'GET', `/api/persons?${query}`)).items.map(
        (p) => p.firstName,
      );

    // 22:30 UTC on the 14th is already the 15th in Stockholm: the birthday has come.
    expect(await names('minor=true')).toEqual(['Adult tomorrow', 'Ten']);
    expect(await names('minor=false')).toEqual(['Adult today']);
    expect(await names('ageFrom=18')).toEqual(['Adult today']);
    expect(await names('ageTo=17')).toEqual(['Adult tomorrow', 'Ten']);
    expect(await names('ageFrom=17&ageTo=17')).toEqual(['Adult tomorrow']);
    expect(await names('ageFrom=10&ageTo=10&minor=true')).toEqual(['Ten']);
    expect(await names('ageFrom=0')).not.toContain('No birth date');
    const listed = await ok<{ items: Person[] }>(org.owner, 'GET', '/api/persons?ageFrom=18');
    expect(listed.items[0]).toMatchObject({ age: 18, minor: false });

    // An hour earlier it is still the 14th there: not 18 yet.
    clock.now = new Date('2026-06-14T21:30:00Z');
    expect(await names('minor=true')).toEqual(['Adult today', 'Adult tomorrow', 'Ten']);
    expect(await names('ageFrom=18')).toEqual([]);

    const bad = await org.owner.request('GET', '/api/persons?ageFrom=12&ageTo=10');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fieldCodes).toEqual({ ageTo: 'too_small' });
  });

  it('follows the adult age of the CRM settings', async () => {
    clock.now = new Date('2026-06-14T22:30:00Z');
    const org = await createOrg(t.app, { timezone: 'Europe/Stockholm' });
    await ok(org.owner, 'POST', '/api/persons', { firstName: 'Sixteen', birthDate: '2010-01-01' });
    const minors = async () =>
      (await ok<{ items: Person[] }>(org.owner, 'GET', '/api/persons?minor=true')).items.length;
    expect(await minors()).toBe(1);
    const settings = await ok<{ version: number }>(org.owner, 'GET', '/api/settings/crm');
    await ok(org.owner, 'PATCH', '/api/settings/crm', { adultAge: 16, version: settings.version });
    expect(await minors()).toBe(0);
  });
});
