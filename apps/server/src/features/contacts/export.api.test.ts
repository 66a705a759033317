import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createTestApp, type TestApp } from '../../../test/test-app.ts';
import { generatePersons, insertContacts } from './contacts-list.fixtures.ts';
import { addDropdown, addPerson, addTag, personStatuses } from './contacts-list.test-setup.ts';

const parse = (body: string) => Papa.parse<string[]>(body.replace(/^\uFEFF/, '').trim()).data;

describe('export (C-14)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('exports the filtered, sorted list with chosen columns, names for ids, formulas neutralized', async () => {
    const org = await createOrg(t.app);
    const [status] = await personStatuses(org);
    const tag = await addTag(org, 'Yoga');
    const field = await addDropdown(org, 'Membership', ['Gold', 'Silver']);
    await addPerson(org.owner, {
      firstName: '=cmd()',
      lastName: 'Evil',
      note: '=HYPERLINK("http://x")',
      tagIds: [tag.id],
      statusId: status!.id,
      custom: { [field.id]: field.options[1]!.id },
    });
    await addPerson(org.owner, {
      firstName: 'Anna',
      phones: [{ number: '070-123 45 67' }],
      emails: [{ email: 'anna@example.se' }],
      tagIds: [tag.id],
      statusId: status!.id,
      responsibleId: org.ownerId,
      note: '@SUM(1)',
      custom: { [field.id]: field.options[0]!.id },
    });
    await addPerson(org.owner, { firstName: 'Untagged', note: '-1+2' });

    const res = await org.owner.request(
      'GET',
      `/api/persons/export?tagId=${tag.id}&sort=createdAt`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="persons-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const rows = parse(res.body);
    expect(rows[0]).toEqual(['Name', 'Phone', 'Email', 'Status', 'Responsible', 'Tags', 'Created']);
    expect(rows.slice(1).map((r) => r.slice(0, 6))).toEqual([
      ["'=cmd() Evil", '', '', status!.name, '', 'Yoga'],
      ['Anna', "'+46701234567", 'anna@example.se', status!.name, 'Owner Olsson', 'Yoga'],
    ]);
    expect(rows[1]![6]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

    const chosen = await org.owner.request(
      'GET',
      `/api/persons/export?columns=note,cf:${field.id},firstName&sort=name`,
    );
    expect(parse(chosen.body)).toEqual([
      ['Note', 'Membership', 'First name'],
      ['\'=HYPERLINK("http://x")', 'Silver', "'=cmd()"],
      ["'@SUM(1)", 'Gold', 'Anna'],
      ["'-1+2", '', 'Untagged'],
    ]);

    const xlsx = await org.owner.request('GET', `/api/persons/export?format=xlsx&tagId=${tag.id}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    expect(xlsx.headers['content-disposition']).toMatch(/\.xlsx"$/);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    for (const q of [
      'columns=password',
      'columns=orgNumber',
      'columns=cf:00000000-0000-4000-8000-000000000000',
      'format=pdf',
      'sort=nope',
    ]) {
      const bad = await org.owner.request('GET', `/api/persons/export?${q}`);
      expect(bad.statusCode, q).toBe(400);
    }
    const companies = await org.owner.request(
      'GET',
      '/api/companies/export?columns=name,orgNumber',
    );
    expect(parse(companies.body)).toEqual([['Name', 'Organization number']]);
  });

  it('answers 400 naming an unknown column, even one named like an object property', async () => {
    const org = await createOrg(t.app);
    for (const column of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'nope']) {
      const bad = await org.owner.request('GET', `/api/persons/export?columns=name,${column}`);
      expect(bad.statusCode, column).toBe(400);
      expect(bad.json(), column).toMatchObject({
        code: 'validation',
        fields: { columns: `Unknown column ${column}` },
        fieldCodes: { columns: 'unknown_reference' },
        fieldParams: { columns: { column } },
      });
    }
  });

  it('pages through a long list: every row once, in order', async () => {
    const org = await createOrg(t.app);
    await insertContacts(t.database.db, generatePersons(2_345, 0, { orgId: org.orgId }));
    const res = await org.owner.request(
      'GET',
      '/api/persons/export?columns=email,name&sort=createdAt',
    );
    const rows = parse(res.body).slice(1);
    expect(rows).toHaveLength(2_345);
    expect(new Set(rows.map((r) => r[0])).size).toBe(2_345);
    expect(rows[0]![0]).toMatch(/\.0@/);
    expect(rows[2_344]![0]).toMatch(/\.2344@/);
  }, 60_000);
});
