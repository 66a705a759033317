import {
  COMPANY_SORTS,
  PERSON_SORTS,
  type Company,
  type ContactFilter,
  type ContactKind,
  type CustomField,
  type FieldErrorCode,
  type Person,
} from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { fieldError, fieldInvalid, validationError } from '../../lib/errors.ts';
import { loadCustomFields } from '../contact-settings/index.ts';
import { findOrganization } from '../organizations/index.ts';
import { toCompanyDto, toPersonDto } from './contacts.dto.ts';
import { loadDtoRefs } from './contacts.repo.ts';
import * as repo from './contacts-list.repo.ts';
import { listSearchTerms } from './search.service.ts';

export interface ResolvedScope {
  scope: repo.ListScope;
  /** The entity's active custom fields, by id (loaded only when asked for or filtered on). */
  fields: Map<string, CustomField>;
}

const NUMBER = /^-?\d{1,15}(\.\d{1,4})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function badFilter(message: string, code: FieldErrorCode = 'invalid'): never {
  throw validationError({ cf: fieldError(code, message) }, message);
}

/** Checks each `cf=<fieldId>:<op>:<value>` against the field it names. */
export function parseCustomFilters(
  raw: readonly string[],
  fields: ReadonlyMap<string, CustomField>,
): repo.CustomFilter[] {
  return raw.map((item) => {
    const [id = '', op = '', ...rest] = item.split(':');
    const value = rest.join(':').trim();
    const field = fields.get(id.toLowerCase());
    if (!field) badFilter(`Unknown custom field ${id}`, 'unknown_reference');
    const allowed: Record<CustomField['type'], readonly string[]> = {
      text: ['eq', 'contains', 'set', 'unset'],
      dropdown: ['eq', 'set', 'unset'],
      number: ['eq', 'gte', 'lte', 'set', 'unset'],
      money: ['eq', 'gte', 'lte', 'set', 'unset'],
      date: ['eq', 'gte', 'lte', 'set', 'unset'],
    };
    if (!allowed[field.type].includes(op)) {
      badFilter(`${field.name}: "${op}" does not apply to a ${field.type} field`);
    }
    const cfOp = op as repo.CustomFilter['op'];
    if (cfOp === 'set' || cfOp === 'unset') return { field, op: cfOp, values: [] };
    if (!value) badFilter(`${field.name}: a value is needed`, 'required');
    if (field.type === 'dropdown') {
      const values = value.split('|').map((v) => v.trim().toLowerCase());
      const known = new Set(field.options.map((o) => o.id.toLowerCase()));
      if (values.some((v) => !known.has(v)))
        badFilter(`${field.name}: unknown option`, 'invalid_option');
      return {
        field,
        op: cfOp,
        values: field.options.map((o) => o.id).filter((o) => values.includes(o.toLowerCase())),
      };
    }
    if ((field.type === 'number' || field.type === 'money') && !NUMBER.test(value)) {
      badFilter(`${field.name}: expected a number`, 'invalid_number');
    }
    if (field.type === 'date' && (!DATE.test(value) || Number.isNaN(Date.parse(value)))) {
      badFilter(`${field.name}: expected a date (YYYY-MM-DD)`, 'invalid_date');
    }
    return { field, op: cfOp, values: [value] };
  });
}

/** `name`, `-createdAt`, `cf:<fieldId>` … → what the repo orders by; anything else is a 400. */
export function parseSort(
  sort: string,
  kind: ContactKind,
  fields: ReadonlyMap<string, CustomField>,
): repo.SortSpec {
  const desc = sort.startsWith('-');
  const key = desc ? sort.slice(1) : sort;
  if (key.startsWith('cf:')) {
    const field = fields.get(key.slice(3).toLowerCase());
    if (!field) {
      throw fieldInvalid('sort', 'unknown_reference', `Unknown custom field ${key.slice(3)}`);
    }
    return { field, desc };
  }
  const columns: readonly string[] = kind === 'person' ? PERSON_SORTS : COMPANY_SORTS;
  if (!columns.includes(key)) {
    throw fieldInvalid(
      'sort',
      'invalid_option',
      `Sort by one of ${columns.join(', ')} or cf:<fieldId>`,
    );
  }
  return { column: key as repo.SortColumn, desc };
}

/** Loads what a filter needs (custom fields, timezone, phone region) and checks it. */
export async function resolveScope(
  db: Db,
  orgId: string,
  kind: ContactKind,
  filter: ContactFilter,
  opts: { needFields?: boolean; ids?: string[] } = {},
): Promise<ResolvedScope> {
  const needFields = opts.needFields === true || (filter.cf?.length ?? 0) > 0;
  const needTimezone = Boolean(filter.createdFrom || filter.createdTo);
  const [fieldList, org, search] = await Promise.all([
    needFields ? loadCustomFields(db, orgId, kind) : Promise.resolve([]),
    needTimezone ? findOrganization(db, orgId) : Promise.resolve(undefined),
    listSearchTerms(db, orgId, filter.search),
  ]);
  const fields = new Map(fieldList.map((f) => [f.id.toLowerCase(), f]));
  return {
    fields,
    scope: {
      orgId,
      kind,
      filter,
      customFilters: parseCustomFilters(filter.cf ?? [], fields),
      timezone: org?.timezone ?? null,
      search,
      ids: opts.ids,
    },
  };
}

export type ListQuery = ContactFilter & { sort: string; limit: number; offset: number };

/** A page of rows and the total, both from the same WHERE. */
export async function loadListPage(db: Db, orgId: string, kind: ContactKind, query: ListQuery) {
  const { scope, fields } = await resolveScope(db, orgId, kind, query, {
    needFields: /^-?cf:/.test(query.sort),
  });
  const sort = parseSort(query.sort, kind, fields);
  const [rows, total] = await Promise.all([
    repo.listPage(db, scope, sort, { limit: query.limit, offset: query.offset }),
    repo.countList(db, scope),
  ]);
  return { rows, total };
}

export async function listPersons(
  db: Db,
  actor: Actor,
  query: ListQuery,
): Promise<{ items: Person[]; total: number }> {
  assertCan(actor, 'contacts.read');
  const { rows, total } = await loadListPage(db, actor.orgId, 'person', query);
  const refs = await loadDtoRefs(db, actor.orgId, rows);
  return { items: rows.map((r) => toPersonDto(r, refs)), total };
}

export async function listCompanies(
  db: Db,
  actor: Actor,
  query: ListQuery,
): Promise<{ items: Company[]; total: number }> {
  assertCan(actor, 'contacts.read');
  const { rows, total } = await loadListPage(db, actor.orgId, 'company', query);
  const refs = await loadDtoRefs(db, actor.orgId, rows);
  return { items: rows.map((r) => toCompanyDto(r, refs)), total };
}
