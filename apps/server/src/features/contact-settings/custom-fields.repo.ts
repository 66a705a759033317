import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { ContactKind } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
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

export async function deleteCustomField(db: Db, orgId: string, id: string) {
  const deleted = await db
    .delete(customFields)
    .where(and(eq(customFields.orgId, orgId), eq(customFields.id, id)))
    .returning({ id: customFields.id });
  return deleted.length > 0;
}
