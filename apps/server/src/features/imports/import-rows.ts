import type {
  Address,
  ContactKind,
  CustomField,
  CustomValues,
  ImportRowError,
  ImportRowErrorCode,
  Scope,
} from '@spotter/contracts';
import { checkCustomValues } from '../contact-settings/index.ts';
import { normalizePhone } from '../../lib/phones.ts';
import { readCustomValue, readDate, readEmail, readList, readYesNo } from './cell-values.ts';
import { IDENTIFYING_TARGETS, SKIP_TARGET } from './import-targets.ts';

export interface NamedRef {
  id: string;
  scope: Scope;
}

/** What a batch needs to read rows: the mapping by column and every list by lower-case name. */
export interface ImportContext {
  kind: ContactKind;
  region: string | null;
  columns: Array<{ index: number; header: string; target: string }>;
  fields: Map<string, CustomField>;
  statuses: Map<string, string>;
  tags: Map<string, NamedRef>;
  categories: Map<string, NamedRef>;
  sources: Map<string, NamedRef>;
  industries: Map<string, NamedRef>;
  branches: Map<string, string>;
  staff: Map<string, string>;
}

/** One row read into the fields of a contact; references resolved, tags still by name. */
export interface RowInput {
  firstName?: string;
  lastName?: string;
  name?: string;
  orgNumber?: string;
  phones: Array<{ number: string; label: 'mobile' | 'work' | 'home' | 'other' }>;
  emails: Array<{ email: string; label: 'personal' | 'work' | 'other' }>;
  birthDate?: string;
  address?: Address;
  billingAddress?: Address;
  visitingAddress?: Address;
  note?: string;
  statusId?: string;
  responsibleId?: string;
  categoryIds: string[];
  sourceId?: string;
  industryId?: string;
  branchId?: string;
  custom: CustomValues;
  consentEmail?: { granted: boolean; source: string };
  consentSms?: { granted: boolean; source: string };
}

export interface ParsedRow {
  line: number;
  input: RowInput;
  tagNames: string[];
  companyName?: string;
  /** Normalized phones and lower-case emails, for duplicate checks (C-13). */
  phoneKeys: string[];
  emailKeys: string[];
}

const MAX: Record<string, number> = {
  firstName: 100,
  lastName: 100,
  fullName: 200,
  name: 200,
  orgNumber: 40,
  note: 10_000,
  postalCode: 20,
  visitingPostalCode: 20,
  city: 100,
  visitingCity: 100,
  country: 100,
  visitingCountry: 100,
};

const ADDRESS_PARTS = {
  street: 'street',
  postalCode: 'postalCode',
  city: 'city',
  country: 'country',
  visitingStreet: 'street',
  visitingPostalCode: 'postalCode',
  visitingCity: 'city',
  visitingCountry: 'country',
} as const;

const emptyAddress = (): Address => ({ street: '', postalCode: '', city: '', country: '' });

function inScope(ref: NamedRef, kind: ContactKind) {
  return ref.scope === 'both' || ref.scope === kind;
}

/**
 * Reads one CSV row. Every problem is reported with its line and column so a dry run can list
 * them all; a row with any problem is not imported.
 */
