import type { Task } from '@spotter/contracts';
import { assertCan } from '../../lib/actor.ts';
import { conflict, notFound, pgErrorCode, ruleBroken, versionConflict } from '../../lib/errors.ts';
import { deleteTaskResultHistoryWithGuardian } from '../contacts/index.ts';
import { taskDto, taskDtos, visibleTask, whyNotUpdated, type TaskCtx } from './task-context.ts';
import { publishParentUpdated, publishRoundCreated, publishTaskEvent } from './task-events.ts';
import { deleteUntouched, findNextOf, restoreDeleted } from './task-undo.repo.ts';
import * as repo from './tasks.repo.ts';
import { taskResultUndone } from './tasks.hooks.ts';

function needsUser(ctx: TaskCtx): string {
  if (!ctx.actor.userId) throw ruleBroken('needs_user', 'Only a staff member can undo');
  return ctx.actor.userId;
}

/**
 * "Undo" after deleting a task (issue 10): the task (a round with its calls) comes back as it
 * was, ids and all, for the one who deleted it, within a day. What it belonged to may be gone
 * by then (its round deleted, its person purged): 409 `cannot_restore`.
 */
export async function restoreTask(ctx: TaskCtx, id: string): Promise<Task> {
  assertCan(ctx.actor, 'tasks.write');
  const userId = needsUser(ctx);
  const { orgId } = ctx.actor;
  const row = await ctx.db
    .transaction(async (tx) => {
      const restored = await restoreDeleted(tx, { orgId, id, userId, now: ctx.now });
      if (!restored) return undefined;
      await (restored.type === 'round'
        ? publishRoundCreated(tx, orgId, restored)
        : publishTaskEvent(tx, orgId, 'task.created', restored));
      if (restored.parentId) await publishParentUpdated(tx, orgId, restored.parentId);
      return restored;
    })
    .catch((err: unknown) => {
      if (pgErrorCode(err) !== '23503') throw err;
      throw conflict('cannot_restore', 'What this task belonged to has been deleted since');
    });
  if (!row) throw notFound('Deleted task');
  return taskDto(ctx, row);
}

/**
 * "Undo" right after entering a result (issue 10): the task is open again, without the result
 * and its line in the client's history. The next step that result created goes too while no
 * one has touched it; once someone has (edited, taken, completed it) it stays and is returned
 * as `keptNext`, so the user decides. `version` is the completed task's: a change since is 409.
 */
export async function undoResult(
  ctx: TaskCtx,
  id: string,
  input: { version: number },
): Promise<{ task: Task; removedNextId: string | null; keptNext: Task | null }> {
  assertCan(ctx.actor, 'tasks.write');
  const userId = needsUser(ctx);
  const { orgId } = ctx.actor;
  const row = await visibleTask(ctx, id);
  if (!row.completedAt) throw conflict('not_completed', 'This task is not completed');
  if (row.completedById !== userId) {
    throw ruleBroken('not_yours', 'Only who entered the result can undo it; reopen the task');
  }
  if (input.version !== row.version) throw versionConflict(row.version);
  const guard = { version: input.version };
  const done = await ctx.db.transaction(async (tx) => {
    const reopened = await repo.updateTask(
      tx,
      orgId,
      row.id,
      {
        completedAt: null,
        completedById: null,
        resultId: null,
        resultFields: {},
        resultComment: '',
      },
      ctx.now,
      guard,
    );
    if (!reopened) return undefined;
    // A call made to a guardian about a child: the guardian's entry goes too (issue 17).
    if (row.contactId) {
      await deleteTaskResultHistoryWithGuardian(tx, orgId, row.contactId, row.id);
    }
    await taskResultUndone.run(tx, {
      orgId,
      taskId: row.id,
      type: row.type,
      contactId: row.contactId,
      at: ctx.now,
    });
    const next = await findNextOf(tx, orgId, row.id);
    const removed = next ? await deleteUntouched(tx, orgId, next.id) : false;
    if (next && removed) await publishTaskEvent(tx, orgId, 'task.deleted', next);
    await publishTaskEvent(tx, orgId, 'task.updated', reopened);
    if (row.parentId) await publishParentUpdated(tx, orgId, row.parentId);
    return { reopened, next, removed };
  });
  if (!done) return whyNotUpdated(ctx, row.id, {});
  const kept = done.next && !done.removed ? done.next : null;
  const [task, keptNext] = await taskDtos(ctx, kept ? [done.reopened, kept] : [done.reopened]);
  return {
    task: task!,
    removedNextId: done.removed ? done.next!.id : null,
    keptNext: keptNext ?? null,
  };
}
