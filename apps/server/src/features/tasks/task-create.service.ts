import type { Task, taskCreateSchema } from '@spotter/contracts';
import type { z } from 'zod';
import { assertCan } from '../../lib/actor.ts';
import { clubDate, dueOnDay } from '../../lib/club-time.ts';
import {
  fieldError,
  fieldInvalid,
  ruleBroken,
  throwIfAny,
  validationError,
  type FieldErrors,
} from '../../lib/errors.ts';
import { getWorkingHours } from '../contact-settings/index.ts';
import { livePersonIds } from '../contacts/index.ts';
import { taskAssigned } from './tasks.hooks.ts';
import { announceTask, clubTimezone, taskDto, type TaskCtx } from './task-context.ts';
import { checkContact, checkPrivate, checkRefs, checkTemplate, defaultDue } from './task-input.ts';
import {
  defaultTemplateOf,
  findTemplate,
  firstStatusId,
  taskUserExists,
  type TemplateRow,
} from './task-refs.repo.ts';
import { publishRoundCreated, publishTaskEvent } from './task-events.ts';
import { insertRoundCalls, insertTask } from './tasks.repo.ts';

export type TaskCreateInput = z.output<typeof taskCreateSchema>;

/** T-2: the most persons one call round may cover. */
export const MAX_ROUND = 5000;

/** The body's assignee, else the template's default (while still a valid one), else the creator. */
async function assigneeFor(ctx: TaskCtx, input: TaskCreateInput, template: TemplateRow) {
  if (input.assigneeId) return input.assigneeId;
  const fallback = template.defaultAssigneeId;
  if (fallback && (await taskUserExists(ctx.db, ctx.actor.orgId, fallback))) return fallback;
  return ctx.actor.userId;
}

/** The persons of a round: the picked ones, or everyone the persons list shows for the filter. */
async function roundPersons(ctx: TaskCtx, input: TaskCreateInput): Promise<string[]> {
  if (!input.personIds && !input.filter) {
    throw fieldInvalid(
      'personIds',
      'required',
      'Pick the persons to call, or a filtered list of them',
    );
  }
  const ids = await livePersonIds(ctx.db, ctx.actor.orgId, {
    filter: input.filter,
    ids: input.personIds ? [...new Set(input.personIds)] : undefined,
    limit: MAX_ROUND + 1,
  });
  const field = input.personIds ? 'personIds' : 'filter';
  if (ids.length === 0) throw fieldInvalid(field, 'required', 'No persons to call');
  if (ids.length > MAX_ROUND) {
    throw fieldInvalid(field, 'too_many', `A call round covers at most ${MAX_ROUND} persons`, {
      max: MAX_ROUND,
    });
  }
  return ids;
}

/** A round's calls use its call template, else the organization's default call template. */
async function callTemplateOf(ctx: TaskCtx, round: TemplateRow): Promise<TemplateRow> {
  const named = round.callTemplateId
    ? await findTemplate(ctx.db, ctx.actor.orgId, round.callTemplateId)
    : undefined;
  if (named && named.type === 'call' && !named.archivedAt) return named;
  const fallback = await defaultTemplateOf(ctx.db, ctx.actor.orgId, 'call');
  if (!fallback || fallback.type !== 'call') {
    throw ruleBroken('no_call_template', 'Create a personal call template before a call round');
  }
  return fallback;
}

/**
 * A call round's due time: as given, else its day at the club's working time (today when no
 * day is named and the template has no offset). A round's calls always have one, so they land
 * in Today or on their day, never among new leads in Unsorted.
 */
async function roundDue(ctx: TaskCtx, input: TaskCreateInput, template: TemplateRow) {
  if (input.dueAt === null) {
    throw fieldInvalid('dueAt', 'required', 'A call round has a due date');
  }
  if (input.dueAt !== undefined || (!input.dueDate && template.dueOffsetMinutes !== null)) {
    return defaultDue(input.dueAt, template, ctx.now);
  }
  const [timezone, hours] = await Promise.all([
    clubTimezone(ctx.db, ctx.actor.orgId),
    getWorkingHours(ctx.db, ctx.actor.orgId),
  ]);
  const today = clubDate(ctx.now, timezone);
  // ISO dates compare as strings.
  if (input.dueDate && input.dueDate < today) {
    throw fieldInvalid('dueDate', 'too_small', 'A call round cannot be due before today', {
      min: today,
    });
  }
  return dueOnDay(input.dueDate ?? today, timezone, hours, ctx.now);
}

/** T-1, T-2: a task, or a call round with one call per person, in one transaction. */
export async function createTask(ctx: TaskCtx, input: TaskCreateInput): Promise<Task> {
  assertCan(ctx.actor, 'tasks.write');
  const { db, actor, now } = ctx;
  const errors: FieldErrors = {};
  const template = await checkTemplate(db, actor.orgId, input.templateId, errors);
  if (!template) throw validationError(errors);
  const type = template.type;
  const contact = await checkContact(db, actor.orgId, type, input.contactId, errors);
  checkPrivate(type, input.private, errors);
  if (type !== 'round' && (input.personIds || input.filter)) {
    errors.personIds = fieldError('not_allowed', 'Only a call round takes a list of persons');
  }
  if (type !== 'round' && input.dueDate) {
    errors.dueDate = fieldError('not_allowed', 'Only a call round takes a due date; send dueAt');
  }
  await checkRefs(db, actor.orgId, input, errors);
  throwIfAny(errors);

  const persons = type === 'round' ? await roundPersons(ctx, input) : [];
  const callTemplate = type === 'round' ? await callTemplateOf(ctx, template) : undefined;
  const dueAt =
    type === 'round'
      ? await roundDue(ctx, input, template)
      : defaultDue(input.dueAt, template, now);
  // A planned call is sorted already: with no status it would wait in Unsorted with new leads.
  const callStatusId =
    type === 'round' ? (input.statusId ?? (await firstStatusId(db, actor.orgId))) : null;
  const assigneeId = await assigneeFor(ctx, input, template);
  const base = {
    orgId: actor.orgId,
    templateId: template.id,
    assigneeId,
    creatorId: actor.userId,
    comment: input.comment ?? template.defaultComment,
    dueAt,
    remindAt: input.remindAt ? new Date(input.remindAt) : null,
    statusId: input.statusId,
    createdAt: now,
    updatedAt: now,
  };
  const row = await db.transaction(async (tx) => {
    const created = await insertTask(tx, {
      ...base,
      type,
      contactId: contact?.id ?? null,
      branchId: input.branchId ?? contact?.branchId ?? null,
      private: input.private,
    });
    if (callTemplate) {
      await insertRoundCalls(tx, {
        ...base,
        // The round carries the reminder: thousands of calls must not each ring at once.
        remindAt: null,
        statusId: callStatusId,
        templateId: callTemplate.id,
        parentId: created.id,
        personIds: persons,
        now,
      });
    }
    if (assigneeId && assigneeId !== actor.userId) {
      await taskAssigned.run(tx, {
        orgId: actor.orgId,
        userId: assigneeId,
        taskId: created.id,
        text: template.name,
      });
    }
    await (callTemplate
      ? publishRoundCreated(tx, actor.orgId, created)
      : publishTaskEvent(tx, actor.orgId, 'task.created', created));
    await announceTask(tx, ctx, created, 'created');
    return created;
  });
  return taskDto(ctx, row);
}
