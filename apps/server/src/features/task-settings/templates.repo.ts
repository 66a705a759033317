import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { TaskType } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { taskReferences } from './task-references.port.ts';
import { taskResults, taskTemplates } from './task-settings.table.ts';

export type TemplateRow = typeof taskTemplates.$inferSelect;
export type ResultRow = typeof taskResults.$inferSelect;
export type TemplatePatch = Partial<
  Omit<TemplateRow, 'id' | 'orgId' | 'type' | 'isDefault' | 'version' | 'createdAt'>
>;
export type ResultPatch = Partial<
  Pick<
    ResultRow,
    'name' | 'color' | 'background' | 'position' | 'fields' | 'next' | 'dealOutcome' | 'archivedAt'
  >
>;

const templateOrder = [
  asc(taskTemplates.position),
  asc(sql`lower(${taskTemplates.name})`),
  asc(taskTemplates.id),
];

export function listTemplates(db: Db, orgId: string, includeArchived: boolean) {
  const where = [eq(taskTemplates.orgId, orgId)];
  if (!includeArchived) where.push(isNull(taskTemplates.archivedAt));
  // A club configures tens of templates: one page is all of them, the cap guards the response.
  return db
    .select()
    .from(taskTemplates)
    .where(and(...where))
    .orderBy(...templateOrder)
    .limit(1000);
}

export async function findTemplate(db: Db, orgId: string, id: string, forUpdate = false) {
  const query = db
    .select()
    .from(taskTemplates)
    .where(and(eq(taskTemplates.orgId, orgId), eq(taskTemplates.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function findDefaultTemplate(db: Db, orgId: string, type: TaskType) {
  const [row] = await db
    .select()
    .from(taskTemplates)
    .where(
      and(
        eq(taskTemplates.orgId, orgId),
        eq(taskTemplates.type, type),
        eq(taskTemplates.isDefault, true),
      ),
    )
    .orderBy(...templateOrder)
    .limit(1);
  return row;
}

export async function nextTemplatePosition(db: Db, orgId: string) {
  const [row] = await db
    .select({ max: sql<number | null>`max(${taskTemplates.position})` })
    .from(taskTemplates)
    .where(eq(taskTemplates.orgId, orgId));
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

export async function insertTemplate(db: Db, row: typeof taskTemplates.$inferInsert) {
  const [created] = await db.insert(taskTemplates).values(row).returning();
  return created!;
}

/** Applies the patch and bumps the version; with `version`, only when the row still has it. */
export async function updateTemplate(
  db: Db,
  orgId: string,
  id: string,
  patch: TemplatePatch,
  version?: number,
) {
  const where = [eq(taskTemplates.orgId, orgId), eq(taskTemplates.id, id)];
  if (version !== undefined) where.push(eq(taskTemplates.version, version));
  const [row] = await db
    .update(taskTemplates)
    .set({ ...patch, version: sql`${taskTemplates.version} + 1` })
    .where(and(...where))
    .returning();
  return row;
}

export async function deleteTemplate(db: Db, orgId: string, id: string) {
  const deleted = await db
    .delete(taskTemplates)
    .where(and(eq(taskTemplates.orgId, orgId), eq(taskTemplates.id, id)))
    .returning({ id: taskTemplates.id });
  return deleted.length > 0;
}

/**
 * Whether removing the template would lose something: tasks made from it or holding one of its
 * results (history, asked of the tasks feature), or another result's workflow that creates it
 * as the next step.
 */
export async function isTemplateInUse(db: Db, orgId: string, id: string) {
  if (await taskReferences.get().usesTemplate(db, orgId, id)) return true;
  const [workflow] = await db
    .select({ id: taskResults.id })
    .from(taskResults)
    .where(
      and(
        eq(taskResults.orgId, orgId),
        sql`${taskResults.next} ->> 'templateId' = ${id}`,
        sql`${taskResults.templateId} <> ${id}`,
      ),
    )
    .limit(1);
  return workflow !== undefined;
}

// ---------------------------------------------------------------- results

const resultOrder = [
  asc(taskResults.position),
  asc(sql`lower(${taskResults.name})`),
  asc(taskResults.id),
];

export function listResults(
  db: Db,
  orgId: string,
  templateIds: string[],
  includeArchived: boolean,
) {
  if (templateIds.length === 0) return Promise.resolve([]);
  const where = [eq(taskResults.orgId, orgId), inArray(taskResults.templateId, templateIds)];
  if (!includeArchived) where.push(isNull(taskResults.archivedAt));
  return db
    .select()
    .from(taskResults)
    .where(and(...where))
    .orderBy(...resultOrder)
    .limit(20_000);
}

export async function findResult(db: Db, orgId: string, id: string, forUpdate = false) {
  const query = db
    .select()
    .from(taskResults)
    .where(and(eq(taskResults.orgId, orgId), eq(taskResults.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function nextResultPosition(db: Db, orgId: string, templateId: string) {
  const [row] = await db
    .select({ max: sql<number | null>`max(${taskResults.position})` })
    .from(taskResults)
    .where(and(eq(taskResults.orgId, orgId), eq(taskResults.templateId, templateId)));
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

export async function insertResult(db: Db, row: typeof taskResults.$inferInsert) {
  const [created] = await db.insert(taskResults).values(row).returning();
  return created!;
}

export async function updateResult(db: Db, orgId: string, id: string, patch: ResultPatch) {
  const [row] = await db
    .update(taskResults)
    .set(patch)
    .where(and(eq(taskResults.orgId, orgId), eq(taskResults.id, id)))
    .returning();
  return row;
}

export async function deleteResult(db: Db, orgId: string, id: string) {
  const deleted = await db
    .delete(taskResults)
    .where(and(eq(taskResults.orgId, orgId), eq(taskResults.id, id)))
    .returning({ id: taskResults.id });
  return deleted.length > 0;
}

/** Names of the results (with their template) whose choice fields use a dictionary. */
export function resultsUsingDictionary(db: Db, orgId: string, dictionaryId: string) {
  return db
    .select({ result: taskResults.name, template: taskTemplates.name })
    .from(taskResults)
    .innerJoin(
      taskTemplates,
      and(eq(taskTemplates.orgId, taskResults.orgId), eq(taskTemplates.id, taskResults.templateId)),
    )
    .where(
      and(
        eq(taskResults.orgId, orgId),
        sql`${taskResults.fields} @> ${JSON.stringify([{ dictionaryId }])}::jsonb`,
      ),
    )
    .orderBy(asc(taskTemplates.name), asc(taskResults.name))
    .limit(50);
}
