import type {
  Address,
  ContactEmail,
  ContactKind,
  CustomValues,
  EMAIL_LABELS,
  Phone,
  PHONE_LABELS,
} from '@spotter/contracts';
import { buildSearchText, normalizePhone } from '../../lib/phones.ts';
import type { ContactRow } from './contacts.dto.ts';
import type { ContactPatch } from './contacts.repo.ts';

/** What a create, an edit, an import row or a merge may say about a person or company. */
export interface ContactInput {
  firstName?: string;
  lastName?: string;
  birthDate?: string | null;
  /** Persons: home address. */
  address?: Address;
  companyId?: string | null;
  name?: string;
  orgNumber?: string;
  billingAddress?: Address;
  visitingAddress?: Address;
  industryId?: string | null;
  phones?: ReadonlyArray<{ number: string; label?: (typeof PHONE_LABELS)[number] }>;
  emails?: ReadonlyArray<{ email: string; label?: (typeof EMAIL_LABELS)[number] }>;
  branchId?: string | null;
  statusId?: string | null;
  responsibleId?: string | null;
  note?: string;
  tagIds?: readonly string[];
  categoryIds?: readonly string[];
  sourceId?: string | null;
  productIds?: readonly string[];
  /** Already checked against the field types; null or '' removes a value. */
  custom?: CustomValues;
  /** `byId`: the guardian who gave a minor's consent (checked by the caller). */
  consentEmail?: { granted: boolean; source?: string | null; byId?: string | null };
  consentSms?: { granted: boolean; source?: string | null; byId?: string | null };
}

/** Column values for an insert or an update; the derived columns are always there. */
export type ContactValues = ContactPatch & {
  displayName: string;
  sortName: string;
  phoneKeys: string[];
  emailKeys: string[];
  searchText: string;
};

/**
 * PostgreSQL text cannot hold U+0000: the path of the first string that has it ('firstName',
 * 'phones.0.number' …), so the caller answers 400 on that field instead of failing in SQL.
 */
