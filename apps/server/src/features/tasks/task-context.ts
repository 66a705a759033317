import type { Task } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { boardBounds, type BoardBounds } from '../../lib/club-time.ts';
import { conflict, notFound, versionConflict, type AppError } from '../../lib/errors.ts';
import { findOrganization } from '../organizations/index.ts';
import { userNames } from '../users/index.ts';
import { toTaskDtos } from './tasks.dto.ts';
import { findTask, type TaskRow, type UpdateGuard } from './tasks.repo.ts';
import { taskChanged } from './tasks.hooks.ts';
import { taskVisibility } from './task-visibility.ts';

/** Every task service call: who asks, and the app's clock (tests pin it). */
export interface TaskCtx {
  db: Db;
  actor: Actor;
  now: Date;
}

export const alreadyCompleted = () =>
  conflict('already_completed', 'This task is already completed');

/** 409 `task_taken`: another staff member has the task in work; the UI offers to take it over. */
export async function taskTaken(ctx: TaskCtx, holderId: string): Promise<AppError> {
  const name = (await userNames(ctx.db, ctx.actor.orgId, [holderId])).get(holderId) ?? '';
  const message = `${name || 'Someone'} has already taken this task into work`;
  return conflict('task_taken', message, undefined, { userId: holderId, name });
}

/** The organization's timezone: "today", "this week" and due offsets are the club's. */
export async function clubTimezone(db: Db, orgId: string): Promise<string> {
  return (await findOrganization(db, orgId))?.timezone ?? 'UTC';
}

export async function clubBounds(ctx: TaskCtx): Promise<{ timezone: string; bounds: BoardBounds }> {
  const timezone = await clubTimezone(ctx.db, ctx.actor.orgId);
  return { timezone, bounds: boardBounds(ctx.now, timezone) };
}

/** A task the actor may see; another organization's, or someone else's private one, is 404. */
export async function visibleTask(ctx: TaskCtx, id: string, db: Db = ctx.db): Promise<TaskRow> {
  const row = await findTask(db, await taskVisibility(ctx.db, ctx.actor), id);
  if (!row) throw notFound('Task');
  return row;
}

/**
 * After a guarded update matched nothing: why (gone, completed meanwhile, taken by someone
 * else meanwhile, or another version).
 */
export async function whyNotUpdated(
  ctx: TaskCtx,
  id: string,
  guard: Pick<UpdateGuard, 'open' | 'notTakenByOthers'>,
): Promise<never> {
  const current = await visibleTask(ctx, id);
  if (guard.open && current.completedAt) throw alreadyCompleted();
  const holder = current.takenById;
  if (guard.notTakenByOthers !== undefined && holder && holder !== guard.notTakenByOthers) {
    throw await taskTaken(ctx, holder);
  }
  throw versionConflict(current.version);
}

export async function taskDtos(
  ctx: TaskCtx,
  rows: TaskRow[],
  bounds?: BoardBounds,
): Promise<Task[]> {
  const b = bounds ?? (await clubBounds(ctx)).bounds;
  return toTaskDtos(ctx.db, ctx.actor.orgId, rows, b);
}

export async function taskDto(ctx: TaskCtx, row: TaskRow): Promise<Task> {
  const [dto] = await taskDtos(ctx, [row]);
  return dto!;
}

/** Tells subscribers (outbound webhooks) about a task's change, inside its transaction. */
export function announceTask(
  tx: Db,
  ctx: TaskCtx,
  row: TaskRow,
  change: 'created' | 'completed' | 'result_recorded',
) {
  return taskChanged.run(tx, {
    orgId: ctx.actor.orgId,
    change,
    taskId: row.id,
    now: ctx.now,
    dto: () => taskDto({ ...ctx, db: tx }, row),
  });
}
