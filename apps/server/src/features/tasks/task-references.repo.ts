import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { taskResults, type TaskReferences } from '../task-settings/index.ts';
import { tasks } from './tasks.table.ts';

async function usesTemplate(db: Db, orgId: string, templateId: string) {
  const ownResults = db
    .select({ id: taskResults.id })
    .from(taskResults)
    .where(and(eq(taskResults.orgId, orgId), eq(taskResults.templateId, templateId)));
  const [task] = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(
      and(
        eq(tasks.orgId, orgId),
        or(eq(tasks.templateId, templateId), inArray(tasks.resultId, ownResults)),
      ),
    )
    .limit(1);
  return task !== undefined;
}

async function usesResult(db: Db, orgId: string, resultId: string) {
  const [task] = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.orgId, orgId), eq(tasks.resultId, resultId)))
    .limit(1);
  return task !== undefined;
}

async function usesStatus(db: Db, orgId: string, statusId: string) {
  const [task] = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.orgId, orgId), eq(tasks.statusId, statusId), isNull(tasks.completedAt)))
    .limit(1);
  return task !== undefined;
}

async function storedDictionaryOptions(
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

/** The tasks' side of task-settings changes (provided to task-settings in tasks.feature.ts). */
export const taskReferencesRepo: TaskReferences = {
  usesTemplate,
  usesResult,
  usesStatus,
  storedDictionaryOptions,
};
