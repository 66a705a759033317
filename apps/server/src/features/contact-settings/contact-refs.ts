import type { ContactKind, CustomField, CustomValues, LookupKind } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { fieldError, type FieldErrors, throwIfAny } from '../../lib/errors.ts';
import { findBranchIds } from '../branches/index.ts';
import { findUserById } from '../users/index.ts';
import { checkCustomValues } from './custom-values.ts';
import * as fieldsRepo from './custom-fields.repo.ts';
import { toCustomFieldDto } from './custom-fields.service.ts';
import * as lookupsRepo from './lookups.repo.ts';
import { assertResponsibleRole } from './crm-settings.service.ts';
import * as statusesRepo from './statuses.repo.ts';

export interface ContactRefs {
  statusId?: string | null;
  tagIds?: string[];
  categoryIds?: string[];
  sourceId?: string | null;
  productIds?: string[];
  industryId?: string | null;
  branchId?: string | null;
  responsibleId?: string | null;
}

/** Active (non-archived) fields of an entity, ordered. */
export async function loadCustomFields(
  db: Db,
  orgId: string,
  entity: ContactKind,
): Promise<CustomField[]> {
  const rows = await fieldsRepo.listCustomFields(db, orgId, { entity, includeArchived: false });
  return rows.map(toCustomFieldDto);
}

/** Cleans custom values for a save; throws a 400 naming each bad field. `null` = remove. */
export async function validateCustomValues(
  db: Db,
  orgId: string,
  entity: ContactKind,
  values: Record<string, unknown>,
  opts: { prefix?: string; fields?: CustomField[] } = {},
): Promise<CustomValues> {
  if (Object.keys(values).length === 0) return {};
  const fields = opts.fields ?? (await loadCustomFields(db, orgId, entity));
  const result = checkCustomValues(
    fields.filter((f) => f.entity === entity),
    values,
    opts.prefix,
  );
  throwIfAny(result.errors, Object.values(result.errors)[0]?.message);
  return result.values;
}

const LIST_REFS = [
  ['tagIds', 'tags', 'tag'],
  ['categoryIds', 'categories', 'category'],
  ['productIds', 'products', 'product'],
] as const;
const SINGLE_REFS = [
  ['sourceId', 'sources', 'source'],
  ['industryId', 'industries', 'industry'],
] as const;

/**
 * Referenced ids must exist in this organization and fit the entity (status entity, tag or
 * category scope). Archived entries are accepted: a contact may keep what it already has.
 */
export async function assertContactRefs(
  db: Db,
  orgId: string,
  entity: ContactKind,
  refs: ContactRefs,
): Promise<void> {
  const errors: FieldErrors = {};
  const lookupIds = [
    ...LIST_REFS.flatMap(([key]) => refs[key] ?? []),
    ...SINGLE_REFS.flatMap(([key]) => (refs[key] ? [refs[key]] : [])),
  ];
  // One after another: callers pass a transaction, and a pg client runs one query at a time.
  const found = await lookupsRepo.findLookupRefs(db, orgId, [...new Set(lookupIds)]);
  const status = refs.statusId
    ? await statusesRepo.findStatusRef(db, orgId, refs.statusId)
    : undefined;
  const branches = refs.branchId ? await findBranchIds(db, orgId, [refs.branchId]) : undefined;
  const responsible = refs.responsibleId
    ? await findUserById(db, orgId, refs.responsibleId)
    : undefined;
  const byId = new Map(found.map((l) => [l.id, l]));
  const fits = (id: string, kind: LookupKind) => {
    const l = byId.get(id);
    return l !== undefined && l.kind === kind && (l.scope === 'both' || l.scope === entity);
  };
  for (const [key, kind, word] of LIST_REFS) {
    const bad = (refs[key] ?? []).find((id) => !fits(id, kind));
    if (bad !== undefined) {
      errors[key] =
        byId.get(bad)?.kind === kind
          ? fieldError(
              'wrong_kind',
              `This ${word} is not for ${entity === 'person' ? 'persons' : 'companies'}`,
            )
          : fieldError('unknown_reference', `Unknown ${word}`);
    }
  }
  for (const [key, kind, word] of SINGLE_REFS) {
    const id = refs[key];
    if (id && !fits(id, kind)) errors[key] = fieldError('unknown_reference', `Unknown ${word}`);
  }
  if (refs.statusId && status?.entity !== entity)
    errors.statusId = fieldError('unknown_reference', 'Unknown status');
  if (refs.branchId && !branches?.has(refs.branchId))
    errors.branchId = fieldError('unknown_reference', 'Unknown branch');
  if (refs.responsibleId && !responsible?.active) {
    errors.responsibleId = responsible
      ? fieldError('deactivated', 'This user is no longer active')
      : fieldError('unknown_reference', 'Unknown user');
  }
  throwIfAny(errors);
  // A rule of the organization rather than a wrong id: 422, with the field named (U-2).
  if (responsible) await assertResponsibleRole(db, orgId, responsible);
}

function byLowerName(rows: Array<{ id: string; name: string }>) {
  return new Map(rows.map((r) => [r.name.toLowerCase(), r.id]));
}

/** Lower-cased name → id of the active statuses of an entity (for the importer). */
export async function statusIdsByName(db: Db, orgId: string, entity: ContactKind) {
  return byLowerName(await statusesRepo.statusNames(db, orgId, entity));
}

/** Lower-cased name → id of the active entries of a list (for the importer). */
export async function lookupIdsByName(db: Db, orgId: string, kind: LookupKind) {
  return byLowerName(await lookupsRepo.lookupNames(db, orgId, kind));
}
