import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { ContactKind } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { contactStatuses } from './contact-settings.table.ts';

export type StatusRow = typeof contactStatuses.$inferSelect;
type StatusPatch = Partial<
  Pick<StatusRow, 'name' | 'abbreviation' | 'color' | 'background' | 'position' | 'archivedAt'>
>;

export function listStatuses(
  db: Db,
  orgId: string,
  filter: { entity?: ContactKind; includeArchived: boolean },
) {
  const conditions = [eq(contactStatuses.orgId, orgId)];
  if (filter.entity) conditions.push(eq(contactStatuses.entity, filter.entity));
  if (!filter.includeArchived) conditions.push(isNull(contactStatuses.archivedAt));
  // A configurable list of a handful of entries: one page is all of them.
  return db
    .select()
    .from(contactStatuses)
    .where(and(...conditions))
    .orderBy(
      asc(contactStatuses.entity),
      asc(contactStatuses.position),
      asc(sql`lower(${contactStatuses.name})`),
      asc(contactStatuses.id),
    )
    .limit(1000);
}

export async function findStatus(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(contactStatuses)
    .where(and(eq(contactStatuses.orgId, orgId), eq(contactStatuses.id, id)));
  return row;
}

/** The first live status of an entity by order (a new caller's default). */
export async function firstLiveStatus(db: Db, orgId: string, entity: ContactKind) {
  const [row] = await db
    .select()
    .from(contactStatuses)
    .where(
      and(
        eq(contactStatuses.orgId, orgId),
        eq(contactStatuses.entity, entity),
        isNull(contactStatuses.archivedAt),
      ),
    )
    .orderBy(asc(contactStatuses.position), asc(sql`lower(${contactStatuses.name})`))
    .limit(1);
  return row;
}

export async function nextStatusPosition(db: Db, orgId: string, entity: ContactKind) {
  const [row] = await db
    .select({ max: sql<number | null>`max(${contactStatuses.position})` })
    .from(contactStatuses)
    .where(and(eq(contactStatuses.orgId, orgId), eq(contactStatuses.entity, entity)));
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

export async function insertStatus(db: Db, row: typeof contactStatuses.$inferInsert) {
  const [created] = await db.insert(contactStatuses).values(row).returning();
  return created!;
}

export async function updateStatus(db: Db, orgId: string, id: string, patch: StatusPatch) {
  const [row] = await db
    .update(contactStatuses)
    .set(patch)
    .where(and(eq(contactStatuses.orgId, orgId), eq(contactStatuses.id, id)))
    .returning();
  return row;
}

export async function deleteStatus(db: Db, orgId: string, id: string) {
  const deleted = await db
    .delete(contactStatuses)
    .where(and(eq(contactStatuses.orgId, orgId), eq(contactStatuses.id, id)))
    .returning({ id: contactStatuses.id });
  return deleted.length > 0;
}

/** Lower-cased name → id of the active statuses of an entity (the importer maps by name). */
export async function statusNames(db: Db, orgId: string, entity: ContactKind) {
  return db
    .select({ id: contactStatuses.id, name: contactStatuses.name })
    .from(contactStatuses)
    .where(
      and(
        eq(contactStatuses.orgId, orgId),
        eq(contactStatuses.entity, entity),
        isNull(contactStatuses.archivedAt),
      ),
    )
    .limit(1000);
}

export async function findStatusRef(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select({ id: contactStatuses.id, entity: contactStatuses.entity })
    .from(contactStatuses)
    .where(and(eq(contactStatuses.orgId, orgId), eq(contactStatuses.id, id)));
  return row;
}
