import {
  and,
  count,
  eq,
  getTableColumns,
  inArray,
  isNull,
  or,
  sql,
  type Column,
  type Placeholder,
  type SQL,
} from 'drizzle-orm';
import type {
  COMPANY_SORTS,
  ContactFilter,
  ContactKind,
  CUSTOM_FILTER_OPS,
  CustomField,
  PERSON_SORTS,
} from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { contactStatuses } from '../contact-settings/index.ts';
import { users } from '../users/index.ts';
import { contacts } from './contacts.table.ts';
import { escapeLike } from '../../lib/like.ts';
import { searchCondition, uuidArray, type SearchTerms } from './search.repo.ts';
import {
  afterPosition,
  keyText,
  type KeyType,
  type KeyValue,
  type SortKey,
} from './contacts-list.cursor.ts';
import { waitingLeadCondition } from './waiting-lead.ts';
import { rowReader } from './list-row-reader.ts';
import { executeShaped } from '../../lib/named-statement.ts';

/** A listed row: every column but those only search and duplicate checks read. */
export type ContactListRow = Omit<
  typeof contacts.$inferSelect,
  'searchText' | 'phoneKeys' | 'emailKeys'
>;
const { searchText: _s, phoneKeys: _p, emailKeys: _e, ...listColumns } = getTableColumns(contacts);

/** A checked `cf=<fieldId>:<op>:<value>`: the field exists, the value fits its type. */
export interface CustomFilter {
  field: CustomField;
  op: (typeof CUSTOM_FILTER_OPS)[number];
  /** eq on a dropdown: the option ids (any of them); otherwise one value. */
  values: string[];
}

/** Everything that decides which contacts a list, a bulk change or an export covers. */
export interface ListScope {
  orgId: string;
  kind: ContactKind;
  filter: ContactFilter;
  customFilters: CustomFilter[];
  /** The organization's timezone; needed only for createdFrom / createdTo. */
  timezone: string | null;
  search: SearchTerms | null;
  /** Restrict to these ids (bulk actions on a selection). */
  ids?: string[];
  /** The persons who reached the `funnelStep` filter's step (the reports feature's condition). */
  funnel?: SQL;
  /** The age filters as birth dates on the club's clock (issue 17); either end may be open. */
  births?: { earliest: string | null; latest: string | null };
}

export type SortColumn = (typeof PERSON_SORTS)[number] | (typeof COMPANY_SORTS)[number];
export type SortSpec = { desc: boolean } & ({ column: SortColumn } | { field: CustomField });

const customText = (id: string) => sql`(${contacts.custom} ->> ${id})`;
const customNumber = (id: string) =>
  sql`(case when jsonb_typeof(${contacts.custom} -> ${id}) = 'number' then (${contacts.custom} ->> ${id})::numeric end)`;

function customValueExpr(field: CustomField): SQL {
  if (field.type === 'number' || field.type === 'money') return customNumber(field.id);
  return customText(field.id);
}

function customFilterSql(f: CustomFilter): SQL {
  const id = f.field.id;
  const [value = ''] = f.values;
  switch (f.op) {
    case 'set':
      return sql`coalesce(${customText(id)}, '') <> ''`;
    case 'unset':
      return sql`coalesce(${customText(id)}, '') = ''`;
    case 'contains':
      return sql`${customText(id)} ilike ${`%${escapeLike(value)}%`}`;
    case 'gte':
    case 'lte': {
      const op = f.op === 'gte' ? sql`>=` : sql`<=`;
      if (f.field.type === 'date') return sql`${customText(id)} ${op} ${value}`;
      return sql`${customNumber(id)} ${op} ${value}::numeric`;
    }
    case 'eq':
      if (f.field.type === 'dropdown') {
        return inArray(customText(id), f.values);
      }
      if (f.field.type === 'text') return sql`lower(${customText(id)}) = ${value.toLowerCase()}`;
      if (f.field.type === 'date') return sql`${customText(id)} = ${value}`;
      return sql`${customNumber(id)} = ${value}::numeric`;
  }
}

