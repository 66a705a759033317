import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactHistory, personRelations } from '../../schema.ts';
import { createOrg, createTestApp, type TestApp, type TestOrg } from '../../../test/test-app.ts';
import { linkGuardian, linkGuardians } from './family-links.ts';

describe('linkGuardian (imports, club events and demo data link families through it)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const person = async (org: TestOrg, firstName: string) => {
    const res = await org.owner.request('POST', '/api/persons', { firstName, lastName: 'Ek' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ person: { id: string } }>().person.id;
  };
  const relationEntries = (orgId: string, contactId: string) =>
    t.database.db
      .select({ data: contactHistory.data })
      .from(contactHistory)
      .where(
        and(
          eq(contactHistory.orgId, orgId),
          eq(contactHistory.contactId, contactId),
          eq(contactHistory.event, 'relation_added'),
        ),
      );

  it('makes the first guardian primary, leaves an existing pair and the primary alone, and writes history on both', async () => {
    const org = await createOrg(t.app);
    const [child, mother, father] = [
      await person(org, 'Tim'),
      await person(org, 'Sara'),
      await person(org, 'Per'),
    ];
    const first = await linkGuardian(t.database.db, {
      orgId: org.orgId,
      guardianId: mother,
      childId: child,
      authorId: org.ownerId,
    });
    expect(first).toMatchObject({ guardianId: mother, childId: child, primary: true });
    // Again: nothing new, no second history entry.
    expect(
      await linkGuardian(t.database.db, { orgId: org.orgId, guardianId: mother, childId: child }),
    ).toBeNull();
    // Asking for primary does not take it from the child's primary guardian.
    const second = await linkGuardian(t.database.db, {
      orgId: org.orgId,
      guardianId: father,
      childId: child,
      primary: true,
    });
    expect(second).toMatchObject({ primary: false });

    const childEntries = await relationEntries(org.orgId, child);
    expect(childEntries.map((e) => e.data)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ as: 'guardian', personId: mother, personName: 'Sara Ek' }),
        expect.objectContaining({ as: 'guardian', personId: father, primary: false }),
      ]),
    );
    expect(childEntries).toHaveLength(2);
    expect((await relationEntries(org.orgId, mother)).map((e) => e.data)).toEqual([
      expect.objectContaining({
        as: 'child',
        personId: child,
        personName: 'Tim Ek',
        primary: true,
      }),
    ]);
  });

  it('in one call: one primary per child, the one asked for; a link of a person with themself is skipped', async () => {
    const org = await createOrg(t.app);
    const [a, b, mother, father] = [
      await person(org, 'Ada'),
      await person(org, 'Bo'),
      await person(org, 'Mia'),
      await person(org, 'Jon'),
    ];
    const written = await linkGuardians(t.database.db, org.orgId, [
      { guardianId: mother, childId: a },
      { guardianId: father, childId: a, primary: true },
      { guardianId: mother, childId: b, primary: false },
      { guardianId: father, childId: b },
      { guardianId: b, childId: b },
    ]);
    expect(written).toHaveLength(4);
    const rows = await t.database.db
      .select({
        g: personRelations.guardianId,
        c: personRelations.childId,
        p: personRelations.isPrimary,
      })
      .from(personRelations)
      .where(eq(personRelations.orgId, org.orgId));
    expect(rows.filter((r) => r.p).map((r) => [r.g, r.c])).toEqual(
      expect.arrayContaining([
        [father, a],
        [father, b],
      ]),
    );
    expect(rows.filter((r) => r.p)).toHaveLength(2);
  });
});
