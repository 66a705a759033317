import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { tasks } from '../tasks/index.ts';
import { taskDictionaries, taskResults } from './task-settings.table.ts';

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

/**
 * Which of `optionIds` completed tasks store as the value of a choice field bound to the
 * dictionary: those options must stay (archived) so history still reads.
 */
export async function optionsStoredOnTasks(
  db: Db,
  orgId: string,
  dictionaryId: string,
  optionIds: string[],
): Promise<Set<string>> {
  if (optionIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ value: sql<string>`${tasks.resultFields} ->> f.id` })
    .from(tasks)
    .innerJoin(
      taskResults,
      and(eq(taskResults.orgId, tasks.orgId), eq(taskResults.id, tasks.resultId)),
    )
    .innerJoin(
      sql`lateral jsonb_to_recordset(${taskResults.fields}) as f(id text, "dictionaryId" text)`,
      sql`true`,
    )
    .where(
      and(
        eq(tasks.orgId, orgId),
        eq(taskResults.orgId, orgId),
        sql`f."dictionaryId" = ${dictionaryId}`,
        sql`${tasks.resultFields} ->> f.id in (${sql.join(
          optionIds.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      ),
    );
  return new Set(rows.map((r) => r.value));
}
