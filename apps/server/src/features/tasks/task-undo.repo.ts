import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { deletedTasks, tasks } from './tasks.table.ts';
import type { TaskRow } from './tasks.repo.ts';

/** How long the one who deleted a task can take it back. */
export const UNDO_DELETE_MS = 24 * 60 * 60 * 1000;

/**
 * Keeps the task (a round with its calls) as it is, and which tasks named it as their
 * previous step, then deletes it (a round's calls go with it: parent_id cascades); older
 * snapshots of the organization go. One transaction.
 */
export async function snapshotAndDelete(
  tx: Db,
  d: { orgId: string; id: string; userId: string | null; now: Date },
): Promise<boolean> {
  const now = d.now.toISOString();
  await tx.execute(sql`
    with gone as (
      select * from tasks where org_id = ${d.orgId}::uuid
        and (id = ${d.id}::uuid or parent_id = ${d.id}::uuid))
    insert into deleted_tasks (org_id, id, rows, next_ids, deleted_by, deleted_at)
    select ${d.orgId}::uuid, ${d.id}::uuid, jsonb_agg(to_jsonb(g)),
      coalesce((select jsonb_agg(jsonb_build_object('id', n.id, 'previousId', n.previous_id))
        from tasks n where n.org_id = ${d.orgId}::uuid
          and n.previous_id in (select id from gone) and n.id not in (select id from gone)),
        '[]'::jsonb),
      ${d.userId}::uuid, ${now}::timestamptz
    from gone g having count(*) > 0
    on conflict (org_id, id) do update set rows = excluded.rows, next_ids = excluded.next_ids,
      deleted_by = excluded.deleted_by, deleted_at = excluded.deleted_at`);
  await tx
    .delete(deletedTasks)
    .where(
      and(
        eq(deletedTasks.orgId, d.orgId),
        sql`${deletedTasks.deletedAt} < ${new Date(d.now.getTime() - UNDO_DELETE_MS).toISOString()}::timestamptz`,
      ),
    );
  const deleted = await tx
    .delete(tasks)
    .where(and(eq(tasks.orgId, d.orgId), eq(tasks.id, d.id)))
    .returning({ id: tasks.id });
  return deleted.length > 0;
}

/**
 * Puts a deleted task back as it was, with the ids it had, if `userId` deleted it within the
 * undo window; and relinks the next steps that pointed at it. Undefined: nothing to restore.
 */
export async function restoreDeleted(
  tx: Db,
  d: { orgId: string; id: string; userId: string; now: Date },
): Promise<TaskRow | undefined> {
  const since = new Date(d.now.getTime() - UNDO_DELETE_MS);
  const [snapshot] = await tx
    .delete(deletedTasks)
    .where(
      and(
        eq(deletedTasks.orgId, d.orgId),
        eq(deletedTasks.id, d.id),
        eq(deletedTasks.deletedBy, d.userId),
        sql`${deletedTasks.deletedAt} >= ${since.toISOString()}::timestamptz`,
      ),
    )
    .returning();
  if (!snapshot) return undefined;
  // The rows as they were: the same columns, in the table's order.
  await tx.execute(sql`
    insert into tasks
    select * from jsonb_populate_recordset(null::tasks, ${JSON.stringify(snapshot.rows)}::jsonb)`);
  await tx.execute(sql`
    update tasks set previous_id = x."previousId"
    from jsonb_to_recordset(${JSON.stringify(snapshot.nextIds)}::jsonb) as x(id uuid, "previousId" uuid)
    where tasks.org_id = ${d.orgId}::uuid and tasks.id = x.id and tasks.previous_id is null`);
  const [row] = await tx
    .select()
    .from(tasks)
    .where(and(eq(tasks.orgId, d.orgId), eq(tasks.id, d.id)));
  return row;
}

/** The next step a task's result created, if it is still there. */
export async function findNextOf(tx: Db, orgId: string, id: string): Promise<TaskRow | undefined> {
  const [row] = await tx
    .select()
    .from(tasks)
    .where(and(eq(tasks.orgId, orgId), eq(tasks.previousId, id)))
    .limit(1);
  return row;
}

/** Deletes the next step only while nobody has touched it since it was created. */
export async function deleteUntouched(tx: Db, orgId: string, id: string): Promise<boolean> {
  const deleted = await tx
    .delete(tasks)
    .where(
      and(
        eq(tasks.orgId, orgId),
        eq(tasks.id, id),
        eq(tasks.version, 1),
        isNull(tasks.completedAt),
        isNull(tasks.takenById),
      ),
    )
    .returning({ id: tasks.id });
  return deleted.length > 0;
}
