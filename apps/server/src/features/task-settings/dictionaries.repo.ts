import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { taskDictionaries } from './task-settings.table.ts';

export type DictionaryRow = typeof taskDictionaries.$inferSelect;
export type DictionaryPatch = Partial<Pick<DictionaryRow, 'name' | 'options' | 'archivedAt'>>;

export function listDictionaries(db: Db, orgId: string, includeArchived: boolean) {
  const where = [eq(taskDictionaries.orgId, orgId)];
  if (!includeArchived) where.push(isNull(taskDictionaries.archivedAt));
  // A club keeps a few dictionaries: one page is all of them.
  return db
    .select()
    .from(taskDictionaries)
    .where(and(...where))
    .orderBy(asc(sql`lower(${taskDictionaries.name})`), asc(taskDictionaries.id))
    .limit(1000);
}

export async function findDictionary(db: Db, orgId: string, id: string, forUpdate = false) {
  const query = db
    .select()
    .from(taskDictionaries)
    .where(and(eq(taskDictionaries.orgId, orgId), eq(taskDictionaries.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export function findDictionaries(db: Db, orgId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(taskDictionaries)
    .where(and(eq(taskDictionaries.orgId, orgId), inArray(taskDictionaries.id, ids)));
}

export async function insertDictionary(db: Db, row: typeof taskDictionaries.$inferInsert) {
  const [created] = await db.insert(taskDictionaries).values(row).returning();
  return created!;
}

export async function updateDictionary(
  db: Db,
  orgId: string,
  id: string,
  patch: DictionaryPatch,
  version?: number,
) {
  const where = [eq(taskDictionaries.orgId, orgId), eq(taskDictionaries.id, id)];
  if (version !== undefined) where.push(eq(taskDictionaries.version, version));
  const [row] = await db
    .update(taskDictionaries)
    .set({ ...patch, version: sql`${taskDictionaries.version} + 1` })
    .where(and(...where))
    .returning();
  return row;
}

export async function deleteDictionary(db: Db, orgId: string, id: string) {
  const deleted = await db
    .delete(taskDictionaries)
    .where(and(eq(taskDictionaries.orgId, orgId), eq(taskDictionaries.id, id)))
    .returning({ id: taskDictionaries.id });
  return deleted.length > 0;
}
