import { and, eq, getTableColumns, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { executeShaped } from '../../lib/named-statement.ts';
import { tasks } from './tasks.table.ts';
import { publishEvent } from '../live/index.ts';

export type TaskRow = typeof tasks.$inferSelect;
export type TaskInsert = typeof tasks.$inferInsert;
/** Column values or SQL (e.g. `coalesce(status_id, …)` to fill a status only when unset). */
export type TaskPatch = Omit<
  PgUpdateSetSource<typeof tasks>,
  'id' | 'orgId' | 'version' | 'createdAt' | 'updatedAt'
>;

/** One task the actor may see (`visible` is `taskVisibility(db, actor)`). */
export async function findTask(db: Db, visible: SQL, id: string): Promise<TaskRow | undefined> {
  const [row] = await db
    .select()
    .from(tasks)
    .where(and(visible, eq(tasks.id, id)));
  return row;
}

/** The columns that decide who may see a task (the audience of its live events). */
export async function findTaskAudience(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select({
      branchId: tasks.branchId,
      private: tasks.private,
      creatorId: tasks.creatorId,
      assigneeId: tasks.assigneeId,
    })
    .from(tasks)
    .where(and(eq(tasks.orgId, orgId), eq(tasks.id, id)));
  return row;
}

/** The branches a round's calls are in (each call takes its person's branch). */
export async function roundCallBranches(
  db: Db,
  orgId: string,
  roundId: string,
): Promise<(string | null)[]> {
  const rows = await db
    .selectDistinct({ branchId: tasks.branchId })
    .from(tasks)
    .where(and(eq(tasks.orgId, orgId), eq(tasks.parentId, roundId)));
  return rows.map((r) => r.branchId);
}

export async function insertTask(db: Db, row: TaskInsert): Promise<TaskRow> {
  const [created] = await db.insert(tasks).values(row).returning();
  return created!;
}

/** What automation gives each of its cards; the rest of a task starts as its defaults. */
export interface AutomationTaskRow {
  id: string;
  type: TaskRow['type'];
  templateId: string;
  contactId: string;
  assigneeId: string | null;
  creatorId: string | null;
  comment: string;
  dueAt: Date;
  statusId: string | null;
  branchId: string | null;
}

/**
 * Many cards in one INSERT (automation's), created at `now`, not private, no reminder. Prepared
 * once with the rows as one JSON value: the query builder built a multi-row INSERT and mapped
 * back every returned column with each batch, while the caller knows every value it needs.
 */
export async function insertAutomationTasks(
  db: Db,
  orgId: string,
  rows: readonly AutomationTaskRow[],
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map((r) => ({
    id: r.id,
    type: r.type,
    template_id: r.templateId,
    contact_id: r.contactId,
    assignee_id: r.assigneeId,
    creator_id: r.creatorId,
    comment: r.comment,
    due_at: r.dueAt.toISOString(),
    status_id: r.statusId,
    branch_id: r.branchId,
  }));
  await executeShaped(
    db,
    'tasks.insert_automation',
    () => sql`
      insert into ${tasks} (id, org_id, type, template_id, contact_id, assignee_id, creator_id,
        comment, due_at, remind_at, status_id, branch_id, private, created_at, updated_at)
      select x.id, ${sql.placeholder('orgId')}::uuid, x.type, x.template_id, x.contact_id,
        x.assignee_id, x.creator_id, x.comment, x.due_at, null, x.status_id, x.branch_id, false,
        ${sql.placeholder('now')}::timestamptz, ${sql.placeholder('now')}::timestamptz
      from jsonb_to_recordset(${sql.placeholder('rows')}::jsonb) as x(id uuid, type text,
        template_id uuid, contact_id uuid, assignee_id uuid, creator_id uuid, comment text,
        due_at timestamptz, status_id uuid, branch_id uuid)`,
    { orgId, now: now.toISOString(), rows: JSON.stringify(values) },
  );
}

/**
 * New due times and comments for many tasks in one UPDATE (automation moving its cards), each
 * a new version; answers the rows as they are now.
 */
export async function updateDueAndComment(
  db: Db,
  orgId: string,
  items: ReadonlyArray<{ id: string; dueAt: Date | null; comment: string }>,
  now: Date,
): Promise<TaskRow[]> {
  if (items.length === 0) return [];
  const values = JSON.stringify(
    items.map((i) => ({ id: i.id, due_at: i.dueAt?.toISOString() ?? null, comment: i.comment })),
  );
  return db
    .update(tasks)
    .set({
      dueAt: sql`x.due_at`,
      comment: sql`x.comment`,
      version: sql`${tasks.version} + 1`,
      updatedAt: now,
    })
    .from(sql`jsonb_to_recordset(${values}::jsonb) as x(id uuid, due_at timestamptz, comment text)`)
    .where(and(eq(tasks.orgId, orgId), sql`${tasks.id} = x.id`))
    .returning(getTableColumns(tasks));
}

export interface UpdateGuard {
  /** Only when the caller saw this version (optimistic locking). */
  version?: number;
  /** Only while the task is not completed (results, moves: never twice). */
  open?: boolean;
  /**
   * Only while no one but this user has taken the task into work: of several staff taking it
   * at once, one wins (the row lock makes the others re-check and miss).
   */
  notTakenByOthers?: string;
}

/**
 * Applies the patch and bumps the version, only if the guard holds; undefined otherwise (the
 * caller re-reads to tell "gone" from "changed meanwhile").
 */
export async function updateTask(
  db: Db,
  orgId: string,
  id: string,
  patch: TaskPatch,
  now: Date,
  guard: UpdateGuard = {},
): Promise<TaskRow | undefined> {
  const [row] = await db
    .update(tasks)
    .set({ ...patch, version: sql`${tasks.version} + 1`, updatedAt: now })
    .where(
      and(
        eq(tasks.orgId, orgId),
        eq(tasks.id, id),
        guard.version === undefined ? undefined : eq(tasks.version, guard.version),
        guard.open ? isNull(tasks.completedAt) : undefined,
        guard.notTakenByOthers === undefined
          ? undefined
          : or(isNull(tasks.takenById), eq(tasks.takenById, guard.notTakenByOthers)),
      ),
    )
    .returning();
  return row;
}

export interface RoundCalls {
  orgId: string;
  parentId: string;
  templateId: string;
  assigneeId: string | null;
  creatorId: string | null;
  comment: string;
  dueAt: Date | null;
  remindAt: Date | null;
  statusId: string | null;
  personIds: string[];
  now: Date;
}

/**
 * One call per person of a round in ONE statement: INSERT … SELECT over the persons (each
 * call takes its person's branch), so thousands of calls cost one round trip and the ids
 * travel as a single array parameter instead of tens of thousands of bound values.
 */
export async function insertRoundCalls(db: Db, r: RoundCalls): Promise<number> {
  if (r.personIds.length === 0) return 0;
  const result = await db.execute(sql`
    insert into tasks (org_id, type, template_id, contact_id, assignee_id, creator_id, comment,
      due_at, remind_at, status_id, parent_id, branch_id, created_at, updated_at)
    select ${r.orgId}::uuid, 'call', ${r.templateId}::uuid, c.id, ${r.assigneeId}::uuid,
      ${r.creatorId}::uuid, ${r.comment}::text, ${r.dueAt?.toISOString() ?? null}::timestamptz,
      ${r.remindAt?.toISOString() ?? null}::timestamptz, ${r.statusId}::uuid,
      ${r.parentId}::uuid, c.branch_id, ${r.now.toISOString()}::timestamptz, ${r.now.toISOString()}::timestamptz
    from contacts c
    where c.org_id = ${r.orgId}::uuid and c.kind = 'person' and c.deleted_at is null
      and c.id = any(${sql.param(r.personIds)}::uuid[])
    returning 1`);
  return rowCount(result);
}

/** Affected rows as both drivers report them. */
function rowCount(result: unknown): number {
  const r = result as { rowCount?: number | null; affectedRows?: number; rows?: unknown[] };
  return r.rowCount ?? r.affectedRows ?? r.rows?.length ?? 0;
}

/**
 * A merged person's or company's tasks (open and done) follow it to the record it was merged
 * into; deleting the source would otherwise take them with it.
 */
export async function moveTasksToContact(
  tx: Db,
  merge: { orgId: string; sourceId: string; targetId: string },
) {
  await tx
    .update(tasks)
    .set({ contactId: merge.targetId, version: sql`${tasks.version} + 1`, updatedAt: new Date() })
    .where(and(eq(tasks.orgId, merge.orgId), eq(tasks.contactId, merge.sourceId)));
  // Open boards and lists show the merged name on those cards.
  await publishEvent(tx, merge.orgId, { type: 'task.updated' });
}
