import type {
  Company,
  ContactKind,
  CustomValues,
  Duplicate,
  Person,
  companyCreateSchema,
  companyUpdateSchema,
  personCreateSchema,
  personUpdateSchema,
} from '@spotter/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import {
  fieldError,
  fieldInvalid,
  notFound,
  renameFields,
  throwIfAny,
  versionConflict,
  type FieldErrors,
} from '../../lib/errors.ts';
import {
  assertContactRefs,
  getCrmSettings,
  newCallerDefaults,
  responsibleRoles,
  validateCustomValues,
} from '../contact-settings/index.ts';
import { nulField, prepareContactValues, type ContactInput } from './contact-values.ts';
import { toCompanyDto, toPersonDto, type ContactRow } from './contacts.dto.ts';
import { contactChanged } from './contacts.hooks.ts';
import * as repo from './contacts.repo.ts';
import { findDuplicates } from './duplicates.ts';
import { insertHistory, insertHistoryMany, type HistoryInput } from './history.repo.ts';
import { guardiansAmong } from './relations.links.repo.ts';

export { prepareContactValues, type ContactInput, type ContactValues } from './contact-values.ts';

const label = (kind: ContactKind) => (kind === 'person' ? 'Person' : 'Company');

/** Bodies reach SQL only without U+0000 (see nulField). */
export function assertStorable(body: unknown) {
  const field = nulField(body);
  if (field)
    throw fieldInvalid(field, 'invalid_characters', 'Contains a character that cannot be saved');
}

const newIds = (next: readonly string[] | undefined, had: readonly string[] = []) =>
  next?.filter((id) => !had.includes(id));

/** The checks of an input that need no database, after its references: phones, birth date. */
export function assertPhonesAndBirth(input: ContactInput) {
  input.phones?.forEach((p, i) => {
    if (p.number.replace(/\D/g, '').length < 3) {
      throw fieldInvalid(`phones.${i}.number`, 'required', 'Enter a phone number');
    }
  });
  // The contract takes any calendar date; PostgreSQL has no year 0, and nobody is born tomorrow.
  const birth = input.birthDate;
  if (
    birth &&
    (birth < '1900-01-01' || birth > new Date(Date.now() + 86_400_000).toISOString().slice(0, 10))
  ) {
    throw fieldInvalid('birthDate', 'invalid_date', 'Enter a birth date between 1900 and today');
  }
}

/**
 * Checks what the input refers to (only what it changes, so a since-archived status kept on a
 * record does not block other edits) and returns the custom-value patch, cleaned by type.
 */
async function checkInput(
  db: Db,
  orgId: string,
  kind: ContactKind,
  input: ContactInput,
  existing?: ContactRow,
): Promise<CustomValues | undefined> {
  assertStorable(input);
  const changed = <K extends keyof ContactRow>(key: K, value: ContactRow[K] | undefined) =>
    value !== undefined && value !== null && value !== existing?.[key] ? value : undefined;
  await assertContactRefs(db, orgId, kind, {
    statusId: changed('statusId', input.statusId),
    responsibleId: changed('responsibleId', input.responsibleId),
    branchId: changed('branchId', input.branchId),
    sourceId: changed('sourceId', input.sourceId),
    industryId: kind === 'company' ? changed('industryId', input.industryId) : undefined,
    tagIds: newIds(input.tagIds, existing?.tagIds),
    categoryIds: newIds(input.categoryIds, existing?.categoryIds),
    productIds: newIds(input.productIds, existing?.productIds),
  });
  assertPhonesAndBirth(input);
  if (kind === 'person') await assertConsentGivers(db, orgId, input, existing);
  const companyId = kind === 'person' ? changed('companyId', input.companyId) : undefined;
  if (companyId && !(await repo.companyExists(db, orgId, companyId))) {
    throw fieldInvalid('companyId', 'unknown_reference', 'Unknown company');
  }
  if (!input.custom) return undefined;
  const cleaned = await validateCustomValues(db, orgId, kind, input.custom, { prefix: 'custom' });
  // A key the input named but the cleaned values lack was a removal ('' or null).
  const patch: CustomValues = {};
  for (const key of Object.keys(input.custom)) patch[key] = cleaned[key] ?? null;
  return patch;
}

/** A consent given for a person by someone else names one of their guardians (issue 17). */
async function assertConsentGivers(
  db: Db,
  orgId: string,
  input: ContactInput,
  existing: ContactRow | undefined,
) {
  const named = (['consentEmail', 'consentSms'] as const).flatMap((field) => {
    const byId = input[field]?.granted ? input[field].byId : undefined;
    return byId ? [{ field, byId }] : [];
  });
  if (named.length === 0) return;
  const guardians = existing
    ? await guardiansAmong(
        db,
        orgId,
        existing.id,
        named.map((n) => n.byId),
      )
    : new Set<string>();
  const errors: FieldErrors = {};
  for (const { field, byId } of named) {
    if (!guardians.has(byId)) {
      errors[`${field}.byId`] = fieldError('not_allowed', 'Choose one of the guardians');
    }
  }
  throwIfAny(errors);
}

