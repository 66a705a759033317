import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { ContactKind, LookupKind } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { lookups } from './contact-settings.table.ts';

export type LookupRow = typeof lookups.$inferSelect;
type LookupPatch = Partial<Pick<LookupRow, 'name' | 'color' | 'scope' | 'position' | 'archivedAt'>>;

export function listLookups(db: Db, orgId: string, kind: LookupKind, includeArchived: boolean) {
  const conditions = [eq(lookups.orgId, orgId), eq(lookups.kind, kind)];
  if (!includeArchived) conditions.push(isNull(lookups.archivedAt));
  // Configurable lists hold tens of entries, not thousands.
  return db
    .select()
    .from(lookups)
    .where(and(...conditions))
    .orderBy(asc(lookups.position), asc(sql`lower(${lookups.name})`), asc(lookups.id))
    .limit(2000);
}

export async function findLookup(db: Db, orgId: string, kind: LookupKind, id: string) {
  const [row] = await db
    .select()
    .from(lookups)
    .where(and(eq(lookups.orgId, orgId), eq(lookups.kind, kind), eq(lookups.id, id)));
  return row;
}

export async function nextLookupPosition(db: Db, orgId: string, kind: LookupKind) {
  const [row] = await db
    .select({ max: sql<number | null>`max(${lookups.position})` })
    .from(lookups)
    .where(and(eq(lookups.orgId, orgId), eq(lookups.kind, kind)));
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

export async function insertLookup(db: Db, row: typeof lookups.$inferInsert) {
  const [created] = await db.insert(lookups).values(row).returning();
  return created!;
}

export async function updateLookup(db: Db, orgId: string, id: string, patch: LookupPatch) {
  const [row] = await db
    .update(lookups)
    .set(patch)
    .where(and(eq(lookups.orgId, orgId), eq(lookups.id, id)))
    .returning();
  return row;
}

export async function deleteLookup(db: Db, orgId: string, kind: LookupKind, id: string) {
  const deleted = await db
    .delete(lookups)
    .where(and(eq(lookups.orgId, orgId), eq(lookups.kind, kind), eq(lookups.id, id)))
    .returning({ id: lookups.id });
  return deleted.length > 0;
}

export async function lookupNames(db: Db, orgId: string, kind: LookupKind) {
  return db
    .select({ id: lookups.id, name: lookups.name })
    .from(lookups)
    .where(and(eq(lookups.orgId, orgId), eq(lookups.kind, kind), isNull(lookups.archivedAt)))
    .limit(5000);
}

/** Kind and scope of the given ids that exist in this organization. */
export async function findLookupRefs(db: Db, orgId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: lookups.id, kind: lookups.kind, scope: lookups.scope })
    .from(lookups)
    .where(and(eq(lookups.orgId, orgId), inArray(lookups.id, ids)));
}

/** Tags named in the file that do not exist yet are created (a file's tags are its own words). */
export async function ensureTags(db: Db, orgId: string, names: string[], scope: ContactKind) {
  if (names.length === 0) return [];
  await db
    .insert(lookups)
    .values(names.map((name) => ({ orgId, kind: 'tags' as const, name, scope })))
    .onConflictDoNothing();
  return db
    .select({ id: lookups.id, name: lookups.name, scope: lookups.scope })
    .from(lookups)
    .where(
      and(
        eq(lookups.orgId, orgId),
        eq(lookups.kind, 'tags'),
        inArray(
          sql`lower(${lookups.name})`,
          names.map((n) => n.toLowerCase()),
        ),
      ),
    );
}