/** `column in (…)`, OR-ed with `column is null` when the "none" box is ticked too. */
function idOrNone(column: Column, ids?: string[], none?: boolean) {
  const parts: SQL[] = [];
  if (ids?.length) parts.push(inArray(column, ids));
  if (none) parts.push(sql`${column} is null`);
  return parts.length ? or(...parts) : undefined;
}

/** The WHERE of a list, shared by the page, its count, bulk changes and exports. */
export function listWhere(scope: ListScope): SQL {
  return and(
    eq(contacts.orgId, scope.orgId),
    eq(contacts.kind, scope.kind),
    isNull(contacts.deletedAt),
    ...filterConditions(scope),
  )!;
}

/** What narrows a list beyond its organization and kind (undefined: that filter is not set). */
function filterConditions(scope: ListScope): Array<SQL | undefined> {
  const f = scope.filter;
  const tz = scope.timezone ?? 'UTC';
  return [
    scope.ids ? inArray(contacts.id, scope.ids) : undefined,
    scope.search ? (searchCondition(scope.search) ?? undefined) : undefined,
    idOrNone(contacts.statusId, f.statusId, f.noStatus),
    idOrNone(contacts.responsibleId, f.responsibleId, f.noResponsible),
    f.tagId?.length
      ? f.tagMode === 'all'
        ? sql`${contacts.tagIds} @> ${uuidArray(f.tagId)}`
        : sql`${contacts.tagIds} && ${uuidArray(f.tagId)}`
      : undefined,
    f.categoryId?.length ? sql`${contacts.categoryIds} && ${uuidArray(f.categoryId)}` : undefined,
    f.branchId?.length ? inArray(contacts.branchId, f.branchId) : undefined,
    f.sourceId?.length ? inArray(contacts.sourceId, f.sourceId) : undefined,
    f.industryId?.length ? inArray(contacts.industryId, f.industryId) : undefined,
    f.companyId ? eq(contacts.companyId, f.companyId) : undefined,
    f.waiting ? waitingLeadCondition(scope.orgId) : undefined,
    // Dates are days in the club's timezone: [from 00:00, to+1 00:00) there.
    f.createdFrom
      ? sql`${contacts.createdAt} >= (${f.createdFrom}::date::timestamp at time zone ${tz})`
      : undefined,
    f.createdTo
      ? sql`${contacts.createdAt} < ((${f.createdTo}::date + 1)::timestamp at time zone ${tz})`
      : undefined,
    ...scope.customFilters.map(customFilterSql),
    scope.funnel,
    // An age filter never matches a person without a birth date (both comparisons are null).
    scope.births ? sql`${contacts.birthDate} is not null` : undefined,
    scope.births?.earliest
      ? sql`${contacts.birthDate} >= ${scope.births.earliest}::date`
      : undefined,
    scope.births?.latest ? sql`${contacts.birthDate} <= ${scope.births.latest}::date` : undefined,
  ];
}

interface OrderPlan {
  keys: SortKey[];
  desc: boolean;
  joinStatus: boolean;
  joinResponsible: boolean;
}

