import type { Address } from '@spotter/contracts';
import type { ContactInput, ContactRow } from '../contacts/index.ts';
import { normalizePhone } from '../../lib/phones.ts';
import type { RowInput } from './import-rows.ts';

/** A row as the contacts feature takes it (tags and company resolved by the batch). */
export function toContactInput(
  input: RowInput,
  extra: { tagIds: string[]; companyId?: string },
): ContactInput {
  return {
    ...input,
    tagIds: extra.tagIds,
    ...(extra.companyId && { companyId: extra.companyId }),
  };
}

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