export function nulField(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '_' : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, v] of Object.entries(value)) {
    const found = nulField(v, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return undefined;
}

const uniq = <T>(xs: readonly T[]) => [...new Set(xs)];

function normalizePhones(input: ContactInput['phones'], region: string | null): Phone[] {
  const seen = new Set<string>();
  const out: Phone[] = [];
  for (const p of input ?? []) {
    const { number, valid } = normalizePhone(p.number, region);
    if (!number || seen.has(number)) continue;
    seen.add(number);
    out.push({ number, valid, label: p.label ?? 'mobile' });
  }
  return out;
}

function normalizeEmails(input: ContactInput['emails']): ContactEmail[] {
  const seen = new Set<string>();
  const out: ContactEmail[] = [];
  for (const e of input ?? []) {
    const email = e.email.trim().toLowerCase();
    if (!email || seen.has(email)) continue;
    seen.add(email);
    out.push({ email, label: e.label ?? 'personal' });
  }
  return out;
}

function mergeCustom(base: CustomValues, patch: CustomValues | undefined): CustomValues {
  const out: CustomValues = { ...base };
  for (const [key, value] of Object.entries(patch ?? {})) {
    if (value === null || value === '') delete out[key];
    else out[key] = value;
  }
  return out;
}

type ConsentColumns = 'consentEmail' | 'consentSms';

/** The date of a consent is the server's: it changes when `granted` changes (C-16). */
function consentValues(
  column: ConsentColumns,
  input: ContactInput['consentEmail'],
  existing: ContactRow | undefined,
  now: Date,
): ContactPatch {
  if (!input) return {};
  const was = existing?.[column] ?? false;
  const at = `${column}At` as const;
  const source = `${column}Source` as const;
  const by = `${column}By` as const;
  const changed = existing ? input.granted !== was : input.granted;
  // Who gave it: the guardian named, else the person (a new or withdrawn consent forgets them).
  const byId = !input.granted
    ? null
    : input.byId !== undefined
      ? input.byId
      : changed
        ? null
        : undefined;
  return {
    [column]: input.granted,
    ...(changed && { [at]: now }),
    ...(input.source !== undefined && { [source]: input.source || null }),
    ...(byId !== undefined && { [by]: byId }),
  };
}

/** "First Last", else the first phone or email: a person is always called something. */
export function displayNameOf(
  kind: ContactKind,
  v: { firstName: string; lastName: string; name: string; phones: Phone[]; emails: ContactEmail[] },
): string {
  if (kind === 'company') return v.name.trim();
  const full = `${v.firstName} ${v.lastName}`.trim();
  return full || v.phones[0]?.number || v.emails[0]?.email || '–';
}

/**
 * Pure: input (a whole new record, or with `existing` a patch over it) → column values,
 * including the derived displayName, sortName, phoneKeys, emailKeys and searchText.
 * Referenced ids and custom values must have been checked by the caller.
 */
export function prepareContactValues(
  kind: ContactKind,
  input: ContactInput,
  opts: { region: string | null; existing?: ContactRow; now?: Date },
): ContactValues {
  const { existing, region } = opts;
  const now = opts.now ?? new Date();
  const v: ContactPatch = {};
  const str = (x: string | undefined) => (x === undefined ? undefined : x.trim());
  if (input.phones !== undefined) v.phones = normalizePhones(input.phones, region);
  if (input.emails !== undefined) v.emails = normalizeEmails(input.emails);
  if (input.branchId !== undefined) v.branchId = input.branchId;
  if (input.statusId !== undefined) v.statusId = input.statusId;
  if (input.responsibleId !== undefined) v.responsibleId = input.responsibleId;
  if (input.sourceId !== undefined) v.sourceId = input.sourceId;
  if (input.note !== undefined) v.note = input.note;
  if (input.tagIds !== undefined) v.tagIds = uniq(input.tagIds);
  if (input.categoryIds !== undefined) v.categoryIds = uniq(input.categoryIds);
  if (input.productIds !== undefined) v.productIds = uniq(input.productIds);
  if (input.custom !== undefined || !existing) {
    v.custom = mergeCustom(existing?.custom ?? {}, input.custom);
  }
  if (kind === 'person') {
    if (input.firstName !== undefined) v.firstName = str(input.firstName);
    if (input.lastName !== undefined) v.lastName = str(input.lastName);
    if (input.birthDate !== undefined) v.birthDate = input.birthDate;
    if (input.address !== undefined) v.address = input.address;
    if (input.companyId !== undefined) v.companyId = input.companyId;
    Object.assign(v, consentValues('consentEmail', input.consentEmail, existing, now));
    Object.assign(v, consentValues('consentSms', input.consentSms, existing, now));
  } else {
    if (input.name !== undefined) v.name = str(input.name);
    if (input.orgNumber !== undefined) v.orgNumber = str(input.orgNumber);
    if (input.billingAddress !== undefined) v.address = input.billingAddress;
    if (input.visitingAddress !== undefined) v.visitingAddress = input.visitingAddress;
    if (input.industryId !== undefined) v.industryId = input.industryId;
  }

  const merged = {
    firstName: v.firstName ?? existing?.firstName ?? '',
    lastName: v.lastName ?? existing?.lastName ?? '',
    name: v.name ?? existing?.name ?? '',
    orgNumber: v.orgNumber ?? existing?.orgNumber ?? '',
    phones: v.phones ?? existing?.phones ?? [],
    emails: v.emails ?? existing?.emails ?? [],
  };
  const displayName = displayNameOf(kind, merged);
  return {
    ...v,
    displayName,
    sortName: displayName.toLowerCase(),
    phoneKeys: merged.phones.map((p) => p.number),
    emailKeys: merged.emails.map((e) => e.email),
    searchText: buildSearchText({ ...merged, displayName }, region),
  };
}