/** The keys a sort orders by; the name and then the id keep equal keys in one stable order. */
export function orderPlan(sort: SortSpec): OrderPlan {
  const plan: OrderPlan = { keys: [], desc: sort.desc, joinStatus: false, joinResponsible: false };
  const key = (expr: SQL, type: KeyType, nullable = true) =>
    plan.keys.push({ expr, type, nullable });
  if ('field' in sort) {
    const f = sort.field;
    if (f.type === 'dropdown') {
      // Dropdown values sort in the order their options are listed in the settings.
      const ids = f.options.map((o) => o.id);
      key(
        sql`array_position(${sql`array[${sql.join(
          ids.length ? ids.map((i) => sql`${i}`) : [sql`null`],
          sql`, `,
        )}]::text[]`}, ${customText(f.id)})`,
        'int',
      );
    } else if (f.type === 'text') {
      key(sql`lower(${customText(f.id)})`, 'text');
    } else if (f.type === 'date') {
      key(customText(f.id), 'text');
    } else {
      key(customValueExpr(f), 'numeric');
    }
  } else {
    switch (sort.column) {
      case 'name':
        break;
      case 'createdAt':
        key(sql`${contacts.createdAt}`, 'micros', false);
        break;
      case 'updatedAt':
        key(sql`${contacts.updatedAt}`, 'micros', false);
        break;
      case 'birthDate':
        key(sql`${contacts.birthDate}`, 'date');
        break;
      case 'orgNumber':
        key(sql`${contacts.orgNumber}`, 'text', false);
        break;
      case 'city':
        key(sql`nullif(lower(${contacts.address} ->> 'city'), '')`, 'text');
        break;
      case 'status':
        plan.joinStatus = true;
        key(sql`${contactStatuses.position}`, 'int');
        key(sql`lower(${contactStatuses.name})`, 'text');
        break;
      case 'responsible':
        plan.joinResponsible = true;
        key(sql`lower(${users.name})`, 'text');
        break;
    }
  }
  key(sql`${contacts.sortName}`, 'text', false);
  return plan;
}

/** A list's rows with what a person's answer shows beside them, and the row's sort keys. */
export interface ListPageRow {
  row: ContactListRow;
  /** The name of who created it, and of the company a person works at. */
  createdByName: string | null;
  companyName: string | null;
  keys: Array<string | null>;
}

interface PageShape {
  plan: OrderPlan;
  where: SQL;
  after?: readonly KeyValue[];
  backwards: boolean;
  limit: number | Placeholder;
}

/** The statement of a page: its rows, the names the answer shows, and each row's keys. */
function pageQuery(db: Db, shape: PageShape) {
  const { plan } = shape;
  // Walking backwards reads the same order reversed; the caller turns the rows round again.
  const desc = plan.desc !== shape.backwards;
  const dir = desc ? sql`desc` : sql`asc`;
  const nullsLast = !shape.backwards;
  const nulls = nullsLast ? sql`nulls last` : sql`nulls first`;
  const order = [
    ...plan.keys.map((k) => (k.nullable ? sql`${k.expr} ${dir} ${nulls}` : sql`${k.expr} ${dir}`)),
    sql`${contacts.id} ${dir}`,
  ];
  // Outer columns spelled out in full: drizzle leaves them unqualified in a one-table select.
  let q = db
    .select({
      row: listColumns,
      createdByName: sql<string | null>`(select u.name from users u
        where u.org_id = "contacts"."org_id" and u.id = "contacts"."created_by")`.as(
        'created_by_name',
      ),
      // By the primary key alone: with `deleted_at is null` in its WHERE, a partial index on
      // (org_id, …) matched as well, and on a table not yet analyzed (just after an import)
      // the planner took it and read the whole club's contacts for every row of the page.
      companyName: sql<string | null>`(select case when co.deleted_at is null
        then co.display_name end from contacts co
        where co.org_id = "contacts"."org_id" and co.id = "contacts"."company_id")`.as(
        'company_name',
      ),
      keys: sql<
        Array<string | null>
      >`array[${sql.join(plan.keys.map(keyText), sql`, `)}, ${contacts.id}::text]`.as('page_keys'),
    })
    .from(contacts)
    .$dynamic();
  if (plan.joinStatus) {
    q = q.leftJoin(
      contactStatuses,
      and(eq(contactStatuses.id, contacts.statusId), eq(contactStatuses.orgId, contacts.orgId)),
    );
  }
  if (plan.joinResponsible) {
    q = q.leftJoin(
      users,
      and(eq(users.id, contacts.responsibleId), eq(users.orgId, contacts.orgId)),
    );
  }
  const position = shape.after
    ? afterPosition(plan.keys, sql`${contacts.id}`, shape.after, {
        gt: desc ? '<' : '>',
        nullsLast,
      })
    : undefined;
  return q
    .where(and(shape.where, position))
    .orderBy(...order)
    .limit(shape.limit);
}

const readListRow = rowReader<ContactListRow>(listColumns);