async function regionFor(db: Db, orgId: string, region: string | null | undefined) {
  return region !== undefined ? region : (await getCrmSettings(db, orgId)).phoneRegion;
}

export interface CreateOptions {
  /** The org's phone region, when the caller has it already (the importer). */
  region?: string | null;
  /** 'created' by default; the importer says 'imported'. */
  event?: 'created' | 'imported';
  /** Records not to report as duplicates (made in the same request). */
  excludeIds?: string[];
}

/** Checks, inserts and logs one person or company; call with a transaction for atomicity. */
export async function createContact(
  db: Db,
  actor: Actor,
  kind: ContactKind,
  input: ContactInput,
  opts: CreateOptions = {},
): Promise<{ row: ContactRow; duplicates: Duplicate[] }> {
  assertCan(actor, 'contacts.write');
  const custom = await checkInput(db, actor.orgId, kind, input);
  const region = await regionFor(db, actor.orgId, opts.region);
  const values = prepareContactValues(kind, { ...input, custom }, { region });
  const row = await repo.insertContactRow(db, {
    ...values,
    orgId: actor.orgId,
    kind,
    createdBy: actor.userId,
  });
  await insertHistory(db, actor.orgId, row.id, {
    event: opts.event ?? 'created',
    authorId: actor.userId,
  });
  await announce(db, row, 'created');
  const duplicates = await findDuplicates(db, actor.orgId, {
    phoneKeys: row.phoneKeys,
    emailKeys: row.emailKeys,
    excludeIds: [row.id, ...(opts.excludeIds ?? [])],
  });
  return { row, duplicates };
}

/** Tells subscribers (outbound webhooks) about a change, inside its transaction. */
function announce(db: Db, row: ContactRow, change: 'created' | 'updated' | 'deleted') {
  return contactChanged.run(db, {
    orgId: row.orgId,
    kind: row.kind,
    change,
    id: row.id,
    dto: async () => (await repo.toContactDtos(db, row.orgId, [row]))[0],
  });
}

export interface UpdateOptions {
  /** The version the editor saw; a newer one in the database → 409 `version_conflict`. */
  expectedVersion?: number;
  /** Save over someone else's newer change. */
  force?: boolean;
  region?: string | null;
}

export const DERIVED = new Set(['displayName', 'sortName', 'phoneKeys', 'emailKeys', 'searchText']);
export const LOGGED_APART = new Set(['statusId', 'responsibleId']);

export function changeHistory(before: ContactRow, after: ContactRow, authorId: string | null) {
  const entries: HistoryInput[] = [];
  if (before.statusId !== after.statusId) {
    entries.push({
      event: 'status_changed',
      authorId,
      data: { from: before.statusId, to: after.statusId },
    });
  }
  if (before.responsibleId !== after.responsibleId) {
    entries.push({
      event: 'responsible_changed',
      authorId,
      data: { from: before.responsibleId, to: after.responsibleId },
    });
  }
  return entries;
}

/** Checks and applies a patch to a live contact, logging status and responsible changes. */
export async function updateContactFields(
  db: Db,
  actor: Actor,
  kind: ContactKind,
  id: string,
  input: ContactInput,
  opts: UpdateOptions = {},
): Promise<ContactRow> {
  assertCan(actor, 'contacts.write');
  const existing = await repo.findContact(db, actor.orgId, kind, id, { forUpdate: true });
  if (!existing) throw notFound(label(kind));
  const guard = opts.force ? undefined : opts.expectedVersion;
  if (guard !== undefined && existing.version !== guard) throw versionConflict(existing.version);
  const custom = await checkInput(db, actor.orgId, kind, input, existing);
  const region = await regionFor(db, actor.orgId, opts.region);
  const values = prepareContactValues(kind, { ...input, custom }, { region, existing });
  const row = await repo.updateContactRow(db, actor.orgId, id, values, guard);
  if (!row) {
    const current = await repo.findContact(db, actor.orgId, kind, id);
    if (!current) throw notFound(label(kind));
    throw versionConflict(current.version);
  }
  const fields = Object.keys(values).filter(
    (k) =>
      !DERIVED.has(k) &&
      !LOGGED_APART.has(k) &&
      JSON.stringify(values[k as keyof typeof values]) !==
        JSON.stringify(existing[k as keyof ContactRow]),
  );
  const entries = changeHistory(existing, row, actor.userId);
  if (fields.length) entries.push({ event: 'updated', authorId: actor.userId, data: { fields } });
  await insertHistoryMany(
    db,
    actor.orgId,
    entries.map((e) => ({ ...e, contactId: id })),
  );
  await announce(db, row, 'updated');
  return row;
}

// ---------------------------------------------------------------- the HTTP use cases

