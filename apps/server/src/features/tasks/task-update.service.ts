import type { Task, taskUpdateSchema } from '@spotter/contracts';
import type { z } from 'zod';
import { assertCan } from '../../lib/actor.ts';
import { throwIfAny, versionConflict, type FieldErrors } from '../../lib/errors.ts';
import { taskAssigned } from './tasks.hooks.ts';
import { taskDto, visibleTask, whyNotUpdated, type TaskCtx } from './task-context.ts';
import { checkContact, checkPrivate, checkRefs, checkTemplate } from './task-input.ts';
import { findTemplate } from './task-refs.repo.ts';
import { publishParentUpdated, publishTaskEvent } from './task-events.ts';
import * as repo from './tasks.repo.ts';

export type TaskUpdateInput = z.output<typeof taskUpdateSchema>;

const has = <K extends keyof TaskUpdateInput>(input: TaskUpdateInput, key: K) =>
  input[key] !== undefined;

/** Checks the changed fields against the task's type and turns them into column values. */
async function patchOf(
  ctx: TaskCtx,
  row: repo.TaskRow,
  input: TaskUpdateInput,
): Promise<repo.TaskPatch> {
  const { db, actor } = ctx;
  const errors: FieldErrors = {};
  const patch: repo.TaskPatch = {};
  if (input.templateId && input.templateId !== row.templateId) {
    // The type decides what a task is about (a client, persons, nobody): it stays.
    if (await checkTemplate(db, actor.orgId, input.templateId, errors, row.type)) {
      patch.templateId = input.templateId;
    }
  }
  if (has(input, 'contactId') && input.contactId !== row.contactId) {
    const contact = await checkContact(db, actor.orgId, row.type, input.contactId ?? null, errors);
    if (contact) patch.contactId = contact.id;
  }
  if (has(input, 'private') && input.private !== row.private) {
    checkPrivate(row.type, input.private!, errors);
    patch.private = input.private;
  }
  await checkRefs(
    db,
    actor.orgId,
    { assigneeId: input.assigneeId, statusId: input.statusId, branchId: input.branchId },
    errors,
  );
  throwIfAny(errors);
  if (has(input, 'assigneeId')) patch.assigneeId = input.assigneeId;
  if (has(input, 'statusId')) patch.statusId = input.statusId;
  if (has(input, 'branchId')) patch.branchId = input.branchId;
  if (has(input, 'comment')) patch.comment = input.comment;
  if (has(input, 'dueAt')) patch.dueAt = input.dueAt ? new Date(input.dueAt) : null;
  if (has(input, 'remindAt')) {
    patch.remindAt = input.remindAt ? new Date(input.remindAt) : null;
    // A new reminder time is a new reminder: it fires again.
    patch.remindedAt = null;
  }
  if (input.reopen && row.completedAt) {
    Object.assign(patch, {
      completedAt: null,
      completedById: null,
      resultId: null,
      resultFields: {},
      resultComment: '',
    } satisfies repo.TaskPatch);
  }
  return patch;
}

/** T-11: edit a task; a stale version gets 409 unless the user chose to overwrite. */
export async function updateTask(ctx: TaskCtx, id: string, input: TaskUpdateInput): Promise<Task> {
  assertCan(ctx.actor, 'tasks.write');
  const row = await visibleTask(ctx, id);
  const checkVersion = input.version !== undefined && !input.force;
  if (checkVersion && input.version !== row.version) throw versionConflict(row.version);
  const patch = await patchOf(ctx, row, input);
  const guard = { version: checkVersion ? input.version : undefined };
  const newAssignee =
    patch.assigneeId && patch.assigneeId !== row.assigneeId && patch.assigneeId !== ctx.actor.userId
      ? (patch.assigneeId as string)
      : null;
  const templateId = (patch.templateId as string | undefined) ?? row.templateId;
  const updated = await ctx.db.transaction(async (tx) => {
    const saved = await repo.updateTask(tx, ctx.actor.orgId, row.id, patch, ctx.now, guard);
    if (!saved) return undefined;
    if (newAssignee) {
      const template = await findTemplate(tx, ctx.actor.orgId, templateId);
      await taskAssigned.run(tx, {
        orgId: ctx.actor.orgId,
        userId: newAssignee,
        taskId: saved.id,
        text: template?.name ?? '',
      });
    }
    await publishTaskEvent(tx, ctx.actor.orgId, 'task.updated', saved, row);
    if (saved.parentId) await publishParentUpdated(tx, ctx.actor.orgId, saved.parentId);
    return saved;
  });
  if (!updated) return whyNotUpdated(ctx, row.id, {});
  return taskDto(ctx, updated);
}