/**
 * An unfiltered list in a built-in order whose keys cannot be null (name, created, changed,
 * org number): the shape most page views have, a named statement built once per shape
 * (`executeShaped`) whose rows are read without drizzle's per-field mapping. Null: another
 * shape, built and mapped by drizzle per request.
 */
function preparedPage(
  sort: SortSpec,
  plan: OrderPlan,
  backwards: boolean,
  cursor: boolean,
): ((db: Db, values: Record<string, unknown>) => Promise<ListPageRow[]>) | null {
  if ('field' in sort || plan.keys.some((k) => k.nullable) || plan.joinStatus) return null;
  if (plan.joinResponsible) return null;
  const name = `contacts_page_${sort.column}_${sort.desc ? 'd' : 'a'}${backwards ? 'b' : 'f'}${cursor ? 'c' : 'n'}`;
  const build = (db: Db) => {
    const where = and(
      eq(contacts.orgId, sql.placeholder('orgId')),
      eq(contacts.kind, sql.placeholder('kind')),
      isNull(contacts.deletedAt),
    )!;
    const after = cursor
      ? [...plan.keys.map((_, i) => sql.placeholder(`k${i}`)), sql.placeholder('id')]
      : undefined;
    return pageQuery(db, {
      plan,
      where,
      after,
      backwards,
      limit: sql.placeholder('limit'),
    }).getSQL();
  };
  return async (db, values) => {
    const raw = await executeShaped<Record<string, unknown>>(db, name, () => build(db), values);
    return raw.map((r) => ({
      row: readListRow(r),
      createdByName: (r.created_by_name as string | null) ?? null,
      companyName: (r.company_name as string | null) ?? null,
      keys: r.page_keys as Array<string | null>,
    }));
  };
}

/** True when nothing but the organization and kind narrows the list. */
function unfiltered(scope: ListScope): boolean {
  return and(...filterConditions(scope)) === undefined;
}

/**
 * Up to `limit + 1` rows of a list in the requested order, after (or, walking backwards,
 * before) the cursor's position. One statement: the walk reads as many rows as it shows from
 * the index of its sort, whatever the page, and brings the names the answer shows with it.
 */
export async function listRows(
  db: Db,
  scope: ListScope,
  sort: SortSpec,
  page: { limit: number; after?: Array<string | null>; backwards?: boolean },
): Promise<ListPageRow[]> {
  const plan = orderPlan(sort);
  const backwards = page.backwards ?? false;
  const prepared = unfiltered(scope)
    ? preparedPage(sort, plan, backwards, page.after !== undefined)
    : null;
  if (prepared) {
    const values: Record<string, unknown> = {
      orgId: scope.orgId,
      kind: scope.kind,
      limit: page.limit + 1,
    };
    page.after?.forEach((v, i) => {
      values[i === plan.keys.length ? 'id' : `k${i}`] = v;
    });
    return prepared(db, values);
  }
  return pageQuery(db, {
    plan,
    where: listWhere(scope),
    after: page.after,
    backwards,
    limit: page.limit + 1,
  });
}

/** Every matching row in the requested order, `batch` rows per statement (exports). */
export async function* allRows(
  db: Db,
  scope: ListScope,
  sort: SortSpec,
  batch: number,
): AsyncGenerator<ContactListRow[]> {
  let after: Array<string | null> | undefined;
  for (;;) {
    const rows = await listRows(db, scope, sort, { limit: batch, after });
    const page = rows.slice(0, batch);
    if (page.length > 0) yield page.map((r) => r.row);
    if (rows.length <= batch) return;
    after = page.at(-1)!.keys;
  }
}

/** How many rows match, counting no further than `cap + 1` (the caller says "cap+"). */
export async function countList(db: Db, scope: ListScope, cap: number): Promise<number> {
  const matching = db
    .select({ one: sql`1` })
    .from(contacts)
    .where(listWhere(scope))
    .limit(cap + 1)
    .as('matching');
  const [row] = await db.select({ n: count() }).from(matching);
  return row?.n ?? 0;
}
