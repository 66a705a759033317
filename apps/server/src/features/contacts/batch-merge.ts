import type { Address } from '@spotter/contracts';
import { normalizePhone } from '../../lib/phones.ts';
import type { ContactInput } from './contact-values.ts';
import type { ContactRow } from './contacts.dto.ts';

/**
 * How several sources about one person combine: the import's rules (decision 0012: fill what
 * is empty, add phones, emails, tags) and the batch API's upsert (given fields win). Both the
 * importer and `POST /api/persons/batch` use these, so a match means the same in each.
 */

const emptyText = (v: string | null | undefined) => !v || v.trim() === '';

function fillAddress(existing: Address | null, incoming: Address | undefined) {
  if (!incoming) return undefined;
  const base = existing ?? { street: '', postalCode: '', city: '', country: '' };
  const out = { ...base };
  let changed = false;
  for (const key of ['street', 'postalCode', 'city', 'country'] as const) {
    if (emptyText(out[key]) && !emptyText(incoming[key])) {
      out[key] = incoming[key];
      changed = true;
    }
  }
  return changed ? out : undefined;
}

/**
 * C-13 "update" mode: what an imported row adds to the contact it duplicates. It fills what
 * is empty and adds phones, emails, tags and categories; it never blanks or overwrites.
 * Returns undefined when the row brings nothing new.
 */
export function fillPatch(
  existing: ContactRow,
  incoming: ContactInput,
  region: string | null,
): ContactInput | undefined {
  const patch: ContactInput = {};
  const fill = <K extends 'firstName' | 'lastName' | 'name' | 'orgNumber' | 'note'>(key: K) => {
    const value = incoming[key];
    if (value && emptyText(existing[key])) patch[key] = value;
  };
  fill('firstName');
  fill('lastName');
  fill('name');
  fill('orgNumber');
  fill('note');
  if (incoming.birthDate && !existing.birthDate) patch.birthDate = incoming.birthDate;
  for (const key of [
    'statusId',
    'responsibleId',
    'sourceId',
    'branchId',
    'industryId',
    'companyId',
  ] as const) {
    const value = incoming[key];
    if (value && !existing[key]) patch[key] = value;
  }
  const address = fillAddress(existing.address, incoming.address ?? incoming.billingAddress);
  if (address) patch[existing.kind === 'person' ? 'address' : 'billingAddress'] = address;
  const visiting = fillAddress(existing.visitingAddress, incoming.visitingAddress);
  if (visiting) patch.visitingAddress = visiting;

  const newPhones = (incoming.phones ?? []).filter(
    (p) => !existing.phoneKeys.includes(normalizePhone(p.number, region).number),
  );
  if (newPhones.length > 0) patch.phones = [...existing.phones, ...newPhones];
  const newEmails = (incoming.emails ?? []).filter((e) => !existing.emailKeys.includes(e.email));
  if (newEmails.length > 0) patch.emails = [...existing.emails, ...newEmails];
  const newTags = (incoming.tagIds ?? []).filter((id) => !existing.tagIds.includes(id));
  if (newTags.length > 0) patch.tagIds = [...existing.tagIds, ...newTags];
  const newCategories = (incoming.categoryIds ?? []).filter(
    (id) => !existing.categoryIds.includes(id),
  );
  if (newCategories.length > 0) patch.categoryIds = [...existing.categoryIds, ...newCategories];
  const custom = Object.fromEntries(
    Object.entries(incoming.custom ?? {}).filter(
      ([id, v]) => v !== null && v !== '' && (existing.custom[id] ?? null) === null,
    ),
  );
  if (Object.keys(custom).length > 0) patch.custom = custom;
  if (incoming.consentEmail?.granted && !existing.consentEmail)
    patch.consentEmail = incoming.consentEmail;
  if (incoming.consentSms?.granted && !existing.consentSms) patch.consentSms = incoming.consentSms;
  return Object.keys(patch).length > 0 ? patch : undefined;
}

/** Two rows of the same file about one person: the later one fills and adds to the earlier. */
export function fillInput(base: ContactInput, more: ContactInput): ContactInput {
  const out: ContactInput = { ...base };
  for (const [key, value] of Object.entries(more) as Array<[keyof ContactInput, unknown]>) {
    const current = out[key];
    if (Array.isArray(value) && Array.isArray(current)) {
      const seen = new Set(current.map((x: unknown) => JSON.stringify(x)));
      (out as Record<string, unknown>)[key] = [
        ...current,
        ...value.filter((x: unknown) => !seen.has(JSON.stringify(x))),
      ];
    } else if (key === 'custom' && value && current) {
      out.custom = { ...(value as ContactInput['custom']), ...out.custom };
    } else if (current === undefined || current === '' || current === null) {
      (out as Record<string, unknown>)[key] = value;
    }
  }
  return out;
}

