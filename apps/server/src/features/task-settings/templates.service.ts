import type {
  TaskTemplate,
  TaskType,
  taskTemplateCreateSchema,
  taskTemplateUpdateSchema,
} from '@spotter/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import {
  catchNameTaken,
  fieldError,
  notFound,
  ruleBroken,
  throwIfAny,
  versionConflict,
  type FieldErrors,
} from '../../lib/errors.ts';
import { toTemplateDto } from './task-settings.dto.ts';
import { archiveIfUsedElseDelete, checkUser } from './task-settings.refs.ts';
import * as repo from './templates.repo.ts';

type CreateInput = z.output<typeof taskTemplateCreateSchema>;
type UpdateInput = z.output<typeof taskTemplateUpdateSchema>;

const NAME = 'A task template';

/** Each template with its results, loaded in one query for the whole list. */
async function withResults(
  db: Db,
  orgId: string,
  rows: repo.TemplateRow[],
  includeArchived: boolean,
): Promise<TaskTemplate[]> {
  const results = await repo.listResults(
    db,
    orgId,
    rows.map((r) => r.id),
    includeArchived,
  );
  return rows.map((row) =>
    toTemplateDto(
      row,
      results.filter((r) => r.templateId === row.id),
    ),
  );
}

/** A round's sub-tasks are made from its call template: only rounds have one, and it is a call. */
async function checkCallTemplate(
  db: Db,
  orgId: string,
  type: TaskType,
  callTemplateId: string,
  errors: FieldErrors,
) {
  if (type !== 'round') {
    errors.callTemplateId = fieldError('not_allowed', 'Only a call round has a call template');
    return;
  }
  const call = await repo.findTemplate(db, orgId, callTemplateId);
  if (!call) errors.callTemplateId = fieldError('unknown_reference', 'Unknown task template');
  else if (call.type !== 'call') {
    errors.callTemplateId = fieldError('wrong_kind', 'Pick a personal call template');
  } else if (call.archivedAt) {
    errors.callTemplateId = fieldError('archived', 'This task template is archived');
  }
}

const defaultStays = () =>
  ruleBroken(
    'default_template',
    'The default template of a type cannot be deleted or archived; rename it instead',
  );

export async function listTemplates(db: Db, actor: Actor, query: { includeArchived: boolean }) {
  assertCan(actor, 'tasks.read');
  const rows = await repo.listTemplates(db, actor.orgId, query.includeArchived);
  return { items: await withResults(db, actor.orgId, rows, query.includeArchived) };
}

export async function getTemplate(
  db: Db,
  actor: Actor,
  id: string,
  query: { includeArchived: boolean },
) {
  assertCan(actor, 'tasks.read');
  const row = await repo.findTemplate(db, actor.orgId, id);
  if (!row) throw notFound('Task template');
  const [dto] = await withResults(db, actor.orgId, [row], query.includeArchived);
  return dto!;
}

export async function createTemplate(db: Db, actor: Actor, input: CreateInput) {
  assertCan(actor, 'settings.manage');
  const errors: FieldErrors = {};
  if (input.defaultAssigneeId !== null) {
    await checkUser(db, actor.orgId, input.defaultAssigneeId, 'defaultAssigneeId', errors);
  }
  if (input.callTemplateId !== null) {
    await checkCallTemplate(db, actor.orgId, input.type, input.callTemplateId, errors);
  }
  throwIfAny(errors);
  const position = input.position ?? (await repo.nextTemplatePosition(db, actor.orgId));
  const row = await catchNameTaken(NAME, () =>
    repo.insertTemplate(db, { orgId: actor.orgId, ...input, position }),
  );
  return toTemplateDto(row, []);
}

/** The type never changes: tasks made from the template and its results depend on it. */
export async function updateTemplate(db: Db, actor: Actor, id: string, input: UpdateInput) {
  assertCan(actor, 'settings.manage');
  const { version, archived, ...rest } = input;
  const row = await catchNameTaken(NAME, () =>
    db.transaction(async (tx) => {
      const existing = await repo.findTemplate(tx, actor.orgId, id, true);
      if (!existing) throw notFound('Task template');
      if (version !== undefined && version !== existing.version) {
        throw versionConflict(existing.version);
      }
      const errors: FieldErrors = {};
      const { defaultAssigneeId, callTemplateId } = rest;
      if (defaultAssigneeId && defaultAssigneeId !== existing.defaultAssigneeId) {
        await checkUser(tx, actor.orgId, defaultAssigneeId, 'defaultAssigneeId', errors);
      }
      if (callTemplateId && callTemplateId !== existing.callTemplateId) {
        await checkCallTemplate(tx, actor.orgId, existing.type, callTemplateId, errors);
      }
      throwIfAny(errors);
      const patch: repo.TemplatePatch = { ...rest };
      if (archived !== undefined && archived !== (existing.archivedAt !== null)) {
        if (archived && existing.isDefault) throw defaultStays();
        patch.archivedAt = archived ? new Date() : null;
      }
      const updated = await repo.updateTemplate(tx, actor.orgId, id, patch, version);
      if (!updated) throw versionConflict(existing.version);
      return updated;
    }),
  );
  const [dto] = await withResults(db, actor.orgId, [row], false);
  return dto!;
}

/**
 * T-3: a template tasks or workflows use is archived (history keeps reading), an unused one
 * is deleted with its results. The default of each type stays: new tasks fall back to it.
 */
export async function deleteTemplate(db: Db, actor: Actor, id: string) {
  assertCan(actor, 'settings.manage');
  return db.transaction(async (tx) => {
    // The row lock makes a task being created from this template wait, so "unused" holds.
    const existing = await repo.findTemplate(tx, actor.orgId, id, true);
    if (!existing) throw notFound('Task template');
    if (existing.isDefault) throw defaultStays();
    return archiveIfUsedElseDelete(existing, 'Task template', {
      inUse: () => repo.isTemplateInUse(tx, actor.orgId, id),
      archive: () => repo.updateTemplate(tx, actor.orgId, id, { archivedAt: new Date() }),
      remove: () => repo.deleteTemplate(tx, actor.orgId, id),
    });
  });
}
