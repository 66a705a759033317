import { and, asc, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { tasks, taskTemplates } from '../../db/schema.ts';
import type { JobDefinitions } from '../jobs/index.ts';
import { insertNotification } from './notifications.repo.ts';

const BATCH = 200;
const SWEEP_EVERY_MS = 5000;

/**
 * Fires the reminders due at `now` (T-10), exactly once each: ONE transaction claims up to
 * `limit` due tasks (FOR UPDATE SKIP LOCKED, so another instance sweeping at the same moment
 * takes other rows), stamps `reminded_at` and writes each assignee's notification. Either all
 * of it commits or none, so a crash in between neither loses nor repeats a reminder.
 * Returns how many fired.
 */
export async function runReminderSweep(db: Db, now: Date, limit = BATCH): Promise<number> {
  return db.transaction(async (tx) => {
    const due = tx
      .select({ id: tasks.id })
      .from(tasks)
      .where(
        and(
          lte(tasks.remindAt, now),
          isNull(tasks.remindedAt),
          isNull(tasks.completedAt),
          isNotNull(tasks.assigneeId),
        ),
      )
      .orderBy(asc(tasks.remindAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    const fired = await tx
      .update(tasks)
      .set({ remindedAt: now })
      // `= any(array(…))` runs the subquery once; as `in (…)` PostgreSQL may run it again for
      // each stamped row, taking `limit` more each time. Checked again on the locked row:
      // another sweep may have stamped it meanwhile.
      .where(and(sql`${tasks.id} = any(array(${due}))`, isNull(tasks.remindedAt)))
      .returning({
        id: tasks.id,
        orgId: tasks.orgId,
        assigneeId: tasks.assigneeId,
        templateId: tasks.templateId,
      });
    if (fired.length === 0) return 0;
    const names = await tx
      .select({ id: taskTemplates.id, name: taskTemplates.name })
      .from(taskTemplates)
      .where(inArray(taskTemplates.id, [...new Set(fired.map((t) => t.templateId))]));
    const nameOf = new Map(names.map((n) => [n.id, n.name]));
    for (const task of fired) {
      await insertNotification(tx, {
        orgId: task.orgId,
        userId: task.assigneeId!,
        kind: 'reminder',
        taskId: task.id,
        text: nameOf.get(task.templateId) ?? '',
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
