import {
  COMPANY_SORTS,
  LIST_COUNT_CAP,
  PERSON_SORTS,
  type ContactFilter,
  type ContactKind,
  type CustomField,
  type FieldErrorCode,
} from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { fieldError, fieldInvalid, validationError } from '../../lib/errors.ts';
import { loadCustomFields } from '../contact-settings/index.ts';
import { findOrganization } from '../organizations/index.ts';
import { noFamily, toCompanyDto, toPersonDto, type DtoRefs } from './contacts.dto.ts';
import { consentGiverNames, loadDtoRefs } from './contacts.repo.ts';
import { birthDateRange } from './family-age.ts';
import { familyClock, primaryGuardians } from './relations.repo.ts';
import * as repo from './contacts-list.repo.ts';
import { decodeListCursor, encodeListCursor, type ListCursor } from './contacts-list.cursor.ts';
import { listSearchTerms } from './search.service.ts';
import { personFunnelFilter } from './funnel-filter.port.ts';

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

/**
 * The birth dates the age filters allow (issue 17), on the club's clock: ageFrom..ageTo and
 * minor (younger than the adult age) or not, intersected. Undefined when none is set.
 */
async function birthRange(db: Db, orgId: string, filter: ContactFilter, now: Date) {
  const { ageFrom, ageTo, minor } = filter;
  if (ageFrom === undefined && ageTo === undefined && minor === undefined) return undefined;
  if (ageFrom !== undefined && ageTo !== undefined && ageFrom > ageTo) {
    throw fieldInvalid('ageTo', 'too_small', `At least ${ageFrom}`, { min: ageFrom });
  }
  const clock = await familyClock(db, orgId, now);
  const ranges = [birthDateRange(clock.today, ageFrom, ageTo)];
  if (minor === 'true') ranges.push(birthDateRange(clock.today, undefined, clock.adultAge - 1));
  if (minor === 'false') ranges.push(birthDateRange(clock.today, clock.adultAge, undefined));
  const pick = (values: Array<string | null>, later: boolean) =>
    values.reduce<string | null>(
      (a, b) => (a === null ? b : b === null ? a : (later ? a > b : a < b) ? a : b),
      null,
    );
  return {
    earliest: pick(
      ranges.map((r) => r.earliest),
      true,
    ),
    latest: pick(
      ranges.map((r) => r.latest),
      false,
    ),
  };
}

/** Loads what a filter needs (custom fields, timezone, phone region) and checks it. */
export async function resolveScope(
  db: Db,
  orgId: string,
  kind: ContactKind,
  filter: ContactFilter,
  opts: { needFields?: boolean; ids?: string[]; now?: Date } = {},
): Promise<ResolvedScope> {
  const needFields = opts.needFields === true || (filter.cf?.length ?? 0) > 0;
  const needTimezone = Boolean(filter.createdFrom || filter.createdTo);
  const [fieldList, org, search, births] = await Promise.all([
    needFields ? loadCustomFields(db, orgId, kind) : Promise.resolve([]),
    needTimezone ? findOrganization(db, orgId) : Promise.resolve(undefined),
    listSearchTerms(db, orgId, filter.search),
    birthRange(db, orgId, filter, opts.now ?? new Date()),
  ]);
  const fields = new Map(fieldList.map((f) => [f.id.toLowerCase(), f]));
  const funnel = filter.funnelStep
    ? await personFunnelFilter.get()(db, orgId, filter.funnelStep)
    : undefined;
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
      funnel,
      births,
    },
  };
}

export type ListQuery = ContactFilter & {
  sort: string;
  limit: number;
  cursor?: string;
  count: boolean;
};

export interface LoadedPage {
  rows: repo.ListPageRow[];
  nextCursor: string | null;
  prevCursor: string | null;
  total?: number;
  capped?: boolean;
}

/**
 * One page of a list from a keyset cursor (never an offset, so a deep page costs what the
 * first does) and, only when asked for, the count of matching rows up to LIST_COUNT_CAP.
 */
