import type { CustomField } from '@spotter/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createTestApp, type TestApp, type TestOrg } from '../../../test/test-app.ts';
import { expectTenantIsolation } from '../../../test/tenant-isolation.ts';
import { AppError } from '../../lib/errors.ts';
import { loadCustomFields, validateCustomValues } from './index.ts';
import { insertContact, readContact } from './test-contacts.ts';

type List<T> = { items: T[] };

async function addField(org: TestOrg, body: Record<string, unknown>) {
  const res = await org.owner.request('POST', '/api/settings/custom-fields', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<CustomField>();
}

async function rejection(work: Promise<unknown>) {
  const err = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('custom fields (C-7)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('creates fields of all five types, lists them per entity in order', async () => {
    const org = await createOrg(t.app);
    for (const type of ['text', 'money', 'date', 'number', 'dropdown']) {
      await addField(org, { entity: 'person', name: `F ${type}`, type });
    }
    await addField(org, { entity: 'company', name: 'Employees', type: 'number' });
    const persons = (
      await org.owner.request('GET', '/api/settings/custom-fields?entity=person')
    ).json<List<CustomField>>();
    expect(persons.items.map((f) => [f.type, f.position])).toEqual([
      ['text', 0],
      ['money', 1],
      ['date', 2],
      ['number', 3],
      ['dropdown', 4],
    ]);
    const dup = await org.owner.request('POST', '/api/settings/custom-fields', {
      entity: 'person',
      name: 'f TEXT',
      type: 'text',
    });
    expect(dup.statusCode).toBe(409);
    const options = await org.owner.request('POST', '/api/settings/custom-fields', {
      entity: 'person',
      name: 'Plain',
      type: 'text',
      options: [{ name: 'A' }],
    });
    expect(options.statusCode).toBe(400);
    expect(options.json().fields).toHaveProperty('options');
    const badType = await org.owner.request('POST', '/api/settings/custom-fields', {
      entity: 'person',
      name: 'Bool',
      type: 'checkbox',
    });
    expect(badType.statusCode).toBe(400);
  });

  it('keeps dropdown option ids across updates and never changes the type', async () => {
    const org = await createOrg(t.app);
    const level = await addField(org, {
      entity: 'person',
      name: 'Level',
      type: 'dropdown',
      options: [
        { name: 'Gold', abbreviation: 'G', color: '#000000', background: '#FFD700' },
        { name: 'Silver' },
      ],
    });
    const [gold, silver] = level.options;
    expect(gold).toMatchObject({ name: 'Gold', abbreviation: 'G', background: '#ffd700' });
    const customer = await insertContact(t.database.db, org.orgId, {
      custom: { [level.id]: silver!.id },
    });
    const updated = await org.owner.request('PATCH', `/api/settings/custom-fields/${level.id}`, {
      options: [{ id: gold!.id, name: 'Gold+' }, { name: 'Bronze' }],
    });
    expect(updated.statusCode).toBe(200);
    const opts = updated.json<CustomField>().options;
    expect(opts[0]).toMatchObject({ id: gold!.id, name: 'Gold+' });
    expect(opts[1]!.id).not.toBe(silver!.id);
    expect(opts[1]!.id).toMatch(/^[0-9a-f-]{36}$/);
    // The removed option's value would point nowhere: it is gone from the contact.
    expect((await readContact(t.database.db, customer.id)).custom).toEqual({});

    const unknown = await org.owner.request('PATCH', `/api/settings/custom-fields/${level.id}`, {
      options: [{ id: silver!.id, name: 'Silver' }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields).toHaveProperty('options.0.id');
    const twice = await org.owner.request('PATCH', `/api/settings/custom-fields/${level.id}`, {
      options: [{ name: 'A' }, { name: 'a' }],
    });
    expect(twice.json().fields).toHaveProperty('options.1.name');
    const retype = await org.owner.request('PATCH', `/api/settings/custom-fields/${level.id}`, {
      type: 'text',
    });
    expect(retype.statusCode).toBe(400);
    expect(retype.json().fields).toHaveProperty('type');
  });

  it('archives a field: it leaves forms but keeps its values', async () => {
    const org = await createOrg(t.app);
    const f = await addField(org, { entity: 'company', name: 'Old', type: 'text' });
    await org.owner.request('PATCH', `/api/settings/custom-fields/${f.id}`, { archived: true });
    expect(await loadCustomFields(t.database.db, org.orgId, 'company')).toEqual([]);
    const all = (
      await org.owner.request('GET', '/api/settings/custom-fields?includeArchived=true')
    ).json<List<CustomField>>();
    expect(all.items[0]).toMatchObject({ id: f.id, archived: true });
  });

  it('deletes a field and its values from every contact', async () => {
    const org = await createOrg(t.app);
    const a = await addField(org, { entity: 'person', name: 'A', type: 'text' });
    const b = await addField(org, { entity: 'person', name: 'B', type: 'number' });
    const c = await insertContact(t.database.db, org.orgId, {
      custom: { [a.id]: 'x', [b.id]: 3 },
      deletedAt: new Date(),
    });
    expect(
      (await org.owner.request('DELETE', `/api/settings/custom-fields/${a.id}`)).statusCode,
    ).toBe(204);
    expect((await readContact(t.database.db, c.id)).custom).toEqual({ [b.id]: 3 });
    expect(
      (await org.owner.request('DELETE', `/api/settings/custom-fields/${a.id}`)).statusCode,
    ).toBe(404);
  });

  it('checks values against each type and names the field when one is wrong', async () => {
    const org = await createOrg(t.app);
    const db = t.database.db;
    const text = await addField(org, { entity: 'person', name: 'Notes', type: 'text' });
    const money = await addField(org, { entity: 'person', name: 'Fee', type: 'money' });
    const date = await addField(org, { entity: 'person', name: 'Membership end', type: 'date' });
    const num = await addField(org, { entity: 'person', name: 'Visits', type: 'number' });
    const dd = await addField(org, {
      entity: 'person',
      name: 'Level',
      type: 'dropdown',
      options: [{ name: 'Gold' }],
    });
    const companyField = await addField(org, { entity: 'company', name: 'Size', type: 'number' });
    const ok = await validateCustomValues(db, org.orgId, 'person', {
      [text.id]: ' hi ',
      [money.id]: 10.129,
      [date.id]: '2025-12-31',
      [num.id]: '7',
      [dd.id]: dd.options[0]!.id,
    });
    expect(ok).toEqual({
      [text.id]: 'hi',
      [money.id]: 10.13,
      [date.id]: '2025-12-31',
      [num.id]: 7,
      [dd.id]: dd.options[0]!.id,
    });
    const wrong: Array<[string, unknown, string]> = [
      [date.id, '31/12/2025', 'Membership end: expected a date (YYYY-MM-DD)'],
      [money.id, 'ten', 'Fee: expected an amount'],
      [num.id, [1], 'Visits: expected a number'],
      [dd.id, 'Platinum', 'Level: expected one of its options'],
      [text.id, { x: 1 }, 'Notes: expected text'],
      [companyField.id, 3, 'Unknown custom field'],
    ];
    for (const [id, value, message] of wrong) {
      const err = await rejection(validateCustomValues(db, org.orgId, 'person', { [id]: value }));
      expect(err.status).toBe(400);
      expect(err.toBody().fields).toEqual({ [`custom.${id}`]: message });
    }
    const prefixed = await rejection(
      validateCustomValues(db, org.orgId, 'person', { [num.id]: 'x' }, { prefix: 'rows.2' }),
    );
    expect(Object.keys(prefixed.fields ?? {})).toEqual([`rows.2.${num.id}`]);
    const other = await createOrg(t.app);
    await rejection(validateCustomValues(db, other.orgId, 'person', { [num.id]: 1 }));
  });

  it('is invisible and unchangeable for another organization', async () => {
    await expectTenantIsolation(t.app, {
      create: async (org) =>
        (await addField(org, { entity: 'person', name: 'Theirs', type: 'dropdown' })).id,
      routes: [
        { method: 'PATCH', path: '/api/settings/custom-fields/:id', body: { name: 'Mine' } },
        { method: 'PATCH', path: '/api/settings/custom-fields/:id', body: { options: [] } },
        { method: 'DELETE', path: '/api/settings/custom-fields/:id' },
      ],
      lists: ['/api/settings/custom-fields?includeArchived=true'],
      read: async (org) =>
        (await org.owner.request('GET', '/api/settings/custom-fields?includeArchived=true')).json(),
    });
  });
});
