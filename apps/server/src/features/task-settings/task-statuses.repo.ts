import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { taskStatuses } from './task-settings.table.ts';

export type TaskStatusRow = typeof taskStatuses.$inferSelect;
export type TaskStatusPatch = Partial<
  Pick<TaskStatusRow, 'name' | 'color' | 'background' | 'position' | 'archivedAt'>
>;

const order = [
  asc(taskStatuses.position),
  asc(sql`lower(${taskStatuses.name})`),
  asc(taskStatuses.id),
];

export function listTaskStatuses(db: Db, orgId: string, includeArchived: boolean) {
  const where = [eq(taskStatuses.orgId, orgId)];
  if (!includeArchived) where.push(isNull(taskStatuses.archivedAt));
  // A handful of statuses per club: one page is all of them.
  return db
    .select()
    .from(taskStatuses)
    .where(and(...where))
    .orderBy(...order)
    .limit(1000);
}

export async function findTaskStatus(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(taskStatuses)
    .where(and(eq(taskStatuses.orgId, orgId), eq(taskStatuses.id, id)));
  return row;
}

/** The board gives this status to a card dragged out of Unsorted. */
export async function firstActiveTaskStatus(db: Db, orgId: string) {
  const [row] = await db
    .select({ id: taskStatuses.id })
    .from(taskStatuses)
    .where(and(eq(taskStatuses.orgId, orgId), isNull(taskStatuses.archivedAt)))
    .orderBy(...order)
    .limit(1);
  return row;
}

export async function nextTaskStatusPosition(db: Db, orgId: string) {
  const [row] = await db
    .select({ max: sql<number | null>`max(${taskStatuses.position})` })
    .from(taskStatuses)
    .where(eq(taskStatuses.orgId, orgId));
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

export async function insertTaskStatus(db: Db, row: typeof taskStatuses.$inferInsert) {
  const [created] = await db.insert(taskStatuses).values(row).returning();
  return created!;
}

export async function updateTaskStatus(db: Db, orgId: string, id: string, patch: TaskStatusPatch) {
  const [row] = await db
    .update(taskStatuses)
    .set(patch)
    .where(and(eq(taskStatuses.orgId, orgId), eq(taskStatuses.id, id)))
    .returning();
  return row;
}

export async function deleteTaskStatus(db: Db, orgId: string, id: string) {
  const deleted = await db
    .delete(taskStatuses)
    .where(and(eq(taskStatuses.orgId, orgId), eq(taskStatuses.id, id)))
    .returning({ id: taskStatuses.id });
  return deleted.length > 0;
}
