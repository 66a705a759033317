import type {
  Address,
  ContactKind,
  CustomField,
  CustomValues,
  ImportProblem,
  ImportRowErrorCode,
  ImportValueAction,
  ImportValueMap,
  Scope,
} from '@spotter/contracts';
import { checkCustomValues } from '../contact-settings/index.ts';
import { normalizePhone } from '../../lib/phones.ts';
import { readCustomValue, readDate, readEmail, readList, readYesNo } from './cell-values.ts';
import {
  GUARDIAN_SLOTS,
  guardianTarget,
  IDENTIFYING_TARGETS,
  SKIP_TARGET,
  type GuardianSlot,
} from './import-targets.ts';

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
  /**
   * 'relation-roles' lookups by lower-case name: the organization's own names and the default
   * names of every language (so "Mother", "Mamma" and "Мама" all find the first role).
   */
  relationRoles: Map<string, string>;
  /** The wizard's answers for unknown values: by column, then by lower-case value. */
  valueMap: Map<string, Map<string, ImportValueAction>>;
  /** Leave out a row with any problem instead of importing it without the bad values. */
  skipOnProblem: boolean;
}

/** The stored value map, looked up by the cell's value in any case. */
export function valueMapByLowerCase(map: ImportValueMap) {
  return new Map(
    Object.entries(map).map(([column, values]) => [
      column,
      new Map(Object.entries(values).map(([value, action]) => [value.toLowerCase(), action])),
    ]),
  );
}

/** A problem before it has its place (`n`) in the run's list. */
export type ProblemDraft = Omit<ImportProblem, 'n'>;

/** Where a row is in the file: its record number (1-based) and the line it starts on. */
export interface RowPosition {
  record: number;
  line: number;
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

/** A guardian named on a child's row (issue 17), read like the row's own person. */
export interface ParsedGuardian {
  slot: GuardianSlot;
  firstName?: string;
  lastName?: string;
  phones: RowInput['phones'];
  emails: RowInput['emails'];
  /** The 'relation-roles' lookup the relation cell names; an unknown name is none. */
  roleId?: string;
  phoneKeys: string[];
  emailKeys: string[];
}

export interface ParsedRow {
  record: number;
  line: number;
  input: RowInput;
  tagNames: string[];
  companyName?: string;
  /** Normalized phones and lower-case emails, for duplicate checks (C-13). */
  phoneKeys: string[];
  emailKeys: string[];
  /** The row's guardians who have a name, a phone or an email. */
  guardians: ParsedGuardian[];
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

/** What a lookup cell resolves to: an id, nothing on purpose, or an unknown value. */
type Resolved = { id: string } | { none: true } | { unknown: true };

function resolve(
  ctx: ImportContext,
  header: string,
  value: string,
  known: string | undefined,
): Resolved {
  if (known) return { id: known };
  const action = ctx.valueMap.get(header)?.get(value.toLowerCase());
  if (!action) return { unknown: true };
  // "create" in a dry run: the real run creates it first, so the row is fine as it is.
  return action.action === 'map' ? { id: action.id } : { none: true };
}

/**
 * Reads one CSV row. A cell that cannot be read is left out and reported as a warning for
 * its row and column; only a row with nothing left to identify the contact is an error (and
 * with "skip rows with any problem" every warning is one).
 */
export function parseRow(
  ctx: ImportContext,
  row: string[],
  at: RowPosition,
  consentSource: string,
): { row: ParsedRow; problems: ProblemDraft[]; rejected: boolean } {
  const problems: ProblemDraft[] = [];
  let cell: string | null = null;
  const error = (
    column: string | null,
    message: string,
    code: ImportRowErrorCode,
    params: Record<string, string> = {},
  ) =>
    problems.push({
      ...at,
      column,
      severity: 'warning',
      code,
      message,
      params,
      value: column === null ? null : (cell?.slice(0, 200) ?? null),
      matchId: null,
      matchName: null,
    });
  const fromRead = (
    column: string,
    read: { message: string; code: ImportRowErrorCode; params: Record<string, string> },
  ) => error(column, read.message, read.code, read.params);
  const input: RowInput = { phones: [], emails: [], categoryIds: [], custom: {} };
  const parsed: ParsedRow = {
    ...at,
    input,
    tagNames: [],
    phoneKeys: [],
    emailKeys: [],
    guardians: [],
  };
  const guardians = new Map<GuardianSlot, ParsedGuardian>();
  const guardianOf = (slot: GuardianSlot) => {
    let g = guardians.get(slot);
    if (!g)
      guardians.set(slot, (g = { slot, phones: [], emails: [], phoneKeys: [], emailKeys: [] }));
    return g;
  };
  const rawCustom: Record<string, string | number> = {};
  const customColumn = new Map<string, string>();
  const customCell = new Map<string, string>();

  for (const { index, header, target } of ctx.columns) {
    const value = (row[index] ?? '').trim();
    if (value === '' || target === SKIP_TARGET) continue;
    cell = value;
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
        if (!looksLikePhone(value)) {
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
        const r = resolve(ctx, header, value, ctx.statuses.get(lower));
        if ('id' in r) input.statusId = r.id;
        else if ('unknown' in r) {
          error(header, `Unknown status '${value}'`, 'unknown_status', { value });
        }
        break;
      }
      case 'responsible': {
        const r = resolve(ctx, header, value, ctx.staff.get(lower));
        if ('id' in r) input.responsibleId = r.id;
        else if ('unknown' in r) {
          error(header, `Unknown staff member '${value}'`, 'unknown_staff', { value });
        }
        break;
      }
      case 'branch': {
        const r = resolve(ctx, header, value, ctx.branches.get(lower));
        if ('id' in r) input.branchId = r.id;
        else if ('unknown' in r) {
          error(header, `Unknown branch '${value}'`, 'unknown_branch', { value });
        }
        break;
      }
      case 'source':
      case 'industry': {
        const known = (target === 'source' ? ctx.sources : ctx.industries).get(lower);
        const r = resolve(ctx, header, value, known?.id);
        if ('id' in r) input[target === 'source' ? 'sourceId' : 'industryId'] = r.id;
        else if ('unknown' in r) {
          error(header, `Unknown ${target} '${value}'`, `unknown_${target}`, { value });
        }
        break;
      }
      case 'categories':
        for (const name of readList(value)) {
          const ref = ctx.categories.get(name.toLowerCase());
          if (ref && !inScope(ref, ctx.kind)) {
            error(
              header,
              `Category '${name}' is not for ${ctx.kind === 'person' ? 'persons' : 'companies'}`,
              `category_not_for_${ctx.kind}`,
              { value: name },
            );
            continue;
          }
          const r = resolve(ctx, header, name, ref?.id);
          if ('id' in r) input.categoryIds.push(r.id);
          else if ('unknown' in r) {
            error(header, `Unknown category '${name}'`, 'unknown_category', { value: name });
          }
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
        const guardian = guardianTarget(target);
        if (guardian) {
          const g = guardianOf(guardian.slot);
          readGuardianCell(ctx, g, guardian.field, value, (message, code, params) =>
            error(header, message, code, params),
          );
          break;
        }
        const field = ctx.fields.get(target.slice(3));
        if (!field) break;
        if (field.type === 'dropdown') {
          const option = findOption(field, lower);
          const r = resolve(ctx, header, value, option);
          if ('none' in r) break;
          if ('id' in r) {
            rawCustom[field.id] = r.id;
            customColumn.set(field.id, header);
            customCell.set(field.id, value);
            break;
          }
        }
        const read = readCustomValue(field, value);
        if (!read.ok) fromRead(header, read);
        else {
          rawCustom[field.id] = read.value;
          customColumn.set(field.id, header);
          customCell.set(field.id, value);
        }
      }
    }
  }

