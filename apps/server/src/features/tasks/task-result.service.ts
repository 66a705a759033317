import type { Task, taskResultBodySchema } from '@spotter/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { assertCan } from '../../lib/actor.ts';
import { applyDueOffset, startOfWorkday, type WorkingHours } from '../../lib/club-time.ts';
import { fieldInvalid, validationError, versionConflict } from '../../lib/errors.ts';
import { getWorkingHours } from '../contact-settings/index.ts';
import { insertHistoryMany, primaryGuardians, type HistoryInput } from '../contacts/index.ts';
import { taskAssigned, taskResultEntered } from './tasks.hooks.ts';
import { checkResultFields, type CheckedFields, type FieldValue } from './result-fields.ts';
import {
  announceTask,
  alreadyCompleted,
  clubTimezone,
  taskDtos,
  visibleTask,
  whyNotUpdated,
  type TaskCtx,
} from './task-context.ts';
import {
  activeResults,
  contactName,
  findDictionaries,
  findLiveContact,
  findTemplate,
  firstStatusId,
  taskUserExists,
  type ResultRow,
  type TemplateRow,
} from './task-refs.repo.ts';
import { publishParentUpdated, publishTaskEvent } from './task-events.ts';
import * as repo from './tasks.repo.ts';

export type TaskResultInput = z.output<typeof taskResultBodySchema>;

/** Loop guard (T-5): a workflow whose results keep creating tasks stops after this many steps. */
export const MAX_CHAIN_DEPTH = 50;

/** The entered result, checked: it belongs to the task's template and its fields are filled right. */
async function checkResult(ctx: TaskCtx, row: repo.TaskRow, input: TaskResultInput) {
  const results = await activeResults(ctx.db, ctx.actor.orgId, row.templateId);
  let result: ResultRow | null = null;
  if (input.resultId) {
    result = results.find((r) => r.id === input.resultId) ?? null;
    if (!result) throw fieldInvalid('resultId', 'unknown_reference', 'Unknown result');
  } else if (results.length > 0) {
    throw fieldInvalid('resultId', 'required', 'Pick a result');
  }
  const fields = result?.fields ?? [];
  const dictionaryIds = fields.flatMap((f) => (f.dictionaryId ? [f.dictionaryId] : []));
  const dictionaries = await findDictionaries(ctx.db, ctx.actor.orgId, dictionaryIds);
  const options = new Map([...dictionaries].map(([id, d]) => [id, d.options]));
  const checked = checkResultFields(fields, input.fields, options);
  if (checked.failed.length > 0) throw validationError(checked.errors, checked.failed.join('; '));
  return { result, checked };
}

interface NextPlan {
  template: TemplateRow;
  assigneeId: string | null;
  statusId: string | null;
  dueAt: Date;
}

/** T-5: who gets the next task. "Same" is who entered the result (an API token: the assignee). */
async function nextAssignee(
  ctx: TaskCtx,
  row: repo.TaskRow,
  step: { assignTo: string; userId: string | null },
) {
  const same = ctx.actor.userId ?? row.assigneeId;
  if (step.assignTo === 'user' && step.userId) {
    return (await taskUserExists(ctx.db, ctx.actor.orgId, step.userId)) ? step.userId : same;
  }
  if (step.assignTo === 'responsible' && row.contactId) {
    const contact = await findLiveContact(ctx.db, ctx.actor.orgId, row.contactId);
    const responsible = contact?.responsibleId;
    if (responsible && (await taskUserExists(ctx.db, ctx.actor.orgId, responsible))) {
      return responsible;
    }
  }
  return same;
}

/**
 * T-5: the moment the next step is counted from. A step based on a date field ("going to buy"
 * with its planned date) counts from that day at the start of the working day; left empty, or
 * without one, from the moment the result is entered.
 */
function countedFrom(
  ctx: TaskCtx,
  result: ResultRow,
  values: Readonly<Record<string, FieldValue>>,
  timezone: string,
  hours: WorkingHours,
): Date {
  const id = result.next?.fromFieldId;
  const field = id ? result.fields.find((f) => f.id === id && f.type === 'date') : undefined;
  const day = field ? values[field.id] : undefined;
  return typeof day === 'string' ? startOfWorkday(day, timezone, hours) : ctx.now;
}

/**
 * The next task a result asks for, read before the transaction opens (PGlite runs one query at
 * a time, so nothing outside the transaction may be awaited inside it). None when the template
 * is gone or archived, or the chain has reached the loop guard.
 */
async function planNext(
  ctx: TaskCtx,
  row: repo.TaskRow,
  result: ResultRow | null,
  values: Readonly<Record<string, FieldValue>>,
): Promise<NextPlan | null> {
  const step = result?.next;
  if (!step || row.chainDepth + 1 > MAX_CHAIN_DEPTH) return null;
  const template = await findTemplate(ctx.db, ctx.actor.orgId, step.templateId);
  // A round is planned by hand; an archived template takes no new tasks.
  if (!template || template.archivedAt || template.type === 'round') return null;
  const [timezone, hours, assigneeId, statusId] = await Promise.all([
    clubTimezone(ctx.db, ctx.actor.orgId),
    getWorkingHours(ctx.db, ctx.actor.orgId),
    nextAssignee(ctx, row, step),
    firstStatusId(ctx.db, ctx.actor.orgId),
  ]);
  const from = countedFrom(ctx, result, values, timezone, hours);
  return {
    template,
    assigneeId,
    statusId,
    dueAt: applyDueOffset(from, step.offset, timezone, hours),
  };
}

