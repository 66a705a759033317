import {
  customFieldOptionInputSchema,
  lookupCreateSchema,
  statusCreateSchema,
  type ContactKind,
} from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { notFound } from '../../lib/errors.ts';
import { updateCustomField } from './custom-fields.service.ts';
import * as fieldsRepo from './custom-fields.repo.ts';
import { createLookup } from './lookups.service.ts';
import { createStatus } from './statuses.service.ts';
import * as statusesRepo from './statuses.repo.ts';

/**
 * What an import's "create it" answers make: statuses, list entries and dropdown options,
 * through the same services (and permission checks, settings.manage) as the settings pages.
 */
export async function createImportedStatus(
  db: Db,
  actor: Actor,
  entity: ContactKind,
  name: string,
) {
  return createStatus(db, actor, statusCreateSchema.parse({ entity, name }));
}

export async function createImportedLookup(
  db: Db,
  actor: Actor,
  kind: 'categories' | 'sources' | 'industries',
  name: string,
) {
  return createLookup(db, actor, kind, lookupCreateSchema.parse({ name }));
}

/** Adds options to a dropdown field, keeping the existing ones (and their ids); answers all. */
export async function addDropdownOptions(db: Db, actor: Actor, fieldId: string, names: string[]) {
  const field = await fieldsRepo.findCustomField(db, actor.orgId, fieldId);
  if (!field) throw notFound('Custom field');
  const options = [
    ...field.options.map((o) => customFieldOptionInputSchema.parse(o)),
    ...names.map((name) => customFieldOptionInputSchema.parse({ name })),
  ];
  return (await updateCustomField(db, actor, fieldId, { options })).options;
}

/** The active statuses of an entity with their names, for mapping an import's values. */
export function activeStatuses(db: Db, orgId: string, entity: ContactKind) {
  return statusesRepo.statusNames(db, orgId, entity);
}
