/**
 * The checks shared by the settings services: names taken, stale versions, and references to
 * users, templates and dictionaries, which must all belong to the caller's organization; and
 * the archive-or-delete rule of templates, results and statuses.
 */
import { randomUUID } from 'node:crypto';
import type {
  NextStep,
  nextStepInputSchema,
  ResultField,
  resultFieldInputSchema,
} from '@spotter/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { fieldError, notFound, type FieldErrors } from '../../lib/errors.ts';
import { findUserById } from '../users/index.ts';
import { findDictionaries } from './dictionaries.repo.ts';
import { findTemplate } from './templates.repo.ts';

type FieldInput = z.output<typeof resultFieldInputSchema>;
type NextInput = z.output<typeof nextStepInputSchema>;

/**
 * A setting tasks still point at is archived, so their history keeps its name (and the board
 * a status); an unused one is deleted. Run it in the transaction that found `existing`.
 */
export async function archiveIfUsedElseDelete(
  existing: { archivedAt: Date | null },
  what: string,
  steps: {
    inUse: () => Promise<boolean>;
    archive: () => Promise<unknown>;
    remove: () => Promise<boolean>;
  },
): Promise<{ archived: boolean }> {
  if (await steps.inUse()) {
    if (!existing.archivedAt) await steps.archive();
    return { archived: true };
  }
  if (!(await steps.remove())) throw notFound(what);
  return { archived: false };
}

/** A user newly named on a template or workflow: a colleague in this organization, active. */
export async function checkUser(
  db: Db,
  orgId: string,
  userId: string,
  field: string,
  errors: FieldErrors,
) {
  const user = await findUserById(db, orgId, userId);
  if (!user) errors[field] = fieldError('unknown_reference', 'Unknown user');
  else if (!user.active) errors[field] = fieldError('deactivated', 'This user is deactivated');
}

/**
 * A workflow's next step creates a task from a template: it has to exist here, be in use, and
 * not be a call round (a round needs a list of clients, a result has one). Only what changed
 * is checked, so a workflow keeps working after its template or user is archived. The date it
 * may count from is one of `fields`, the result's fields as saved with it.
 */
export async function checkNextStep(
  db: Db,
  orgId: string,
  next: NextInput,
  previous: { templateId: string; userId: string | null } | null,
  fields: readonly ResultField[],
  errors: FieldErrors,
): Promise<NextStep> {
  if (next.templateId !== previous?.templateId) {
    const template = await findTemplate(db, orgId, next.templateId);
    const field = 'next.templateId';
    if (!template) errors[field] = fieldError('unknown_reference', 'Unknown task template');
    else if (template.archivedAt) {
      errors[field] = fieldError('archived', 'This task template is archived');
    } else if (template.type === 'round') {
      errors[field] = fieldError(
        'wrong_kind',
        'A call round cannot be the next step of one client',
      );
    }
  }
  const userId = next.assignTo === 'user' ? next.userId : null;
  if (userId !== null && userId !== previous?.userId) {
    await checkUser(db, orgId, userId, 'next.userId', errors);
  }
  const { fromFieldIndex, ...step } = next;
  return { ...step, userId, fromFieldId: fromDateField(next, fields, errors) };
}

/**
 * The date field a next step counts from: named by id, or by position in the result's fields
 * (a field added in the same save has no id yet); stored by id. It must be a date field of
 * this result. Null: counted from the moment the result is entered.
 */
export function fromDateField(
  next: { fromFieldId?: string | null; fromFieldIndex?: number | null },
  fields: readonly ResultField[],
  errors: FieldErrors,
): string | null {
  const index = next.fromFieldIndex ?? null;
  const id = next.fromFieldId ?? null;
  if (index === null && id === null) return null;
  const path = index !== null ? 'next.fromFieldIndex' : 'next.fromFieldId';
  const field = index !== null ? fields[index] : fields.find((f) => f.id === id);
  if (!field) {
    errors[path] = fieldError('unknown_reference', 'This result has no such field');
  } else if (field.type !== 'date') {
    errors[path] = fieldError('wrong_kind', 'A next step can only count from a date field');
  }
  return field?.id ?? null;
}

/**
 * A result's extra fields. Ids are assigned here and kept when an existing field is sent back
 * (task values are stored under them); a choice field's dictionary must exist here.
 */
export async function buildResultFields(
  db: Db,
  orgId: string,
  inputs: FieldInput[],
  existing: ResultField[],
  errors: FieldErrors,
): Promise<ResultField[]> {
  const before = new Map(existing.map((f) => [f.id, f]));
  const wanted = [
    ...new Set(inputs.flatMap((f) => (f.type === 'choice' ? [f.dictionaryId!] : []))),
  ];
  const dictionaries = new Map(
    (await findDictionaries(db, orgId, wanted)).map((d) => [d.id, d] as const),
  );
  const ids = new Set<string>();
  const labels = new Set<string>();
  return inputs.map((input, i) => {
    const id = input.id ?? randomUUID();
    if (input.id !== undefined && !before.has(input.id)) {
      errors[`fields.${i}.id`] = fieldError('unknown_reference', 'Unknown field');
    }
    if (ids.has(id)) errors[`fields.${i}.id`] = fieldError('duplicate', 'This field appears twice');
    const label = input.label.toLowerCase();
    if (labels.has(label)) {
      errors[`fields.${i}.label`] = fieldError('duplicate', 'Another field has this label');
    }
    ids.add(id);
    labels.add(label);
    const dictionaryId = input.type === 'choice' ? input.dictionaryId : null;
    if (dictionaryId !== null) {
      const dictionary = dictionaries.get(dictionaryId);
      // A field that already used an archived dictionary may keep it; a new use may not.
      const kept = before.get(id)?.dictionaryId === dictionaryId;
      const path = `fields.${i}.dictionaryId`;
      if (!dictionary) errors[path] = fieldError('unknown_reference', 'Unknown dictionary');
      else if (dictionary.archivedAt && !kept) {
        errors[path] = fieldError('archived', 'This dictionary is archived');
      }
    }
    return { id, label: input.label, type: input.type, required: input.required, dictionaryId };
  });
}