type PersonCreateBody = z.output<typeof personCreateSchema>;
type PersonUpdateBody = z.output<typeof personUpdateSchema>;
type CompanyCreateBody = z.output<typeof companyCreateSchema>;
type CompanyUpdateBody = z.output<typeof companyUpdateSchema>;

export async function personDto(db: Db, orgId: string, row: ContactRow): Promise<Person> {
  return toPersonDto(row, await repo.loadDtoRefs(db, orgId, [row]));
}

export async function companyDto(db: Db, orgId: string, row: ContactRow): Promise<Company> {
  return toCompanyDto(row, await repo.loadDtoRefs(db, orgId, [row]));
}

/** A status and responsible the "New call" form left out come from the CRM settings. */
export async function withNewCallerDefaults(db: Db, actor: Actor, body: PersonCreateBody) {
  const { intake, ...input } = body;
  if (intake !== 'new_call') return input;
  const defaults = await newCallerDefaults(db, actor.orgId);
  // A taker whose role the settings do not allow as responsible leaves it to nobody (U-2).
  const mayBeResponsible =
    actor.role !== null && (await responsibleRoles(db, actor.orgId)).includes(actor.role);
  const taker = defaults.responsible === 'taker' && mayBeResponsible ? actor.userId : null;
  return {
    ...input,
    statusId: input.statusId !== undefined ? input.statusId : defaults.statusId,
    responsibleId: input.responsibleId !== undefined ? input.responsibleId : taker,
  };
}

export async function createPerson(db: Db, actor: Actor, body: PersonCreateBody) {
  assertCan(actor, 'contacts.write');
  assertStorable(body);
  const input = await withNewCallerDefaults(db, actor, body);
  const { row, duplicates } = await db.transaction((tx) =>
    createContact(tx, actor, 'person', input),
  );
  return { person: await personDto(db, actor.orgId, row), duplicates };
}

/** A nested object's field errors, keyed by their path in the request body. */
const within = (prefix: string, err: unknown) => renameFields(err, (key) => `${prefix}.${key}`);

export async function createCompany(db: Db, actor: Actor, body: CompanyCreateBody) {
  assertCan(actor, 'contacts.write');
  assertStorable(body);
  const { contactPerson, ...fields } = body;
  const result = await db.transaction(async (tx) => {
    const region = (await getCrmSettings(tx, actor.orgId)).phoneRegion;
    const company = await createContact(tx, actor, 'company', fields, { region });
    if (!contactPerson) return { ...company, contactPersonId: null };
    const person = await createContact(
      tx,
      actor,
      'person',
      { ...contactPerson, companyId: company.row.id },
      { region, excludeIds: [company.row.id] },
    ).catch((err: unknown) => {
      throw within('contactPerson', err);
    });
    const seen = new Set(company.duplicates.map((d) => d.id));
    const duplicates = [...company.duplicates, ...person.duplicates.filter((d) => !seen.has(d.id))];
    return { row: company.row, duplicates, contactPersonId: person.row.id };
  });
  return {
    company: await companyDto(db, actor.orgId, result.row),
    duplicates: result.duplicates,
    contactPersonId: result.contactPersonId,
  };
}

export async function getContact(db: Db, actor: Actor, kind: ContactKind, id: string) {
  assertCan(actor, 'contacts.read');
  const row = await repo.findContact(db, actor.orgId, kind, id);
  if (!row) throw notFound(label(kind));
  return row;
}

export async function getPerson(db: Db, actor: Actor, id: string) {
  return personDto(db, actor.orgId, await getContact(db, actor, 'person', id));
}

export async function getCompany(db: Db, actor: Actor, id: string) {
  return companyDto(db, actor.orgId, await getContact(db, actor, 'company', id));
}

function update(
  db: Db,
  actor: Actor,
  kind: ContactKind,
  id: string,
  body: PersonUpdateBody | CompanyUpdateBody,
) {
  assertCan(actor, 'contacts.write');
  assertStorable(body);
  const { version, force, ...input } = body;
  return db.transaction((tx) =>
    updateContactFields(tx, actor, kind, id, input, { expectedVersion: version, force }),
  );
}

export async function updatePerson(db: Db, actor: Actor, id: string, body: PersonUpdateBody) {
  return personDto(db, actor.orgId, await update(db, actor, 'person', id, body));
}

export async function updateCompany(db: Db, actor: Actor, id: string, body: CompanyUpdateBody) {
  return companyDto(db, actor.orgId, await update(db, actor, 'company', id, body));
}

/** Soft delete (C-12): to the trash, with who and when; links and history stay. */
export async function deleteContact(db: Db, actor: Actor, kind: ContactKind, id: string) {
  assertCan(actor, 'contacts.write');
  await db.transaction(async (tx) => {
    const row = await repo.softDeleteContact(tx, actor.orgId, kind, id, actor.userId);
    if (!row) throw notFound(label(kind));
    await insertHistory(tx, actor.orgId, id, { event: 'deleted', authorId: actor.userId });
    await announce(tx, row, 'deleted');
  });
}
