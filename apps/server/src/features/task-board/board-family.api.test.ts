import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Board } from '@spotter/contracts';
import { contacts } from '../contacts/index.ts';
import { linkGuardian } from '../tasks/tasks.fixtures.ts';
import { insertPerson, insertTask } from './task-board.fixtures.ts';
import {
  boardOrg,
  clock,
  getBoard,
  useBoardTestApp,
  type BoardOrg,
} from './task-board.test-setup.ts';

/** Issue 17: a card about a minor shows and dials their primary guardian. */
const t = useBoardTestApp();
const db = () => t.database.db;
// Wednesday 25 November 2026, 12:00 in Stockholm: the club's date is 2026-11-25.
const NOW = new Date('2026-11-25T11:00:00Z');

let org: BoardOrg;
beforeAll(async () => {
  clock.now = NOW;
  org = await boardOrg(t);
});

async function person(firstName: string, phone: string, birthDate: string | null = null) {
  const id = await insertPerson(db(), org.orgId, { firstName, lastName: 'Falk', phone });
  if (birthDate) {
    await db()
      .update(contacts)
      .set({ birthDate })
      .where(and(eq(contacts.orgId, org.orgId), eq(contacts.id, id)));
  }
  return id;
}

const cardOf = (board: Board, taskId: string) =>
  board.columns.flatMap((c) => c.items).find((i) => i.id === taskId);

async function cardAbout(contactId: string) {
  const taskId = await insertTask(db(), {
    orgId: org.orgId,
    templateId: org.templateId,
    contactId,
  });
  const card = cardOf(await getBoard(org.owner, 'limit=100'), taskId);
  expect(card, 'the card is on the board').toBeDefined();
  return card!;
}

describe('board cards about a child (issue 17)', () => {
  it("show the primary guardian's name, role and phone beside the child's own", async () => {
    clock.now = NOW;
    const child = await person('Ella', '070-200 00 01', '2019-06-01');
    const mother = await person('Sara', '070-111 22 33');
    const father = await person('Olof', '070-444 55 66');
    await linkGuardian(db(), org.orgId, father, child, {
      primary: false,
      role: 'Fx father',
    });
    await linkGuardian(db(), org.orgId, mother, child, { role: 'Fx mother' });

    const card = await cardAbout(child);
    expect(card.contact).toMatchObject({ id: child, name: 'Ella Falk', phone: '+46702000001' });
    expect(card.contact?.guardian).toEqual({
      id: mother,
      name: 'Sara Falk',
      role: 'Fx mother',
      phone: '+46701112233',
      phoneDisplay: {
        country: 'SE',
        national: '070-111 22 33',
        international: '+46 70 111 22 33',
      },
    });
  });

  it('show none for an adult child, a person without guardians and a guardian in the trash', async () => {
    clock.now = NOW;
    // 18 today on the club's date: an adult.
    const grown = await person('Nils', '070-200 00 02', '2008-11-25');
    const parent = await person('Eva', '070-300 00 01');
    await linkGuardian(db(), org.orgId, parent, grown);
    expect((await cardAbout(grown)).contact?.guardian).toBeNull();

    const alone = await person('Lova', '070-200 00 03', '2018-01-01');
    expect((await cardAbout(alone)).contact?.guardian).toBeNull();

    const child = await person('Isak', '070-200 00 04', '2017-03-03');
    const trashed = await person('Tove', '070-300 00 02');
    await linkGuardian(db(), org.orgId, trashed, child);
    expect((await cardAbout(child)).contact?.guardian).toMatchObject({ id: trashed });
    await db()
      .update(contacts)
      .set({ deletedAt: NOW })
      .where(and(eq(contacts.orgId, org.orgId), eq(contacts.id, trashed)));
    expect((await cardAbout(child)).contact?.guardian).toBeNull();
  });

  it('turns a child into an adult on their birthday in the club’s time zone', async () => {
    // 23:30 on 24 November in Stockholm is still the 24th: 17 years old, a minor.
    clock.now = new Date('2026-11-24T22:30:00Z');
    const teen = await person('Alva', '070-200 00 05', '2008-11-25');
    const parent = await person('Karl', '070-300 00 03');
    await linkGuardian(db(), org.orgId, parent, teen);
    expect((await cardAbout(teen)).contact?.guardian).toMatchObject({ id: parent });
    // 00:30 on the 25th in Stockholm (still the 24th in UTC): 18, the card is hers alone.
    clock.now = new Date('2026-11-24T23:30:00Z');
    expect((await cardAbout(teen)).contact?.guardian).toBeNull();
  });
});
