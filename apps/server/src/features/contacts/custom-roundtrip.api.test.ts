import Papa from 'papaparse';
import type { CustomField, Import, Person } from '@spotter/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createTestApp, type Client, type TestApp } from '../../../test/test-app.ts';

/**
 * Issue 3, acceptance 3: custom fields of all five types can be defined, filled, filtered on,
 * exported and imported, and a wrong type is refused naming the field.
 */
async function field(client: Client, name: string, type: string, options: object[] = []) {
  const res = await client.request('POST', '/api/settings/custom-fields', {
    entity: 'person',
    name,
    type,
    options,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<CustomField>();
}

async function person(client: Client, firstName: string, custom: Record<string, unknown>) {
  const res = await client.request('POST', '/api/persons', { firstName, custom });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ person: Person }>().person;
}

async function names(client: Client, query: string) {
  const res = await client.request('GET', `/api/persons?sort=name&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Person[] }>().items.map((p) => p.firstName);
}

describe('custom fields of every type, end to end (C-7)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('are defined, filled, filtered on, exported and imported', async () => {
    const { owner } = await createOrg(t.app);
    const size = await field(owner, 'Shirt size', 'text');
    const fee = await field(owner, 'Fee', 'money');
    const ends = await field(owner, 'Membership ends', 'date');
    const level = await field(owner, 'Level', 'number');
    const tier = await field(owner, 'Membership', 'dropdown', [
      { name: 'Gold' },
      { name: 'Silver' },
    ]);
    const [gold, silver] = tier.options.map((o) => o.id) as [string, string];

    const ada = await person(owner, 'Ada', {
      [size.id]: 'M',
      [fee.id]: 499.5,
      [ends.id]: '2026-12-31',
      [level.id]: 3,
      [tier.id]: gold,
    });
    expect(ada.custom).toEqual({
      [size.id]: 'M',
      [fee.id]: 499.5,
      [ends.id]: '2026-12-31',
      [level.id]: 3,
      [tier.id]: gold,
    });
    await person(owner, 'Bea', {
      [size.id]: 'XL',
      [fee.id]: 1200,
      [ends.id]: '2025-06-30',
      [level.id]: 7,
      [tier.id]: silver,
    });

    // One filter per type, and all of them at once.
    expect(await names(owner, `cf=${size.id}:contains:m`)).toEqual(['Ada']);
    expect(await names(owner, `cf=${fee.id}:gte:1000`)).toEqual(['Bea']);
    expect(await names(owner, `cf=${ends.id}:lte:2026-01-01`)).toEqual(['Bea']);
    expect(await names(owner, `cf=${level.id}:lte:5`)).toEqual(['Ada']);
    expect(await names(owner, `cf=${tier.id}:eq:${silver}`)).toEqual(['Bea']);
    expect(
      await names(
        owner,
        `cf=${size.id}:contains:m&cf=${fee.id}:lte:500&cf=${ends.id}:gte:2026-12-31` +
          `&cf=${level.id}:gte:3&cf=${tier.id}:eq:${gold}`,
      ),
    ).toEqual(['Ada']);

    // Exported with the field names as headers and option names as values.
    const columns = ['name', ...[size, fee, ends, level, tier].map((f) => `cf:${f.id}`)];
    const csv = await owner.request('GET', `/api/persons/export?columns=${columns.join(',')}`);
    expect(csv.statusCode, csv.body).toBe(200);
    const rows = Papa.parse<string[]>(csv.body.replace(/^\uFEFF/, '')).data.filter(
      (r) => r.length > 1,
    );
    expect(rows[0]).toEqual([
      'Name',
      'Shirt size',
      'Fee',
      'Membership ends',
      'Level',
      'Membership',
    ]);
    const adaRow = rows.find((r) => r[0] === 'Ada')!;
    expect([adaRow[1], Number(adaRow[2]), adaRow[3], Number(adaRow[4]), adaRow[5]]).toEqual([
      'M',
      499.5,
      '2026-12-31',
      3,
      'Gold',
    ]);

    // Imported from a file with the same five columns.
    const file =
      'First name,Shirt size,Fee,Membership ends,Level,Membership\n' +
      'Cleo,S,250.75,2027-01-15,2,Silver\n';
    const up = await owner.request('POST', '/api/imports?kind=person&fileName=cf.csv', undefined, {
      payload: file,
      headers: { 'content-type': 'text/csv' },
    });
    expect(up.statusCode, up.body).toBe(201);
    const imp = up.json<Import>();
    const mapping = {
      'First name': 'firstName',
      'Shirt size': `cf:${size.id}`,
      Fee: `cf:${fee.id}`,
      'Membership ends': `cf:${ends.id}`,
      Level: `cf:${level.id}`,
      Membership: `cf:${tier.id}`,
    };
    const run = await owner.request('POST', `/api/imports/${imp.id}/run`, { mapping });
    expect(run.statusCode, run.body).toBe(202);
    let done: Import | undefined;
    for (let i = 0; i < 300 && !done; i++) {
      const cur = (await owner.request('GET', `/api/imports/${imp.id}`)).json<Import>();
      if (cur.status === 'done' || cur.status === 'failed') done = cur;
      else await new Promise((r) => setTimeout(r, 100));
    }
    expect(done).toMatchObject({ status: 'done', created: 1, failed: 0 });
    const list = await owner.request('GET', '/api/persons?search=cleo');
    const cleo = list.json<{ items: Person[] }>().items[0]!;
    expect(cleo.custom).toEqual({
      [size.id]: 'S',
      [fee.id]: 250.75,
      [ends.id]: '2027-01-15',
      [level.id]: 2,
      [tier.id]: silver,
    });
  });

  it('refuses a value of the wrong type with 400 naming the field', async () => {
    const { owner } = await createOrg(t.app);
    const fee = await field(owner, 'Fee', 'money');
    const ends = await field(owner, 'Membership ends', 'date');
    for (const [f, value] of [
      [fee, 'a lot'],
      [ends, '31/12/2026'],
    ] as const) {
      const res = await owner.request('POST', '/api/persons', {
        firstName: 'Dag',
        custom: { [f.id]: value },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().fields[`custom.${f.id}`]).toContain(f.name);
    }
  });
});