/** The match keys of a contact or a row: `p:<E.164>` and `e:<lower-case email>`. */
export const matchKeysOf = (v: {
  phoneKeys: readonly string[];
  emailKeys: readonly string[];
}): string[] => [...v.phoneKeys.map((k) => `p:${k}`), ...v.emailKeys.map((k) => `e:${k}`)];

const LIST_KEYS = ['phones', 'emails', 'tagIds', 'categoryIds', 'productIds'] as const;

/**
 * Two items of one upsert about the same person: the later one's given fields win, lists
 * (phones, emails, tags, categories, products) are added together, custom values merge.
 */
export function overlayInput(base: ContactInput, more: ContactInput): ContactInput {
  const out: ContactInput = { ...base };
  for (const [key, value] of Object.entries(more)) {
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  for (const key of LIST_KEYS) {
    const a = base[key] as readonly unknown[] | undefined;
    const b = more[key] as readonly unknown[] | undefined;
    if (a && b) {
      const seen = new Set(a.map((x) => JSON.stringify(x)));
      (out as Record<string, unknown>)[key] = [
        ...a,
        ...b.filter((x) => !seen.has(JSON.stringify(x))),
      ];
    }
  }
  if (base.custom && more.custom) out.custom = { ...base.custom, ...more.custom };
  return out;
}

const SCALARS = [
  'firstName',
  'lastName',
  'birthDate',
  'companyId',
  'branchId',
  'statusId',
  'responsibleId',
  'sourceId',
  'note',
] as const;

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Key by key: jsonb does not keep the order an object's keys were written in. */
const sameAddress = (a: Address, b: Address | null) =>
  (['street', 'postalCode', 'city', 'country'] as const).every((k) => a[k] === (b?.[k] ?? ''));

function addedIds(existing: readonly string[], incoming: readonly string[] | undefined) {
  const added = (incoming ?? []).filter((id) => !existing.includes(id));
  return added.length > 0 ? [...existing, ...added] : undefined;
}

/**
 * Upsert: what an item changes on the person it matched. Given fields are written over the
 * person's; phones, emails, tags, categories and products are only added (the phone or email
 * it matched on is never taken away). Undefined when nothing would change.
 */
export function upsertPatch(
  existing: ContactRow,
  incoming: ContactInput,
  region: string | null,
): ContactInput | undefined {
  const patch: ContactInput = {};
  const p = patch as Record<string, unknown>;
  for (const key of SCALARS) {
    const value = incoming[key];
    if (value === undefined) continue;
    const current = existing[key];
    const trimmed = typeof value === 'string' && key !== 'note' ? value.trim() : value;
    if (!sameJson(trimmed ?? null, current ?? (key === 'note' ? '' : null))) p[key] = value;
  }
  if (incoming.address && !sameAddress(incoming.address, existing.address)) {
    patch.address = incoming.address;
  }
  const newPhones = (incoming.phones ?? []).filter(
    (x) => !existing.phoneKeys.includes(normalizePhone(x.number, region).number),
  );
  if (newPhones.length > 0) patch.phones = [...existing.phones, ...newPhones];
  const newEmails = (incoming.emails ?? []).filter(
    (x) => !existing.emailKeys.includes(x.email.trim().toLowerCase()),
  );
  if (newEmails.length > 0) patch.emails = [...existing.emails, ...newEmails];
  const tagIds = addedIds(existing.tagIds, incoming.tagIds);
  if (tagIds) patch.tagIds = tagIds;
  const categoryIds = addedIds(existing.categoryIds, incoming.categoryIds);
  if (categoryIds) patch.categoryIds = categoryIds;
  const productIds = addedIds(existing.productIds, incoming.productIds);
  if (productIds) patch.productIds = productIds;
  const custom = Object.fromEntries(
    Object.entries(incoming.custom ?? {}).filter(
      ([id, v]) => !sameJson(v === '' ? null : v, existing.custom[id] ?? null),
    ),
  );
  if (Object.keys(custom).length > 0) patch.custom = custom;
  for (const key of ['consentEmail', 'consentSms'] as const) {
    const given = incoming[key];
    if (!given) continue;
    const sourceKey = `${key}Source` as const;
    const sourceChanged =
      given.source !== undefined && (given.source || null) !== existing[sourceKey];
    if (given.granted !== existing[key] || sourceChanged) patch[key] = given;
  }
  return Object.keys(patch).length > 0 ? patch : undefined;
}
