import type { TaskType } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { findBranchIds } from '../branches/index.ts';
import {
  findLiveContact,
  findTemplate,
  liveStatusExists,
  taskUserExists,
  type TemplateRow,
} from './task-refs.repo.ts';
import { fieldError, type FieldErrors } from '../../lib/errors.ts';

export type LiveContact = NonNullable<Awaited<ReturnType<typeof findLiveContact>>>;

/** A live template of the organization, optionally of a given type. */
export async function checkTemplate(
  db: Db,
  orgId: string,
  id: string,
  errors: FieldErrors,
  type?: TaskType,
): Promise<TemplateRow | undefined> {
  const template = await findTemplate(db, orgId, id);
  if (!template || template.archivedAt) {
    errors.templateId = fieldError('unknown_reference', 'Unknown template');
    return undefined;
  }
  if (type && template.type !== type) {
    errors.templateId = fieldError('wrong_kind', 'Pick a template of the same type');
    return undefined;
  }
  return template;
}

/**
 * T-2: a call is about a person, another client task about a person or a company; a round
 * takes its persons separately and an internal task has no client.
 */
export async function checkContact(
  db: Db,
  orgId: string,
  type: TaskType,
  contactId: string | null,
  errors: FieldErrors,
): Promise<LiveContact | null> {
  if (type === 'round' || type === 'internal') {
    if (contactId) {
      errors.contactId = fieldError(
        'not_allowed',
        type === 'round'
          ? 'A call round takes its persons as personIds or a filter'
          : 'An internal task has no client',
      );
    }
    return null;
  }
  if (!contactId) {
    errors.contactId = fieldError(
      'required',
      type === 'call' ? 'Pick a person' : 'Pick a person or a company',
    );
    return null;
  }
  const contact = await findLiveContact(db, orgId, contactId);
  if (!contact) {
    errors.contactId = fieldError('unknown_reference', 'Unknown person or company');
    return null;
  }
  if (type === 'call' && contact.kind !== 'person') {
    errors.contactId = fieldError('wrong_kind', 'A personal call is made to a person');
    return null;
  }
  return contact;
}

/** Referenced ids that must belong to the organization (null clears them). */
export async function checkRefs(
  db: Db,
  orgId: string,
  refs: { assigneeId?: string | null; statusId?: string | null; branchId?: string | null },
  errors: FieldErrors,
): Promise<void> {
  const [assigneeOk, statusOk, branches] = await Promise.all([
    refs.assigneeId ? taskUserExists(db, orgId, refs.assigneeId) : true,
    refs.statusId ? liveStatusExists(db, orgId, refs.statusId) : true,
    refs.branchId ? findBranchIds(db, orgId, [refs.branchId]) : undefined,
  ]);
  if (!assigneeOk) {
    errors.assigneeId = fieldError(
      'unknown_reference',
      'Pick an active staff member who works with tasks',
    );
  }
  if (!statusOk) errors.statusId = fieldError('unknown_reference', 'Unknown status');
  if (refs.branchId && !branches?.has(refs.branchId)) {
    errors.branchId = fieldError('unknown_reference', 'Unknown branch');
  }
}

export function checkPrivate(type: TaskType, isPrivate: boolean, errors: FieldErrors) {
  if (isPrivate && type !== 'internal') {
    errors.private = fieldError('not_allowed', 'Only an internal task can be private');
  }
}

/** The due time of a new task: as given, else the template's offset from now, else none. */
export function defaultDue(
  given: string | null | undefined,
  template: Pick<TemplateRow, 'dueOffsetMinutes'>,
  now: Date,
): Date | null {
  if (given !== undefined) return given === null ? null : new Date(given);
  if (template.dueOffsetMinutes === null) return null;
  return new Date(now.getTime() + template.dueOffsetMinutes * 60_000);
}
