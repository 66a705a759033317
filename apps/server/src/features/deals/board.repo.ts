import { sql, type SQL } from 'drizzle-orm';
import type { StageState } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { executeNamed } from '../../lib/named-statement.ts';
import { closedIn, dealWhere, openIn, type DealFilter, type Month } from './deal-filters.ts';
import { deals } from './deals.table.ts';

/** A column of the board: one stage, open (its open deals) or closed (deals closed in `month`). */
export interface BoardStage {
  id: string;
  state: StageState;
}

/** Where the previous page of a column ended: its sort time to the microsecond, and the id. */
export interface PageAfter {
  key: string;
  id: string;
}

export interface ColumnSums {
  count: number;
  sum: number;
  weightedSum: number;
}

export interface CardRow {
  stageId: string;
  key: string;
  id: string;
  title: string;
  personId: string | null;
  companyId: string | null;
  personName: string | null;
  companyName: string | null;
  amount: number;
  currency: string;
  expectedCloseDate: string | null;
  ownerId: string | null;
  ownerName: string | null;
  groupId: string | null;
  typeId: string | null;
  probability: number;
  closedAt: string | null;
  version: number;
  updatedAt: string;
}

const micros = (column: SQL | { getSQL(): SQL }) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const millis = (column: SQL | { getSQL(): SQL }) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A column's condition: its stage, and open or closed in the month. */
function columnWhere(stage: BoardStage, month: Month, openMonth: Month | undefined): SQL {
  const which = stage.state === 'open' ? openIn(openMonth) : closedIn(month);
  return sql`${deals.stageId} = ${stage.id}::uuid and ${which}`;
}

/** One column's page: open stages by last change, closed ones by close time, newest first. */
function pageSelect(
  stage: BoardStage,
  where: SQL,
  limit: number,
  after: PageAfter | undefined,
): SQL {
  const keyColumn = stage.state === 'open' ? deals.updatedAt : deals.closedAt;
  const keyset = after
    ? sql`and (${keyColumn}, ${deals.id}) < (${after.key}::timestamptz, ${after.id}::uuid)`
    : sql``;
  return sql`(select ${micros(keyColumn)} as key, ${deals.id} as id, ${deals.stageId} as stage_id,
      ${deals.title} as title, ${deals.personId} as person_id, ${deals.companyId} as company_id,
      ${deals.amount} as amount, ${deals.currency} as currency,
      ${deals.expectedCloseDate}::text as expected_close_date, ${deals.ownerId} as owner_id,
      ${deals.groupId} as group_id, ${deals.typeId} as type_id, ${deals.probability} as probability,
      ${deals.closedAt} as closed_at, ${deals.version} as version, ${deals.updatedAt} as updated_at
    from ${deals} where ${where} ${keyset}
    order by ${keyColumn} desc, ${deals.id} desc limit ${limit})`;
}

/**
 * The sums of every column and a page of each in ONE named statement: the sums are one pass
 * over the pipeline's open deals (and its deals closed in the month) grouped by stage; each
 * page reads its own stretch of the board index and stops at its limit; only those rows are
 * joined to the person, company and owner names.
 */
export async function loadDealBoard(
  db: Db,
  f: DealFilter,
  stages: readonly BoardStage[],
  /** Won and lost columns show the deals closed in this month. */
  month: Month,
  page: { limit: number; after?: PageAfter; columnsOnly?: readonly string[] },
): Promise<{ sums: Map<string, ColumnSums>; cards: CardRow[] }> {
  const base = dealWhere(f);
  const paged = stages.filter((s) => !page.columnsOnly || page.columnsOnly.includes(s.id));
  const union = sql.join(
    paged.map((s) =>
      pageSelect(s, sql`${base} and ${columnWhere(s, month, f.month)}`, page.limit, page.after),
    ),
    sql` union all `,
  );
  const hasClosed = stages.some((s) => s.state !== 'open');
  const closedSums = hasClosed
    ? sql`union all select ${deals.stageId} as stage_id, count(*)::int as n,
        coalesce(sum(${deals.amount}), 0)::text as total,
        coalesce(round(sum(${deals.amount} * ${deals.probability}) / 100.0), 0)::text as weighted
      from ${deals} where ${base} and ${closedIn(month)} group by ${deals.stageId}`
    : sql``;
  // amount × probability stays a bigint (at most 10^13 a deal) and sum() adds bigints exactly:
  // no numeric arithmetic per row, one division at the end.
  const rows = await executeNamed<Record<string, unknown>>(
    db,
    sql`
    with sums as (
      select ${deals.stageId} as stage_id, count(*)::int as n,
        coalesce(sum(${deals.amount}), 0)::text as total,
        coalesce(round(sum(${deals.amount} * ${deals.probability}) / 100.0), 0)::text as weighted
      from ${deals} where ${base} and ${openIn(f.month)} group by ${deals.stageId}
      ${closedSums}
    ),
    all_sums as (select coalesce(json_agg(sums), '[]'::json) as sums from sums),
    page as (${union})
    select all_sums.sums, page.key, page.id, page.stage_id as "stageId", page.title,
      page.person_id as "personId", page.company_id as "companyId",
      page.amount::text as amount, page.currency, page.expected_close_date as "expectedCloseDate",
      page.owner_id as "ownerId", page.group_id as "groupId", page.type_id as "typeId",
      page.probability, ${millis(sql`page.closed_at`)} as "closedAt", page.version,
      ${millis(sql`page.updated_at`)} as "updatedAt",
      p.display_name as "personName", c.display_name as "companyName", u.name as "ownerName"
    from all_sums
    left join page on true
    left join contacts p on p.org_id = ${f.orgId}::uuid and p.id = page.person_id
    left join contacts c on c.org_id = ${f.orgId}::uuid and c.id = page.company_id
    left join users u on u.org_id = ${f.orgId}::uuid and u.id = page.owner_id
  `,
  );
  const sums = new Map<string, ColumnSums>();
  const rawSums = (rows[0]?.sums ?? []) as Array<{
    stage_id: string;
    n: number;
    total: string;
    weighted: string;
  }>;
  const parsed = typeof rawSums === 'string' ? (JSON.parse(rawSums) as typeof rawSums) : rawSums;
  for (const s of parsed) {
    const prev = sums.get(s.stage_id) ?? { count: 0, sum: 0, weightedSum: 0 };
    sums.set(s.stage_id, {
      count: prev.count + Number(s.n),
      sum: prev.sum + Number(s.total),
      weightedSum: prev.weightedSum + Number(s.weighted),
    });
  }
  return { sums, cards: rows.flatMap((r) => (r.id ? [toCardRow(r)] : [])) };
}

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

function toCardRow(r: Record<string, unknown>): CardRow {
  return {
    stageId: String(r.stageId),
    key: String(r.key),
    id: String(r.id),
    title: String(r.title),
    personId: str(r.personId),
    companyId: str(r.companyId),
    personName: str(r.personName),
    companyName: str(r.companyName),
    amount: Number(r.amount),
    currency: String(r.currency),
    expectedCloseDate: str(r.expectedCloseDate),
    ownerId: str(r.ownerId),
    ownerName: str(r.ownerName),
    groupId: str(r.groupId),
    typeId: str(r.typeId),
    probability: Number(r.probability),
    closedAt: str(r.closedAt),
    version: Number(r.version),
    updatedAt: String(r.updatedAt),
  };
}