  const checked = checkCustomValues([...ctx.fields.values()], rawCustom);
  input.custom = checked.values;
  for (const [key, problem] of Object.entries(checked.errors)) {
    const id = key.replace(/^custom\./, '');
    cell = customCell.get(id) ?? null;
    error(customColumn.get(id) ?? null, problem.message, 'custom_invalid', {
      field: ctx.fields.get(id)?.name ?? id,
    });
  }
  for (const slot of GUARDIAN_SLOTS) {
    const g = guardians.get(slot);
    if (g && (g.firstName || g.lastName || g.phones.length > 0 || g.emails.length > 0)) {
      parsed.guardians.push(g);
    }
  }
  if (ctx.skipOnProblem) for (const p of problems) p.severity = 'error';
  if (!identifies(ctx.kind, input)) {
    cell = null;
    if (ctx.kind === 'company') error(null, 'The company has no name', 'no_company_name');
    else error(null, 'No name, phone or email', 'no_identity');
    // The row is left out: none of its cells "will import without" anything.
    for (const p of problems) p.severity = 'error';
  }
  return { row: parsed, problems, rejected: problems.some((p) => p.severity === 'error') };
}

const looksLikePhone = (value: string) =>
  value.replace(/\D/g, '').length >= 3 && value.length <= 40 && /^[+\d\s\-.()/]+$/.test(value);

/** One guardian cell of a child's row; a bad phone or email is the cell's warning. */
function readGuardianCell(
  ctx: ImportContext,
  g: ParsedGuardian,
  field: NonNullable<ReturnType<typeof guardianTarget>>['field'],
  value: string,
  warn: (message: string, code: ImportRowErrorCode, params: Record<string, string>) => void,
) {
  switch (field) {
    case 'firstName':
    case 'lastName':
      g[field] = value.slice(0, 100);
      break;
    case 'fullName': {
      const space = value.lastIndexOf(' ');
      g.firstName = (space > 0 ? value.slice(0, space).trim() : value).slice(0, 100);
      g.lastName = (space > 0 ? value.slice(space + 1).trim() : '').slice(0, 100);
      break;
    }
    case 'phone': {
      if (!looksLikePhone(value)) {
        const shown = value.slice(0, 40);
        warn(`Invalid guardian phone '${shown}'`, 'invalid_phone', { value: shown });
        break;
      }
      g.phones.push({ number: value, label: 'mobile' });
      g.phoneKeys.push(normalizePhone(value, ctx.region).number);
      break;
    }
    case 'email': {
      const email = readEmail(value);
      if (!email.ok) warn(`Guardian: ${email.message}`, email.code, email.params);
      else if (!g.emails.some((e) => e.email === email.value)) {
        g.emails.push({ email: email.value, label: 'personal' });
        g.emailKeys.push(email.value);
      }
      break;
    }
    case 'relation': {
      // An unknown relation is none: the guardian is still linked, without a role.
      const roleId = ctx.relationRoles.get(value.toLowerCase());
      if (roleId) g.roleId = roleId;
      break;
    }
  }
}

export function findOption(field: CustomField, lower: string): string | undefined {
  return (
    field.options.find((o) => o.name.toLowerCase() === lower) ??
    field.options.find((o) => o.abbreviation !== '' && o.abbreviation.toLowerCase() === lower)
  )?.id;
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
