import type { CustomField, ImportUnknownValues, Lookup, Person, Status } from '@spotter/contracts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contacts } from '../../schema.ts';
import { createOrg, createStaff, createTestApp, ok, type TestApp } from '../../../test/test-app.ts';
import { expectTenantIsolation } from '../../../test/tenant-isolation.ts';
import { allProblems, runImport, uploadCsv } from './imports.fixtures.ts';

describe('imports: bad cells, unknown values and every problem', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const personsOf = (orgId: string) =>
    t.database.db
      .select()
      .from(contacts)
      .where(and(eq(contacts.orgId, orgId), eq(contacts.kind, 'person')));

  const file =
    '\uFEFFFörnamn;Efternamn;Telefon;E-post;Födelsedatum;Anteckning\r\n' +
    'Åsa;Berg;070-111 22 33;åsa.berg@exempel.se;1990-01-02;\r\n' +
    'Oksana;Ivanova;;оксана@пример.рф;;"rad ett\r\nrad två"\r\n' +
    'Erik;Lund;0701234567;not-an-email;31.02.1990;\r\n' +
    ';;;broken@;;\r\n' +
    'Nils;;abc;;;\r\n';

  it('imports a row without its bad cells, reporting each as a warning by record and line', async () => {
    const org = await createOrg(t.app);
    const imp = await uploadCsv(org.owner, file);
    const dry = await runImport(org.owner, imp, { dryRun: true });
    expect(dry).toMatchObject({ status: 'validated', created: 4, failed: 1, warned: 2 });
    expect((await personsOf(org.orgId)).length).toBe(0);

    const { items } = await allProblems(org.owner, imp.id);
    expect(dry.errorCount).toBe(items.length);
    expect(items.map((p) => [p.record, p.line, p.column, p.severity, p.code, p.value])).toEqual([
      [3, 5, 'E-post', 'warning', 'invalid_email', 'not-an-email'],
      [3, 5, 'Födelsedatum', 'warning', 'invalid_date', '31.02.1990'],
      [4, 6, 'E-post', 'error', 'invalid_email', 'broken@'],
      [4, 6, null, 'error', 'no_identity', null],
      [5, 7, 'Telefon', 'warning', 'invalid_phone', 'abc'],
    ]);

    const done = await runImport(org.owner, imp);
    expect(done).toMatchObject({ status: 'done', created: 4, failed: 1, warned: 2 });
    const rows = await personsOf(org.orgId);
    const by = (name: string) => rows.find((r) => r.firstName === name)!;
    expect(by('Åsa').emailKeys).toEqual(['åsa.berg@exempel.se']);
    expect(by('Oksana')).toMatchObject({
      emailKeys: ['оксана@пример.рф'],
      note: 'rad ett\r\nrad två',
    });
    expect(by('Erik')).toMatchObject({
      emailKeys: [],
      birthDate: null,
      phoneKeys: ['+46701234567'],
    });
    expect(by('Nils').phoneKeys).toEqual([]);
    expect(rows).toHaveLength(4);
  });

  it('with "skip rows with any problem", a warning leaves its row out', async () => {
    const org = await createOrg(t.app);
    const imp = await uploadCsv(org.owner, file);
    const done = await runImport(org.owner, imp, { skipOnProblem: true });
    expect(done).toMatchObject({ skipOnProblem: true, created: 2, failed: 3, warned: 0 });
    const { items } = await allProblems(org.owner, imp.id);
    expect(new Set(items.map((p) => p.severity))).toEqual(new Set(['error']));
    expect((await personsOf(org.orgId)).map((r) => r.firstName).sort()).toEqual(['Oksana', 'Åsa']);
  });

  it('lists unknown values per column, and imports them mapped, created or left empty', async () => {
    const org = await createOrg(t.app);
    const level = await ok<CustomField>(org.owner, 'POST', '/api/settings/custom-fields', {
      entity: 'person',
      name: 'Level',
      type: 'dropdown',
      options: [{ name: 'Beginner' }],
    });
    const statuses = (
      await ok<{ items: Status[] }>(org.owner, 'GET', '/api/settings/statuses?entity=person')
    ).items;
    const customer = statuses.find((s) => s.name === 'Customer')!;
    const csv = [
      'Name,Status,Level,Responsible,Categories',
      'Anna Berg,Medlem,Expert,Nobody Known,Junior',
      'Erik Lund,medlem,beginner,,Junior; Senior',
      'Sara Holm,Prospekt,Expert,,',
      'Olle Ek,Avslutad,,,',
      'Maja Nord,Customer,,,',
    ].join('\n');
    const imp = await uploadCsv(org.owner, csv);
    const mapping = { ...imp.mapping, Level: `cf:${level.id}`, Responsible: 'responsible' };
    const res = await org.owner.request('POST', `/api/imports/${imp.id}/unknown-values`, {
      mapping,
    });
    expect(res.statusCode, res.body).toBe(200);
    const unknown = res.json<ImportUnknownValues>();
    const col = (name: string) => unknown.columns.find((c) => c.column === name)!;
    expect(unknown.columns.map((c) => c.column)).toEqual([
      'Status',
      'Level',
      'Responsible',
      'Categories',
    ]);
    expect(col('Status')).toMatchObject({
      kind: 'status',
      canCreate: true,
      truncated: false,
      values: [
        { value: 'Medlem', rows: 2 },
        { value: 'Avslutad', rows: 1 },
        { value: 'Prospekt', rows: 1 },
      ],
    });
    expect(col('Status').options.map((o) => o.name)).toContain('Customer');
    expect(col('Level').values).toEqual([{ value: 'Expert', rows: 2 }]);
    expect(col('Responsible')).toMatchObject({ kind: 'staff', canCreate: false });
    expect(col('Responsible').options.map((o) => o.id)).toContain(org.ownerId);
    expect(col('Categories').values).toEqual([
      { value: 'Junior', rows: 2 },
      { value: 'Senior', rows: 1 },
    ]);

    // Without answers, the values are warnings and the persons still arrive (dry run).
    const plain = await runImport(org.owner, { ...imp, mapping }, { dryRun: true });
    expect(plain).toMatchObject({ created: 5, failed: 0, warned: 4 });

    const valueMap = {
      Status: {
        Medlem: { action: 'create' },
        Prospekt: { action: 'map', id: customer.id },
        Avslutad: { action: 'empty' },
      },
      Level: { Expert: { action: 'create' } },
      Responsible: { 'Nobody Known': { action: 'map', id: org.ownerId } },
      Categories: { Junior: { action: 'create' }, Senior: { action: 'empty' } },
    };
    // Staff are never created by an import; a reception user may not create statuses.
    const staffCreate = await org.owner.request('POST', `/api/imports/${imp.id}/run`, {
      mapping,
      dryRun: true,
      valueMap: { ...valueMap, Responsible: { 'Nobody Known': { action: 'create' } } },
    });
    expect(staffCreate.statusCode).toBe(400);
    expect(staffCreate.json().fieldCodes).toEqual({
      'valueMap.Responsible.Nobody Known': 'not_allowed',
    });
    const reception = await createStaff(t.app, org, 'reception');
    const denied = await reception.client.request('POST', `/api/imports/${imp.id}/run`, {
      mapping,
      valueMap,
    });
    expect(denied.statusCode).toBe(400);
    expect(Object.values(denied.json().fieldCodes as object)).toEqual([
      'not_allowed',
      'not_allowed',
      'not_allowed',
    ]);
    const badId = await org.owner.request('POST', `/api/imports/${imp.id}/run`, {
      mapping,
      valueMap: { Status: { Medlem: { action: 'map', id: level.id } } },
    });
    expect(badId.json().fieldCodes).toEqual({ 'valueMap.Status.Medlem': 'unknown_reference' });

    const dry = await runImport(org.owner, { ...imp, mapping }, { dryRun: true, valueMap });
    expect(dry).toMatchObject({ created: 5, failed: 0, warned: 0, errorCount: 0 });
    const namesNow = (
      await ok<{ items: Status[] }>(org.owner, 'GET', '/api/settings/statuses?entity=person')
    ).items.map((s) => s.name);
    expect(namesNow).not.toContain('Medlem');

    const done = await runImport(org.owner, { ...imp, mapping }, { valueMap });
    expect(done).toMatchObject({ status: 'done', created: 5, warned: 0 });
    const medlem = (
      await ok<{ items: Status[] }>(org.owner, 'GET', '/api/settings/statuses?entity=person')
    ).items.find((s) => s.name === 'Medlem')!;
    expect(medlem).toBeDefined();
    expect(Object.values(done.valueMap.Status!)).not.toContainEqual({ action: 'create' });
    const junior = (
      await ok<{ items: Lookup[] }>(org.owner, 'GET', '/api/settings/categories')
    ).items.find((c) => c.name === 'Junior')!;
    const fields = await ok<{ items: CustomField[] }>(
      org.owner,
      'GET',
      '/api/settings/custom-fields?entity=person',
    );
    const expert = fields.items
      .find((f) => f.id === level.id)!
      .options.find((o) => o.name === 'Expert')!;
    const rows = await personsOf(org.orgId);
    const by = (name: string) => rows.find((r) => r.firstName === name)!;
    expect(by('Anna')).toMatchObject({
      statusId: medlem.id,
      responsibleId: org.ownerId,
      categoryIds: [junior.id],
      custom: { [level.id]: expert.id },
    });
    expect(by('Erik')).toMatchObject({
      statusId: medlem.id,
      categoryIds: [junior.id],
      custom: { [level.id]: level.options[0]!.id },
    });
    expect(by('Sara').statusId).toBe(customer.id);
    expect(by('Olle').statusId).toBeNull();
  });

  it('stores every problem, pages them all and names the contact a duplicate matched', async () => {
    const org = await createOrg(t.app);
    const existing = await ok<{ person: Person }>(org.owner, 'POST', '/api/persons', {
      firstName: 'Karin',
      lastName: 'Ek',
      phones: [{ number: '0709999999' }],
    });
    const lines = ['Name,Phone,Email'];
    for (let i = 0; i < 1500; i++) {
      lines.push(`Member ${i},,bad-${i}@`);
    }
    lines.push('Karin Again,070-999 99 99,');
    lines.push('Twin One,0708888888,');
    lines.push('Twin Two,+46708888888,');
    const imp = await uploadCsv(org.owner, lines.join('\n'));
    const dry = await runImport(org.owner, imp, { dryRun: true });
    expect(dry).toMatchObject({ created: 1501, skipped: 2, warned: 1500, errorCount: 1502 });

    const { items, pages } = await allProblems(org.owner, imp.id);
    expect(pages).toBe(4);
    expect(items).toHaveLength(1502);
    expect(items.map((p) => p.n)).toEqual(items.map((_, i) => i + 1));
    expect(items[0]).toMatchObject({ record: 1, line: 2, column: 'Email', value: 'bad-0@' });
    expect(items[1499]).toMatchObject({ record: 1500, line: 1501 });
    expect(items.slice(1500)).toMatchObject([
      {
        record: 1501,
        severity: 'duplicate',
        code: 'duplicate_skipped',
        matchId: existing.person.id,
        matchName: 'Karin Ek',
      },
      // In a dry run the first twin is not created: the match is its record in the file.
      { record: 1503, code: 'duplicate_skipped', matchId: null, params: { record: '1502' } },
    ]);
    const dupes = await allProblems(org.owner, imp.id, 'severity=duplicate&limit=1');
    expect(dupes.items.map((p) => p.record)).toEqual([1501, 1503]);

    // A new run replaces the list; the real run names the twin it created.
    const done = await runImport(org.owner, imp);
    const after = await allProblems(org.owner, imp.id, 'severity=duplicate');
    expect(done).toMatchObject({ errorCount: 1502, created: 1501 });
    const twin = (await personsOf(org.orgId)).find((r) => r.firstName === 'Twin')!;
    expect(after.items[1]).toMatchObject({ matchId: twin.id, matchName: 'Twin One' });
  });

  it('keeps problems and unknown values from another organization', async () => {
    await expectTenantIsolation(t.app, {
      create: async (org) => (await uploadCsv(org.owner, 'Phone,Status\n0701234567,Gold\n')).id,
      routes: [
        { method: 'GET', path: '/api/imports/:id/problems' },
        {
          method: 'POST',
          path: '/api/imports/:id/unknown-values',
          body: { mapping: { Phone: 'phone', Status: 'status' } },
        },
      ],
      lists: ['/api/imports'],
      read: async (org, id) => (await org.owner.request('GET', `/api/imports/${id}`)).json(),
    });
  });
});
