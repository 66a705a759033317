import type { ContactKind, CustomField } from '@spotter/contracts';
import type { ContactListRow } from './contacts-list.repo.ts';
import type { ExportNames } from './export.repo.ts';

/** What a cell needs beyond its row: names of referenced records, the custom fields. */
export interface CellContext {
  names: ExportNames;
  companies: ReadonlyMap<string, string>;
  timezone: string;
}

export interface ExportColumn {
  header: string;
  value(row: ContactListRow, ctx: CellContext): string;
}

type Builtin = ExportColumn & { kinds: readonly ContactKind[] };

const BOTH = ['person', 'company'] as const;
const PERSON = ['person'] as const;
const COMPANY = ['company'] as const;

const names = (ids: readonly string[], map: ReadonlyMap<string, string>) =>
  ids
    .map((id) => map.get(id))
    .filter((n): n is string => n !== undefined)
    .join(', ');
const nameOf = (id: string | null, map: ReadonlyMap<string, string>) => (id && map.get(id)) ?? '';

/** "2024-05-01 14:03" in the club's timezone (Swedish formatting happens to be ISO-like). */
function stamp(at: Date | null, timezone: string): string {
  if (!at) return '';
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: timezone,
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(at);
}

const address = (part: 'street' | 'postalCode' | 'city' | 'country'): Builtin => ({
  header: { street: 'Street', postalCode: 'Postal code', city: 'City', country: 'Country' }[part],
  kinds: BOTH,
  value: (r) => r.address?.[part] ?? '',
});

const BUILTINS = {
  name: { header: 'Name', kinds: BOTH, value: (r) => r.displayName },
  firstName: { header: 'First name', kinds: PERSON, value: (r) => r.firstName },
  lastName: { header: 'Last name', kinds: PERSON, value: (r) => r.lastName },
  orgNumber: { header: 'Organization number', kinds: COMPANY, value: (r) => r.orgNumber },
  phone: { header: 'Phone', kinds: BOTH, value: (r) => r.phones[0]?.number ?? '' },
  phones: { header: 'Phones', kinds: BOTH, value: (r) => r.phones.map((p) => p.number).join(', ') },
  email: { header: 'Email', kinds: BOTH, value: (r) => r.emails[0]?.email ?? '' },
  emails: { header: 'Emails', kinds: BOTH, value: (r) => r.emails.map((e) => e.email).join(', ') },
  status: { header: 'Status', kinds: BOTH, value: (r, c) => nameOf(r.statusId, c.names.statuses) },
  responsible: {
    header: 'Responsible',
    kinds: BOTH,
    value: (r, c) => nameOf(r.responsibleId, c.names.users),
  },
  tags: { header: 'Tags', kinds: BOTH, value: (r, c) => names(r.tagIds, c.names.lookups) },
  categories: {
    header: 'Categories',
    kinds: BOTH,
    value: (r, c) => names(r.categoryIds, c.names.lookups),
  },
  products: {
    header: 'Products of interest',
    kinds: BOTH,
    value: (r, c) => names(r.productIds, c.names.lookups),
  },
  source: { header: 'Source', kinds: BOTH, value: (r, c) => nameOf(r.sourceId, c.names.lookups) },
  industry: {
    header: 'Industry',
    kinds: COMPANY,
    value: (r, c) => nameOf(r.industryId, c.names.lookups),
  },
  branch: { header: 'Branch', kinds: BOTH, value: (r, c) => nameOf(r.branchId, c.names.branches) },
  company: { header: 'Company', kinds: PERSON, value: (r, c) => nameOf(r.companyId, c.companies) },
  birthDate: { header: 'Birth date', kinds: PERSON, value: (r) => r.birthDate ?? '' },
  street: address('street'),
  postalCode: address('postalCode'),
  city: address('city'),
  country: address('country'),
  note: { header: 'Note', kinds: BOTH, value: (r) => r.note },
  consentEmail: {
    header: 'Email consent',
    kinds: PERSON,
    value: (r) => (r.consentEmail ? 'yes' : 'no'),
  },
  consentSms: { header: 'SMS consent', kinds: PERSON, value: (r) => (r.consentSms ? 'yes' : 'no') },
  created: { header: 'Created', kinds: BOTH, value: (r, c) => stamp(r.createdAt, c.timezone) },
  updated: { header: 'Updated', kinds: BOTH, value: (r, c) => stamp(r.updatedAt, c.timezone) },
} satisfies Record<string, Builtin>;

/**
 * The built-in columns by key. A Map, not the object: keys come from the query string, and
 * `__proto__` or `constructor` must be unknown columns, not Object.prototype's members.
 */
export const BUILTIN_COLUMNS: ReadonlyMap<string, Builtin> = new Map(Object.entries(BUILTINS));

export const DEFAULT_COLUMNS = [
  'name',
  'phone',
  'email',
  'status',
  'responsible',
  'tags',
  'created',
];

export function customColumn(field: CustomField): ExportColumn {
  const options = new Map(field.options.map((o) => [o.id, o.name]));
  return {
    header: field.name,
    value: (r) => {
      const v = r.custom[field.id];
      if (v === undefined || v === null) return '';
      if (field.type === 'dropdown') return options.get(String(v)) ?? '';
      return String(v);
    },
  };
}

/** A spreadsheet must never read a cell as a formula (CSV injection): = + - @ tab CR. */
export function neutralize(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
