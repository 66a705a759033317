import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { cursorAtOf, olderThan, type TimeCursor } from '../../lib/time-cursor.ts';
import { branches } from '../branches/index.ts';
import { leadForms } from './lead-forms.table.ts';

export type LeadFormRow = typeof leadForms.$inferSelect;
export type LeadFormValues = Pick<
  LeadFormRow,
  'name' | 'enabled' | 'fields' | 'consents' | 'texts' | 'settings'
>;

export async function insertForm(
  db: Db,
  orgId: string,
  publicId: string,
  values: LeadFormValues,
  now: Date,
) {
  const [row] = await db
    .insert(leadForms)
    .values({ orgId, publicId, ...values, createdAt: now, updatedAt: now })
    .returning();
  return row!;
}

/** Saves over `version`; undefined when the form is gone or someone saved it meanwhile. */
export async function updateForm(
  db: Db,
  orgId: string,
  id: string,
  version: number,
  values: LeadFormValues,
  now: Date,
) {
  const [row] = await db
    .update(leadForms)
    .set({ ...values, version: sql`${leadForms.version} + 1`, updatedAt: now })
    .where(and(eq(leadForms.orgId, orgId), eq(leadForms.id, id), eq(leadForms.version, version)))
    .returning();
  return row;
}

export async function deleteForm(db: Db, orgId: string, id: string) {
  const rows = await db
    .delete(leadForms)
    .where(and(eq(leadForms.orgId, orgId), eq(leadForms.id, id)))
    .returning({ id: leadForms.id });
  return rows.length > 0;
}

export async function findForm(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(leadForms)
    .where(and(eq(leadForms.orgId, orgId), eq(leadForms.id, id)));
  return row;
}

/** The hosted page's lookup: by the public id alone, before the organization is known. */
export async function findFormByPublicId(db: Db, publicId: string) {
  const [row] = await db.select().from(leadForms).where(eq(leadForms.publicId, publicId));
  return row;
}

/** Newest first, a keyset page (`limit + 1` rows: the extra one says another page follows). */
export async function listForms(db: Db, orgId: string, limit: number, after?: TimeCursor) {
  return db
    .select({ row: leadForms, cursorAt: cursorAtOf(leadForms.createdAt) })
    .from(leadForms)
    .where(
      and(
        eq(leadForms.orgId, orgId),
        after ? olderThan(leadForms.createdAt, leadForms.id, after) : undefined,
      ),
    )
    .orderBy(desc(leadForms.createdAt), desc(leadForms.id))
    .limit(limit + 1);
}

/** This form's next turn (1, 2, 3 …) for handing out tasks round robin. */
export async function takeTurn(db: Db, orgId: string, id: string): Promise<number> {
  const [row] = await db
    .update(leadForms)
    .set({ turns: sql`${leadForms.turns} + 1` })
    .where(and(eq(leadForms.orgId, orgId), eq(leadForms.id, id)))
    .returning({ turns: leadForms.turns });
  return row?.turns ?? 1;
}

/** The branches a visitor may choose: the organization's, not archived, by name. */
export async function liveBranches(db: Db, orgId: string) {
  return db
    .select({ id: branches.id, name: branches.name })
    .from(branches)
    .where(and(eq(branches.orgId, orgId), isNull(branches.archivedAt)))
    .orderBy(asc(branches.name))
    .limit(200);
}
