import { sql } from 'drizzle-orm';
import type { Task, TaskList, TaskListQuery, taskMoveSchema } from '@spotter/contracts';
import type { z } from 'zod';
import { assertCan } from '../../lib/actor.ts';
import { moveDueTo, startOfClubDay } from '../../lib/club-time.ts';
import { fieldError, fieldInvalid, ruleBroken, versionConflict } from '../../lib/errors.ts';
import {
  alreadyCompleted,
  clubBounds,
  taskDto,
  taskDtos,
  taskTaken,
  visibleTask,
  whyNotUpdated,
  type TaskCtx,
} from './task-context.ts';
import { firstStatusId } from './task-refs.repo.ts';
import { taskSearchCondition } from './task-search.ts';
import { taskVisibility } from './task-visibility.ts';
import { publishParentUpdated, publishTaskEvent } from './task-events.ts';
import * as repo from './tasks.repo.ts';
import { snapshotAndDelete } from './task-undo.repo.ts';
import { countTasks, listTaskPage, type TaskListScope } from './tasks-list.repo.ts';
import { tasks } from './tasks.table.ts';

export async function getTask(ctx: TaskCtx, id: string): Promise<Task> {
  assertCan(ctx.actor, 'tasks.read');
  return taskDto(ctx, await visibleTask(ctx, id));
}

/** T-9: all tasks, my tasks, a round's calls, the control view's drill-down. */
export async function listTasks(ctx: TaskCtx, q: TaskListQuery): Promise<TaskList> {
  assertCan(ctx.actor, 'tasks.read');
  if (q.assigneeId === 'me' && !ctx.actor.userId) {
    throw fieldInvalid('assigneeId', 'not_allowed', 'An API token has no tasks of its own');
  }
  if (q.completedById === 'me' && !ctx.actor.userId) {
    throw fieldInvalid('completedById', 'not_allowed', 'An API token has no tasks of its own');
  }
  const [{ timezone, bounds }, visible, search] = await Promise.all([
    clubBounds(ctx),
    taskVisibility(ctx.db, ctx.actor),
    q.search ? taskSearchCondition(ctx.db, ctx.actor.orgId, q.search) : undefined,
  ]);
  const scope: TaskListScope = {
    visible,
    state: q.state,
    bounds,
    assigneeId: q.assigneeId === 'me' ? ctx.actor.userId! : q.assigneeId,
    unassigned: q.unassigned,
    completedById: q.completedById === 'me' ? ctx.actor.userId! : q.completedById,
    type: q.type,
    templateId: q.templateId,
    statusId: q.statusId,
    resultId: q.resultId,
    noResult: q.noResult,
    branchId: q.branchId,
    contactId: q.contactId,
    parentId: q.parentId,
    // Days of the club's calendar: [from 00:00, to + 1 day 00:00) there.
    doneFrom: q.doneFrom ? startOfClubDay(q.doneFrom, timezone) : undefined,
    doneTo: q.doneTo ? startOfClubDay(nextDay(q.doneTo), timezone) : undefined,
    createdFrom: q.createdFrom ? startOfClubDay(q.createdFrom, timezone) : undefined,
    createdTo: q.createdTo ? startOfClubDay(nextDay(q.createdTo), timezone) : undefined,
    dueBefore: q.dueBefore ? startOfClubDay(q.dueBefore, timezone) : undefined,
    groupId: q.groupId,
    search,
  };
  const [rows, total] = await Promise.all([
    listTaskPage(ctx.db, scope, q.sort, { limit: q.limit, offset: q.offset }),
    countTasks(ctx.db, scope),
  ]);
  return { items: await taskDtos(ctx, rows, bounds), total };
}

function nextDay(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export async function deleteTask(ctx: TaskCtx, id: string): Promise<void> {
  assertCan(ctx.actor, 'tasks.write');
  const row = await visibleTask(ctx, id);
  await ctx.db.transaction(async (tx) => {
    // Kept for "Undo": restoreTask puts back exactly these rows.
    const deleted = await snapshotAndDelete(tx, {
      orgId: ctx.actor.orgId,
      id: row.id,
      userId: ctx.actor.userId,
      now: ctx.now,
    });
    if (!deleted) return;
    await publishTaskEvent(tx, ctx.actor.orgId, 'task.deleted', row);
    if (row.parentId) await publishParentUpdated(tx, ctx.actor.orgId, row.parentId);
  });
}

/** A task with no status leaves Unsorted once someone works on it (T-6, T-8). */
async function statusOnceWorked(ctx: TaskCtx) {
  const first = await firstStatusId(ctx.db, ctx.actor.orgId);
  return first ? sql`coalesce(${tasks.statusId}, ${first}::uuid)` : undefined;
}

/**
 * T-6: "take into work" marks who handles the task now; `release` lets it go. A task another
 * staff member has is theirs until this user chooses `takeOver`: of several taking it at once,
 * one wins and the others hear who (409 `task_taken`).
 */
export async function takeTask(
  ctx: TaskCtx,
  id: string,
  opts: { release: boolean; takeOver: boolean },
): Promise<Task> {
  assertCan(ctx.actor, 'tasks.write');
  const me = ctx.actor.userId;
  if (!me) {
    throw ruleBroken('needs_user', 'Only a staff member can take a task into work');
  }
  const row = await visibleTask(ctx, id);
  if (row.completedAt) throw alreadyCompleted();
  if (opts.release) {
    return saveAndPublish(ctx, row.id, { takenById: null, takenAt: null }, { open: true });
  }
  if (!opts.takeOver && row.takenById && row.takenById !== me) {
    throw await taskTaken(ctx, row.takenById);
  }
  const patch: repo.TaskPatch = {
    takenById: me,
    takenAt: ctx.now,
    statusId: await statusOnceWorked(ctx),
  };
  // The check above reads a moment ago; the guard decides it in the update itself.
  return saveAndPublish(ctx, row.id, patch, {
    open: true,
    notTakenByOthers: opts.takeOver ? undefined : me,
  });
}

/** T-8: a card dropped on a column gets that column's first day, keeping its time of day. */
export async function moveTask(
  ctx: TaskCtx,
  id: string,
  input: z.output<typeof taskMoveSchema>,
): Promise<Task> {
  assertCan(ctx.actor, 'tasks.write');
  const row = await visibleTask(ctx, id);
  if (row.completedAt) throw alreadyCompleted();
  if (input.version !== undefined && input.version !== row.version) {
    throw versionConflict(row.version);
  }
  const { timezone, bounds } = await clubBounds(ctx);
  const dueAt = moveDueTo(input.column, row.dueAt, bounds, timezone);
  if (!dueAt) {
    throw ruleBroken('not_droppable', 'Nothing can be moved to this column today', {
      column: fieldError('not_allowed', 'Not droppable now'),
    });
  }
  return saveAndPublish(
    ctx,
    row.id,
    { dueAt, statusId: await statusOnceWorked(ctx) },
    { open: true, version: input.version },
  );
}

async function saveAndPublish(
  ctx: TaskCtx,
  id: string,
  patch: repo.TaskPatch,
  guard: repo.UpdateGuard,
): Promise<Task> {
  const updated = await ctx.db.transaction(async (tx) => {
    const row = await repo.updateTask(tx, ctx.actor.orgId, id, patch, ctx.now, guard);
    if (row) await publishTaskEvent(tx, ctx.actor.orgId, 'task.updated', row);
    return row;
  });
  if (!updated) return whyNotUpdated(ctx, id, guard);
  return taskDto(ctx, updated);
}
