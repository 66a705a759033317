import type { ImportTargets } from '@spotter/contracts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactHistory, contacts, lookups, personRelations } from '../../schema.ts';
import { createOrg, createTestApp, type TestApp } from '../../../test/test-app.ts';
import { allProblems, runImport, uploadCsv } from './imports.fixtures.ts';

/** Issue 17, acceptance 3: guardian columns beside the child's. */
describe('import of children with their guardians', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const personsOf = async (orgId: string) => {
    const rows = await t.database.db.select().from(contacts).where(eq(contacts.orgId, orgId));
    return new Map(rows.map((r) => [r.displayName, r]));
  };
  const relationsOf = (orgId: string) =>
    t.database.db
      .select({
        guardianId: personRelations.guardianId,
        childId: personRelations.childId,
        roleId: personRelations.roleId,
        primary: personRelations.isPrimary,
      })
      .from(personRelations)
      .where(eq(personRelations.orgId, orgId));
  const roleIds = async (orgId: string) => {
    const rows = await t.database.db
      .select({ id: lookups.id, name: lookups.name })
      .from(lookups)
      .where(and(eq(lookups.orgId, orgId), eq(lookups.kind, 'relation-roles')));
    return new Map(rows.map((r) => [r.name, r.id]));
  };

  it('offers the guardian targets with labels', async () => {
    const org = await createOrg(t.app);
    const res = await org.owner.request('GET', '/api/imports/targets?kind=person');
    expect(res.statusCode).toBe(200);
    const items = res.json<ImportTargets>().items;
    expect(items).toEqual(
      expect.arrayContaining([
        { key: 'guardian.phone', label: 'Guardian: phone', custom: false },
        {
          key: 'guardian2.relation',
          label: expect.stringMatching(/^Second guardian/),
          custom: false,
        },
      ]),
    );
    const companies = await org.owner.request('GET', '/api/imports/targets?kind=company');
    expect(companies.json<ImportTargets>().items.some((i) => i.key.startsWith('guardian'))).toBe(
      false,
    );
  });

  it('creates children and guardians, links them, and makes one guardian of several rows one person', async () => {
    const org = await createOrg(t.app);
    const csv = [
      'First name,Last name,Birth date,Parent first name,Parent last name,Parent phone,Parent email,Relation,Guardian 2 first name,Guardian 2 phone,Guardian 2 relation',
      'Lisa,Berg,2016-03-01,Anna,Berg,+46701234501,anna@example.test,Mother,Olof,+46701234502,Dad',
      'Max,Berg,2018-09-12,Anna,Berg,070-123 45 01,,Mother,,,',
      'Tim,Ek,2015-01-20,Sara,Ek,,sara@example.test,aunt,,,',
    ].join('\n');
    const imp = await uploadCsv(org.owner, csv);
    expect(imp.mapping).toMatchObject({
      'Parent first name': 'guardian.firstName',
      'Parent phone': 'guardian.phone',
      'Parent email': 'guardian.email',
      Relation: 'guardian.relation',
      'Guardian 2 first name': 'guardian2.firstName',
      'Guardian 2 phone': 'guardian2.phone',
      'Guardian 2 relation': 'guardian2.relation',
    });
    const done = await runImport(org.owner, imp);
    expect(done).toMatchObject({ status: 'done', created: 3, failed: 0 });

    const people = await personsOf(org.orgId);
    // Three children, Anna once (her phone on row 2 written another way), Olof and Sara.
    expect([...people.keys()].sort()).toEqual(
      ['Anna Berg', 'Lisa Berg', 'Max Berg', 'Olof', 'Sara Ek', 'Tim Ek'].sort(),
    );
    const id = (name: string) => people.get(name)!.id;
    const roles = await roleIds(org.orgId);
    const relations = await relationsOf(org.orgId);
    expect(relations).toHaveLength(4);
    expect(relations).toEqual(
      expect.arrayContaining([
        {
          guardianId: id('Anna Berg'),
          childId: id('Lisa Berg'),
          roleId: roles.get('Mother'),
          primary: true,
        },
        {
          guardianId: id('Olof'),
          childId: id('Lisa Berg'),
          roleId: roles.get('Father'),
          primary: false,
        },
        {
          guardianId: id('Anna Berg'),
          childId: id('Max Berg'),
          roleId: roles.get('Mother'),
          primary: true,
        },
        // An unknown relation is none.
        { guardianId: id('Sara Ek'), childId: id('Tim Ek'), roleId: null, primary: true },
      ]),
    );
    expect(people.get('Anna Berg')).toMatchObject({
      phoneKeys: ['+46701234501'],
      emailKeys: ['anna@example.test'],
    });
    const annaHistory = await t.database.db
      .select({ event: contactHistory.event, data: contactHistory.data })
      .from(contactHistory)
      .where(
        and(eq(contactHistory.orgId, org.orgId), eq(contactHistory.contactId, id('Anna Berg'))),
      );
    expect(annaHistory.filter((h) => h.event === 'relation_added')).toHaveLength(2);
    expect(annaHistory.map((h) => h.event)).toContain('imported');

    // A later file: Anna is found by her email (in another case) and gets a third child.
    const later = await runImport(
      org.owner,
      await uploadCsv(
        org.owner,
        'First name,Last name,Parent first name,Parent email\nElla,Berg,Anna,ANNA@example.test\n',
      ),
    );
    expect(later).toMatchObject({ status: 'done', created: 1 });
    const after = await personsOf(org.orgId);
    expect(after.size).toBe(7);
    expect(await relationsOf(org.orgId)).toContainEqual({
      guardianId: id('Anna Berg'),
      childId: after.get('Ella Berg')!.id,
      roleId: null,
      primary: true,
    });
  });

  it('finds a guardian already in the CRM by phone and reports a bad guardian phone in a dry run', async () => {
    const org = await createOrg(t.app, { locale: 'sv' });
    const parent = await org.owner.request('POST', '/api/persons', {
      firstName: 'Karin',
      lastName: 'Lund',
      phones: [{ number: '+46709998877', label: 'mobile' }],
    });
    expect(parent.statusCode, parent.body).toBe(201);
    // A real-looking Swedish export: BOM, semicolons, Swedish headers.
    const csv =
      '\uFEFFFörnamn;Efternamn;Födelsedatum;Vårdnadshavare förnamn;Vårdnadshavare efternamn;Vårdnadshavare telefon;Relation\n' +
      'Elsa;Lund;2017-05-05;Karin;Lund;070-999 88 77;Mamma\n' +
      'Nils;Holm;2014-02-02;Per;Holm;ring mig;Pappa\n';
    const imp = await uploadCsv(org.owner, csv, 'medlemmar.csv');
    expect(imp.mapping).toMatchObject({
      'Vårdnadshavare förnamn': 'guardian.firstName',
      'Vårdnadshavare telefon': 'guardian.phone',
      Relation: 'guardian.relation',
    });

    const dry = await runImport(org.owner, imp, { dryRun: true });
    expect(dry).toMatchObject({ status: 'validated', created: 2, warned: 1, failed: 0 });
    const { items } = await allProblems(org.owner, imp.id);
    expect(items).toEqual([
      expect.objectContaining({
        record: 2,
        column: 'Vårdnadshavare telefon',
        code: 'invalid_phone',
        severity: 'warning',
        value: 'ring mig',
      }),
    ]);
    expect((await personsOf(org.orgId)).size).toBe(1);
    expect(await relationsOf(org.orgId)).toHaveLength(0);

    const done = await runImport(org.owner, imp);
    expect(done).toMatchObject({ status: 'done', created: 2, warned: 1 });
    const people = await personsOf(org.orgId);
    expect([...people.keys()].sort()).toEqual(['Elsa Lund', 'Karin Lund', 'Nils Holm', 'Per Holm']);
    const roles = await roleIds(org.orgId);
    expect(await relationsOf(org.orgId)).toEqual(
      expect.arrayContaining([
        {
          guardianId: parent.json<{ person: { id: string } }>().person.id,
          childId: people.get('Elsa Lund')!.id,
          roleId: roles.get('Mamma'),
          primary: true,
        },
        {
          guardianId: people.get('Per Holm')!.id,
          childId: people.get('Nils Holm')!.id,
          roleId: roles.get('Pappa'),
          primary: true,
        },
      ]),
    );
    expect(people.get('Per Holm')!.phoneKeys).toEqual([]);
  });

  it('reads a Russian export and matches the relation in another language', async () => {
    const org = await createOrg(t.app, { locale: 'ru', timezone: 'Europe/Moscow' });
    const csv =
      '\uFEFFИмя ребёнка;Фамилия;Дата рождения;ФИО родителя;Телефон родителя;Кем приходится\n' +
      'Маша;Иванова;12.04.2016;Ольга Иванова;+7 916 123-45-67;Mother\n' +
      'Петя;Иванов;01.09.2013;Ольга Иванова;8 916 123 45 67;мама\n';
    const imp = await uploadCsv(org.owner, csv, 'deti.csv');
    const done = await runImport(org.owner, imp, {
      mapping: { ...imp.mapping, 'Имя ребёнка': 'firstName' },
    });
    expect(done).toMatchObject({ status: 'done', created: 2, failed: 0 });
    const people = await personsOf(org.orgId);
    expect([...people.keys()].sort()).toEqual(['Маша Иванова', 'Ольга Иванова', 'Петя Иванов']);
    const mother = (await roleIds(org.orgId)).get('Мама');
    const relations = await relationsOf(org.orgId);
    expect(relations).toHaveLength(2);
    for (const r of relations) {
      expect(r).toMatchObject({ guardianId: people.get('Ольга Иванова')!.id, roleId: mother });
    }
  });
});
