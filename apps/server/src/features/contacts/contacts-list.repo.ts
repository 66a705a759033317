import { and, count, eq, inArray, isNull, or, sql, type Column, type SQL } from 'drizzle-orm';
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

export type ContactListRow = typeof contacts.$inferSelect;

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
  const f = scope.filter;
  const tz = scope.timezone ?? 'UTC';
  const conditions: Array<SQL | undefined> = [
    eq(contacts.orgId, scope.orgId),
    eq(contacts.kind, scope.kind),
    isNull(contacts.deletedAt),
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
    // Dates are days in the club's timezone: [from 00:00, to+1 00:00) there.
    f.createdFrom
      ? sql`${contacts.createdAt} >= (${f.createdFrom}::date::timestamp at time zone ${tz})`
      : undefined,
    f.createdTo
      ? sql`${contacts.createdAt} < ((${f.createdTo}::date + 1)::timestamp at time zone ${tz})`
      : undefined,
    ...scope.customFilters.map(customFilterSql),
  ];
  return and(...conditions)!;
}

interface OrderPlan {
  order: SQL[];
  joinStatus: boolean;
  joinResponsible: boolean;
}

function orderPlan(sort: SortSpec): OrderPlan {
  const dir = sort.desc ? sql`desc` : sql`asc`;
  const plan: OrderPlan = { order: [], joinStatus: false, joinResponsible: false };
  // Nullable keys go last in both directions; the id keeps equal keys in one stable order.
  const nullable = (expr: SQL) => plan.order.push(sql`${expr} ${dir} nulls last`);
  const plain = (expr: SQL | typeof contacts.sortName) => plan.order.push(sql`${expr} ${dir}`);
  if ('field' in sort) {
    const f = sort.field;
    if (f.type === 'dropdown') {
      // Dropdown values sort in the order their options are listed in the settings.
      const ids = f.options.map((o) => o.id);
      nullable(
        sql`array_position(${sql`array[${sql.join(
          ids.length ? ids.map((i) => sql`${i}`) : [sql`null`],
          sql`, `,
        )}]::text[]`}, ${customText(f.id)})`,
      );
    } else if (f.type === 'text') {
      nullable(sql`lower(${customText(f.id)})`);
    } else {
      nullable(customValueExpr(f));
    }
  } else {
    switch (sort.column) {
      case 'name':
        plain(sql`${contacts.sortName}`);
        break;
      case 'createdAt':
        plain(sql`${contacts.createdAt}`);
        break;
      case 'updatedAt':
        plain(sql`${contacts.updatedAt}`);
        break;
      case 'birthDate':
        nullable(sql`${contacts.birthDate}`);
        break;
      case 'orgNumber':
        plain(sql`${contacts.orgNumber}`);
        break;
      case 'city':
        nullable(sql`nullif(lower(${contacts.address} ->> 'city'), '')`);
        break;
      case 'status':
        plan.joinStatus = true;
        nullable(sql`${contactStatuses.position}`);
        nullable(sql`lower(${contactStatuses.name})`);
        break;
      case 'responsible':
        plan.joinResponsible = true;
        nullable(sql`lower(${users.name})`);
        break;
    }
    if (sort.column !== 'name') plain(sql`${contacts.sortName}`);
  }
  plain(sql`${contacts.id}`);
  return plan;
}

/** One page of a list in the requested order; equal keys are ordered by id, so pages never overlap. */
export async function listPage(
  db: Db,
  scope: ListScope,
  sort: SortSpec,
  page: { limit: number; offset: number },
): Promise<ContactListRow[]> {
  const plan = orderPlan(sort);
  // Deferred join: page through ids only (the indexes answer that without reading rows),
  // then read the 50 rows of the page. A deep offset no longer drags every skipped row along.
  let q = db.select({ id: contacts.id }).from(contacts).$dynamic();
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
  const ids = (
    await q
      .where(listWhere(scope))
      .orderBy(...plan.order)
      .limit(page.limit)
      .offset(page.offset)
  ).map((r) => r.id);
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.orgId, scope.orgId), inArray(contacts.id, ids)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function countList(db: Db, scope: ListScope): Promise<number> {
  const [row] = await db.select({ n: count() }).from(contacts).where(listWhere(scope));
  return row?.n ?? 0;
}
