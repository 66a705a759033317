import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { ContactKind } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { contacts } from '../../db/schema.ts';
import { customFields } from './contact-settings.table.ts';

export type CustomFieldRow = typeof customFields.$inferSelect;
type CustomFieldPatch = Partial<
  Pick<CustomFieldRow, 'name' | 'options' | 'position' | 'archivedAt'>
>;

export function listCustomFields(
  db: Db,
  orgId: string,
  filter: { entity?: ContactKind; includeArchived: boolean },
) {
  const conditions = [eq(customFields.orgId, orgId)];
  if (filter.entity) conditions.push(eq(customFields.entity, filter.entity));
  if (!filter.includeArchived) conditions.push(isNull(customFields.archivedAt));
  // An organization defines tens of fields; one page is all of them.
  return db
    .select()
    .from(customFields)
    .where(and(...conditions))
    .orderBy(
      asc(customFields.entity),
      asc(customFields.position),
      asc(sql`lower(${customFields.name})`),
      asc(customFields.id),
    )
    .limit(1000);
}

export async function findCustomField(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(customFields)
    .where(and(eq(customFields.orgId, orgId), eq(customFields.id, id)));
  return row;
}

export async function nextCustomFieldPosition(db: Db, orgId: string, entity: ContactKind) {
  const [row] = await db
    .select({ max: sql<number | null>`max(${customFields.position})` })
    .from(customFields)
    .where(and(eq(customFields.orgId, orgId), eq(customFields.entity, entity)));
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

export async function insertCustomField(db: Db, row: typeof customFields.$inferInsert) {
  const [created] = await db.insert(customFields).values(row).returning();
  return created!;
}

export async function updateCustomField(
  db: Db,
  orgId: string,
  id: string,
  patch: CustomFieldPatch,
) {
  const [row] = await db
    .update(customFields)
    .set(patch)
    .where(and(eq(customFields.orgId, orgId), eq(customFields.id, id)))
    .returning();
  return row;
}

/** Drops a field's value from every contact whose value is one of `optionIds` (removed options). */
export async function clearOptionValues(
  db: Db,
  orgId: string,
  fieldId: string,
  optionIds: string[],
) {
  if (optionIds.length === 0) return;
  await db
    .update(contacts)
    .set({
      custom: sql`${contacts.custom} - ${fieldId}::text`,
      version: sql`${contacts.version} + 1`,
    })
    .where(
      and(
        eq(contacts.orgId, orgId),
        inArray(sql`${contacts.custom} ->> ${fieldId}::text`, optionIds),
      ),
    );
}

/** Removes the field's values from every contact, then the field. */
export async function deleteCustomField(db: Db, orgId: string, id: string) {
  await db
    .update(contacts)
    .set({ custom: sql`${contacts.custom} - ${id}::text`, version: sql`${contacts.version} + 1` })
    .where(and(eq(contacts.orgId, orgId), sql`jsonb_exists(${contacts.custom}, ${id}::text)`));
  const deleted = await db
    .delete(customFields)
    .where(and(eq(customFields.orgId, orgId), eq(customFields.id, id)))
    .returning({ id: customFields.id });
  return deleted.length > 0;
}