export async function loadListPage(
  db: Db,
  orgId: string,
  kind: ContactKind,
  query: ListQuery,
  now = new Date(),
): Promise<LoadedPage> {
  const { scope, fields } = await resolveScope(db, orgId, kind, query, {
    needFields: /^-?cf:/.test(query.sort),
    now,
  });
  const sort = parseSort(query.sort, kind, fields);
  const keys = repo.orderPlan(sort).keys;
  const cursor = query.cursor ? decodeListCursor(query.cursor, query.sort, keys) : null;
  const [page, total] = await Promise.all([
    readPage(db, scope, sort, query, cursor),
    query.count ? repo.countList(db, scope, LIST_COUNT_CAP) : Promise.resolve(undefined),
  ]);
  if (total === undefined) return page;
  return { ...page, total: Math.min(total, LIST_COUNT_CAP), capped: total > LIST_COUNT_CAP };
}

async function readPage(
  db: Db,
  scope: repo.ListScope,
  sortSpec: repo.SortSpec,
  query: ListQuery,
  cursor: ListCursor | null,
): Promise<LoadedPage> {
  const { limit, sort } = query;
  const at = (row: repo.ListPageRow | undefined, before: boolean) =>
    row ? encodeListCursor({ sort, before, keys: row.keys }) : null;
  if (cursor?.before) {
    const rows = await repo.listRows(db, scope, sortSpec, {
      limit,
      after: cursor.keys,
      backwards: true,
    });
    // Fewer rows than a page before the cursor (some were deleted): the first page instead.
    if (rows.length < limit) return readPage(db, scope, sortSpec, query, null);
    const shown = rows.slice(0, limit).reverse();
    return {
      rows: shown,
      nextCursor: at(shown.at(-1), false),
      prevCursor: rows.length > limit ? at(shown[0], true) : null,
    };
  }
  const rows = await repo.listRows(db, scope, sortSpec, { limit, after: cursor?.keys });
  const shown = rows.slice(0, limit);
  return {
    rows: shown,
    nextCursor: rows.length > limit ? at(shown.at(-1), false) : null,
    prevCursor: cursor ? at(shown[0], true) : null,
  };
}

/**
 * Names the page query brought along, as the DTOs' refs; the family (primary guardians, the
 * club's date) and the names of consent givers take a statement of their own.
 */
async function refsOf(
  db: Db,
  orgId: string,
  rows: readonly repo.ListPageRow[],
  now: Date,
): Promise<DtoRefs> {
  const userNames = new Map<string, string>();
  const companyNames = new Map<string, string>();
  for (const r of rows) {
    if (r.row.createdBy && r.createdByName !== null)
      userNames.set(r.row.createdBy, r.createdByName);
    if (r.row.companyId && r.companyName !== null) companyNames.set(r.row.companyId, r.companyName);
  }
  const persons = rows.map((r) => r.row);
  const family = persons.length
    ? await primaryGuardians(
        db,
        orgId,
        persons.map((p) => p.id),
        now,
      )
    : noFamily();
  const consentBy = await consentGiverNames(db, orgId, persons);
  return { userNames, companyNames, contactPersons: new Map(), family, consentBy };
}

const paging = (page: LoadedPage) => ({
  nextCursor: page.nextCursor,
  prevCursor: page.prevCursor,
  ...(page.total !== undefined && { total: page.total, capped: page.capped }),
});

export async function listPersons(db: Db, actor: Actor, query: ListQuery, now = new Date()) {
  assertCan(actor, 'contacts.read');
  const page = await loadListPage(db, actor.orgId, 'person', query, now);
  const refs = await refsOf(db, actor.orgId, page.rows, now);
  return { items: page.rows.map((r) => toPersonDto(r.row, refs)), ...paging(page) };
}

export async function listCompanies(db: Db, actor: Actor, query: ListQuery) {
  assertCan(actor, 'contacts.read');
  const page = await loadListPage(db, actor.orgId, 'company', query);
  // A company's answer lists its contact persons: those take their own query.
  const rows = page.rows.map((r) => r.row);
  const refs = await loadDtoRefs(db, actor.orgId, rows);
  return { items: rows.map((r) => toCompanyDto(r, refs)), ...paging(page) };
}
