import type { taskResultCreateSchema, taskResultUpdateSchema } from '@spotter/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { catchNameTaken, notFound, throwIfAny, type FieldErrors } from '../../lib/errors.ts';
import { toResultDto } from './task-settings.dto.ts';
import {
  archiveIfUsedElseDelete,
  buildResultFields,
  checkNextStep,
  fromDateField,
} from './task-settings.refs.ts';
import * as repo from './templates.repo.ts';
import { taskReferences } from './task-references.port.ts';

type CreateInput = z.output<typeof taskResultCreateSchema>;
type UpdateInput = z.output<typeof taskResultUpdateSchema>;

const NAME = 'A result of this template';

/** A result is addressed through its template: both ids must belong together and to the org. */
async function findResultOf(
  db: Db,
  orgId: string,
  templateId: string,
  resultId: string,
  forUpdate = false,
) {
  const result = await repo.findResult(db, orgId, resultId, forUpdate);
  if (!result || result.templateId !== templateId) throw notFound('Result');
  return result;
}

export async function createResult(db: Db, actor: Actor, templateId: string, input: CreateInput) {
  assertCan(actor, 'settings.manage');
  if (!(await repo.findTemplate(db, actor.orgId, templateId))) throw notFound('Task template');
  const errors: FieldErrors = {};
  const fields = await buildResultFields(db, actor.orgId, input.fields, [], errors);
  const next =
    input.next && (await checkNextStep(db, actor.orgId, input.next, null, fields, errors));
  throwIfAny(errors);
  const position = input.position ?? (await repo.nextResultPosition(db, actor.orgId, templateId));
  const row = await catchNameTaken(NAME, () =>
    repo.insertResult(db, {
      orgId: actor.orgId,
      templateId,
      name: input.name,
      color: input.color,
      background: input.background,
      position,
      fields,
      next,
      dealOutcome: input.dealOutcome,
    }),
  );
  return toResultDto(row);
}

/** Field ids survive an edit, so the values completed tasks stored under them still read. */
export async function updateResult(
  db: Db,
  actor: Actor,
  templateId: string,
  resultId: string,
  input: UpdateInput,
) {
  assertCan(actor, 'settings.manage');
  const existing = await findResultOf(db, actor.orgId, templateId, resultId);
  const { archived, fields: fieldInputs, next: nextInput, ...rest } = input;
  const patch: repo.ResultPatch = { ...rest };
  const errors: FieldErrors = {};
  if (fieldInputs !== undefined) {
    patch.fields = await buildResultFields(db, actor.orgId, fieldInputs, existing.fields, errors);
  }
  const fields = patch.fields ?? existing.fields;
  if (nextInput !== undefined) {
    patch.next =
      nextInput && (await checkNextStep(db, actor.orgId, nextInput, existing.next, fields, errors));
  } else if (patch.fields && existing.next) {
    // The kept next step may count from a field this save removes or retypes.
    fromDateField(existing.next, fields, errors);
  }
  throwIfAny(errors);
  if (archived !== undefined && archived !== (existing.archivedAt !== null)) {
    patch.archivedAt = archived ? new Date() : null;
  }
  if (Object.keys(patch).length === 0) return toResultDto(existing);
  const row = await catchNameTaken(NAME, () => repo.updateResult(db, actor.orgId, resultId, patch));
  if (!row) throw notFound('Result');
  return toResultDto(row);
}

/** A result completed tasks hold is archived (their history keeps its name); else deleted. */
export async function deleteResult(db: Db, actor: Actor, templateId: string, resultId: string) {
  assertCan(actor, 'settings.manage');
  return db.transaction(async (tx) => {
    // The row lock makes a task taking this result wait, so "unused" holds until we commit.
    const existing = await findResultOf(tx, actor.orgId, templateId, resultId, true);
    return archiveIfUsedElseDelete(existing, 'Result', {
      inUse: () => taskReferences.get().usesResult(tx, actor.orgId, resultId),
      archive: () => repo.updateResult(tx, actor.orgId, resultId, { archivedAt: new Date() }),
      remove: () => repo.deleteResult(tx, actor.orgId, resultId),
    });
  });
}
