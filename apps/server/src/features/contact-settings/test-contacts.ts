import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { contactHistory, contacts } from '../../schema.ts';

type ContactInsert = typeof contacts.$inferInsert;

/** Writes a contact straight to the table: these tests are about settings, not the contacts API. */
export async function insertContact(
  db: Db,
  orgId: string,
  patch: Partial<ContactInsert> & { kind?: 'person' | 'company' } = {},
) {
  const [row] = await db
    .insert(contacts)
    .values({
      orgId,
      kind: 'person',
      displayName: 'Test Person',
      sortName: 'test person',
      ...patch,
    })
    .returning();
  return row!;
}

export async function readContact(db: Db, id: string) {
  const [row] = await db.select().from(contacts).where(eq(contacts.id, id));
  return row!;
}

export async function insertHistory(db: Db, orgId: string, contactId: string, typeId: string) {
  const [row] = await db
    .insert(contactHistory)
    .values({ orgId, contactId, event: 'note', typeId, text: 'Called' })
    .returning();
  return row!;
}

export async function readHistory(db: Db, id: string) {
  const [row] = await db.select().from(contactHistory).where(eq(contactHistory.id, id));
  return row!;
}