export function parseRow(
  ctx: ImportContext,
  row: string[],
  line: number,
  consentSource: string,
): { row: ParsedRow; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const error = (
    column: string | null,
    message: string,
    code: ImportRowErrorCode,
    params: Record<string, string> = {},
  ) => errors.push({ line, column, message, code, params });
  const fromRead = (
    column: string,
    read: { message: string; code: ImportRowErrorCode; params: Record<string, string> },
  ) => error(column, read.message, read.code, read.params);
  const input: RowInput = { phones: [], emails: [], categoryIds: [], custom: {} };
  const parsed: ParsedRow = { line, input, tagNames: [], phoneKeys: [], emailKeys: [] };
  const rawCustom: Record<string, string | number> = {};
  const customColumn = new Map<string, string>();

  for (const { index, header, target } of ctx.columns) {
    const value = (row[index] ?? '').trim();
    if (value === '' || target === SKIP_TARGET) continue;
    const max = MAX[target] ?? 200;
    if (value.length > max && !target.startsWith('cf:')) {
      error(header, `Too long (at most ${max} characters)`, 'too_long', { max: String(max) });
      continue;
    }
    const lower = value.toLowerCase();
    switch (target) {
      case 'firstName':
      case 'lastName':
      case 'name':
      case 'orgNumber':
      case 'note':
        input[target] = value;
        break;
      case 'fullName': {
        const space = value.lastIndexOf(' ');
        input.firstName = space > 0 ? value.slice(0, space).trim() : value;
        input.lastName = space > 0 ? value.slice(space + 1).trim() : '';
        break;
      }
      case 'phone':
      case 'phone2': {
        const digits = value.replace(/\D/g, '');
        if (digits.length < 3 || value.length > 40 || !/^[+\d\s\-.()/]+$/.test(value)) {
          const shown = value.slice(0, 40);
          error(header, `Invalid phone '${shown}'`, 'invalid_phone', { value: shown });
          break;
        }
        input.phones.push({ number: value, label: ctx.kind === 'company' ? 'work' : 'mobile' });
        parsed.phoneKeys.push(normalizePhone(value, ctx.region).number);
        break;
      }
      case 'email':
      case 'email2': {
        const email = readEmail(value);
        if (!email.ok) fromRead(header, email);
        else if (!input.emails.some((e) => e.email === email.value)) {
          input.emails.push({
            email: email.value,
            label: ctx.kind === 'company' ? 'work' : 'personal',
          });
          parsed.emailKeys.push(email.value);
        }
        break;
      }
      case 'birthDate': {
        const date = readDate(value);
        if (!date.ok) fromRead(header, date);
        else if (date.value > new Date().toISOString().slice(0, 10)) {
          error(header, 'Birth date is in the future', 'future_birth_date', { value });
        } else input.birthDate = date.value;
        break;
      }
      case 'street':
      case 'postalCode':
      case 'city':
      case 'country': {
        const key = ctx.kind === 'person' ? 'address' : 'billingAddress';
        const address = (input[key] ??= emptyAddress());
        address[ADDRESS_PARTS[target]] = value;
        break;
      }
      case 'visitingStreet':
      case 'visitingPostalCode':
      case 'visitingCity':
      case 'visitingCountry': {
        const address = (input.visitingAddress ??= emptyAddress());
        address[ADDRESS_PARTS[target]] = value;
        break;
      }
      case 'status': {
        const id = ctx.statuses.get(lower);
        if (id) input.statusId = id;
        else error(header, `Unknown status '${value}'`, 'unknown_status', { value });
        break;
      }
      case 'responsible': {
        const id = ctx.staff.get(lower);
        if (id) input.responsibleId = id;
        else error(header, `Unknown staff member '${value}'`, 'unknown_staff', { value });
        break;
      }
      case 'branch': {
        const id = ctx.branches.get(lower);
        if (id) input.branchId = id;
        else error(header, `Unknown branch '${value}'`, 'unknown_branch', { value });
        break;
      }
      case 'source':
      case 'industry': {
        const ref = (target === 'source' ? ctx.sources : ctx.industries).get(lower);
        if (!ref) error(header, `Unknown ${target} '${value}'`, `unknown_${target}`, { value });
        else input[target === 'source' ? 'sourceId' : 'industryId'] = ref.id;
        break;
      }
      case 'categories':
        for (const name of readList(value)) {
          const ref = ctx.categories.get(name.toLowerCase());
          if (!ref)
            error(header, `Unknown category '${name}'`, 'unknown_category', { value: name });
          else if (!inScope(ref, ctx.kind)) {
            error(
              header,
              `Category '${name}' is not for ${ctx.kind === 'person' ? 'persons' : 'companies'}`,
              `category_not_for_${ctx.kind}`,
              { value: name },
            );
          } else input.categoryIds.push(ref.id);
        }
        break;
      case 'tags':
        for (const name of readList(value)) {
          const ref = ctx.tags.get(name.toLowerCase());
          if (ref && !inScope(ref, ctx.kind)) {
            error(
              header,
              `Tag '${name}' is not for ${ctx.kind === 'person' ? 'persons' : 'companies'}`,
              `tag_not_for_${ctx.kind}`,
              { value: name },
            );
          } else if (name.length > 60) {
            error(header, `Tag '${name.slice(0, 60)}…' is too long`, 'tag_too_long', {
              value: name.slice(0, 60),
            });
          } else parsed.tagNames.push(name);
        }
        break;
      case 'company':
        parsed.companyName = value;
        break;
      case 'consentEmail':
      case 'consentSms': {
        const yes = readYesNo(value);
        if (!yes.ok) fromRead(header, yes);
        else input[target] = { granted: yes.value, source: consentSource };
        break;
      }
      default: {
        const field = ctx.fields.get(target.slice(3));
        if (!field) break;
        const read = readCustomValue(field, value);
        if (!read.ok) fromRead(header, read);
        else {
          rawCustom[field.id] = read.value;
          customColumn.set(field.id, header);
        }
      }
    }
  }

  const checked = checkCustomValues([...ctx.fields.values()], rawCustom);
  input.custom = checked.values;
  for (const [key, problem] of Object.entries(checked.errors)) {
    const id = key.replace(/^custom\./, '');
    error(customColumn.get(id) ?? null, problem.message, 'custom_invalid', {
      field: ctx.fields.get(id)?.name ?? id,
    });
  }
  if (!identifies(ctx.kind, input)) {
    if (ctx.kind === 'company') error(null, 'The company has no name', 'no_company_name');
    else error(null, 'No name, phone or email', 'no_identity');
  }
  return { row: parsed, errors };
}

function identifies(kind: ContactKind, input: RowInput): boolean {
  if (kind === 'company') return Boolean(input.name);
  return Boolean(
    input.firstName ||
    input.lastName ||
    input.name ||
    input.phones.length > 0 ||
    input.emails.length > 0,
  );
}

export function mappingIdentifies(kind: ContactKind, targets: string[]): boolean {
  return kind === 'company'
    ? targets.includes('name')
    : targets.some((t) => IDENTIFYING_TARGETS.has(t) && t !== 'name');
}
