import { and, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { JobDefinitions } from '../jobs/index.ts';
import { taskTemplates } from '../task-settings/index.ts';
import { taskReminderDue } from './tasks.hooks.ts';
import { tasks } from './tasks.table.ts';

const BATCH = 200;
const SWEEP_EVERY_MS = 5000;

interface Fired {
  id: string;
  org_id: string;
  assignee_id: string;
  template_id: string;
}

/**
 * Fires the reminders due at `now` (T-10), exactly once each: ONE transaction claims up to
 * `limit` due tasks (FOR UPDATE SKIP LOCKED, so another instance sweeping at the same moment
 * takes other rows), stamps `reminded_at` and lets the notifications feature tell each
 * assignee (the `taskReminderDue` hook). Either all of it commits or none, so a crash in
 * between neither loses nor repeats a reminder. Returns how many fired.
 */
export async function runReminderSweep(db: Db, now: Date, limit = BATCH): Promise<number> {
  return db.transaction(async (tx) => {
    // A MATERIALIZED claim runs once: as `(org_id, id) in (…)` PostgreSQL may run the locking
    // subquery again for each stamped row, taking `limit` more each time. The stamp is checked
    // again on the locked row: another sweep may have stamped it meanwhile.
    const result = await tx.execute(sql`
      with due as materialized (
        select ${tasks.orgId} as org_id, ${tasks.id} as id from ${tasks}
        where ${tasks.remindAt} <= ${now.toISOString()}::timestamptz
          and ${tasks.remindedAt} is null and ${tasks.completedAt} is null
          and ${tasks.assigneeId} is not null
        order by ${tasks.remindAt}
        limit ${limit}
        for update skip locked
      )
      update ${tasks} set reminded_at = ${now.toISOString()}::timestamptz
      from due
      where ${tasks.orgId} = due.org_id and ${tasks.id} = due.id and ${tasks.remindedAt} is null
      returning ${tasks.id} as id, ${tasks.orgId} as org_id,
        ${tasks.assigneeId} as assignee_id, ${tasks.templateId} as template_id`);
    const fired = (result as unknown as { rows: Fired[] }).rows;
    if (fired.length === 0) return 0;
    const names = await tx
      .select({ id: taskTemplates.id, name: taskTemplates.name })
      .from(taskTemplates)
      .where(
        and(
          inArray(taskTemplates.orgId, [...new Set(fired.map((t) => t.org_id))]),
          inArray(taskTemplates.id, [...new Set(fired.map((t) => t.template_id))]),
        ),
      );
    const nameOf = new Map(names.map((n) => [n.id, n.name]));
    for (const task of fired) {
      await taskReminderDue.run(tx, {
        orgId: task.org_id,
        userId: task.assignee_id,
        taskId: task.id,
        text: nameOf.get(task.template_id) ?? '',
      });
    }
    return fired.length;
  });
}

/**
 * The reminder sweep as a recurring system job: due at start (reminders due while the server
 * was down fire now) and then every few seconds, draining full batches at once. Any instance
 * may run it; the sweep itself is safe with several at once.
 */
export const reminderJobs: JobDefinitions = {
  'reminders.sweep': {
    every: SWEEP_EVERY_MS,
    run: async (db, _job, ctx) => {
      // A full batch: more may be waiting.
      while (!ctx.stopping() && (await runReminderSweep(db, ctx.now)) === BATCH) {
        // next batch
      }
    },
  },
};