async function insertNext(tx: Db, ctx: TaskCtx, row: repo.TaskRow, plan: NextPlan) {
  const { actor, now } = ctx;
  const next = await repo.insertTask(tx, {
    orgId: actor.orgId,
    type: plan.template.type,
    templateId: plan.template.id,
    // An internal next step ("prepare the contract") is about nobody.
    contactId: plan.template.type === 'internal' ? null : row.contactId,
    assigneeId: plan.assigneeId,
    creatorId: actor.userId,
    comment: plan.template.defaultComment,
    dueAt: plan.dueAt,
    statusId: plan.statusId,
    previousId: row.id,
    chainDepth: row.chainDepth + 1,
    branchId: row.branchId,
    createdAt: now,
    updatedAt: now,
  });
  if (plan.assigneeId && plan.assigneeId !== actor.userId) {
    await taskAssigned.run(tx, {
      orgId: actor.orgId,
      userId: plan.assigneeId,
      taskId: next.id,
      text: plan.template.name,
    });
  }
  await publishTaskEvent(tx, actor.orgId, 'task.created', next);
  await announceTask(tx, ctx, next, 'created');
  return next;
}

function historyData(
  row: repo.TaskRow,
  template: TemplateRow | undefined,
  result: ResultRow | null,
  checked: CheckedFields,
) {
  return {
    taskId: row.id,
    template: template?.name ?? '',
    result: result?.name ?? null,
    fields: checked.display,
  };
}

/**
 * Issue 17: a call about a minor goes to their primary guardian (the card showed and dialled
 * that guardian's phone), read before the transaction as the card reads it. Null otherwise.
 */
async function calledAbout(ctx: TaskCtx, row: repo.TaskRow) {
  if (!row.contactId) return null;
  const { guardians } = await primaryGuardians(ctx.db, ctx.actor.orgId, [row.contactId], ctx.now);
  const guardian = guardians.get(row.contactId);
  if (!guardian) return null;
  const childName = await contactName(ctx.db, ctx.actor.orgId, row.contactId);
  return { guardian, childName: childName ?? '' };
}

/**
 * The result's timeline entries: the contact's own; for a call made to a guardian about a
 * child, the child's names whom was called (`calledId`, `calledName`) and the guardian gets
 * the same entry naming the child it was about (`aboutId`, `aboutName`). Undo takes both back.
 */
function resultEntries(
  contactId: string,
  called: Awaited<ReturnType<typeof calledAbout>>,
  entry: HistoryInput & { data: Record<string, unknown> },
): Array<HistoryInput & { contactId: string }> {
  if (!called) return [{ ...entry, contactId }];
  const { guardian, childName } = called;
  return [
    {
      ...entry,
      contactId,
      data: { ...entry.data, calledId: guardian.id, calledName: guardian.name },
    },
    {
      ...entry,
      contactId: guardian.id,
      data: { ...entry.data, aboutId: contactId, aboutName: childName },
    },
  ];
}

/**
 * T-4, T-5: completes the task with its result, writes it on the client's timeline and creates
 * the workflow's next step — all or nothing, in one transaction.
 */
export async function enterResult(
  ctx: TaskCtx,
  id: string,
  input: TaskResultInput,
): Promise<{ task: Task; nextTask: Task | null }> {
  assertCan(ctx.actor, 'tasks.write');
  const row = await visibleTask(ctx, id);
  if (row.completedAt) throw alreadyCompleted();
  if (input.version !== undefined && input.version !== row.version) {
    throw versionConflict(row.version);
  }
  const { result, checked } = await checkResult(ctx, row, input);
  const [template, plan, called] = await Promise.all([
    findTemplate(ctx.db, ctx.actor.orgId, row.templateId),
    planNext(ctx, row, result, checked.values),
    calledAbout(ctx, row),
  ]);
  const guard = { open: true, version: input.version };
  const done = await ctx.db.transaction(async (tx) => {
    const completed = await repo.updateTask(
      tx,
      ctx.actor.orgId,
      row.id,
      {
        completedAt: ctx.now,
        completedById: ctx.actor.userId,
        resultId: result?.id ?? null,
        resultFields: checked.values,
        resultComment: input.comment,
      },
      ctx.now,
      guard,
    );
    if (!completed) return undefined;
    if (row.contactId) {
      await insertHistoryMany(
        tx,
        ctx.actor.orgId,
        resultEntries(row.contactId, called, {
          event: 'task_result',
          text: input.comment,
          data: historyData(row, template, result, checked),
          authorId: ctx.actor.userId,
        }),
      );
    }
    await taskResultEntered.run(tx, {
      orgId: ctx.actor.orgId,
      taskId: row.id,
      type: row.type,
      contactId: row.contactId,
      at: ctx.now,
    });
    const next = plan ? await insertNext(tx, ctx, row, plan) : null;
    await publishTaskEvent(tx, ctx.actor.orgId, 'task.updated', completed);
    await announceTask(tx, ctx, completed, 'completed');
    if (result) await announceTask(tx, ctx, completed, 'result_recorded');
    // The round's progress changed with its call.
    if (row.parentId) await publishParentUpdated(tx, ctx.actor.orgId, row.parentId);
    return { completed, next };
  });
  if (!done) return whyNotUpdated(ctx, row.id, guard);
  const [task, nextTask] = await taskDtos(
    ctx,
    done.next ? [done.completed, done.next] : [done.completed],
  );
  return { task: task!, nextTask: nextTask ?? null };
}
