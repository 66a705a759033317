import type { ForecastGrouping } from '@spotter/contracts';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { dealStages, deals, dealWhere, type DealFilter } from '../deals/index.ts';
import { groups } from '../groups/index.ts';
import { users } from '../users/index.ts';

/** The months shown: their days (for expected close dates) and instants (for won deals). */
export interface MonthRange {
  firstDay: string;
  lastDay: string;
  from: Date;
  to: Date;
  timezone: string;
}

export interface ForecastSums {
  key: string | null;
  label: string | null;
  openCount: number;
  openAmount: number;
  openWeighted: number;
  forecast: number;
  wonCount: number;
  wonAmount: number;
}

/**
 * The probability a deal counts with in the forecast: an open deal's own; a closed deal's the
 * one it had when it left its open stages (what the pipeline said just before it closed).
 */
const forecastProbability = sql`case when ${deals.closedAt} is null then ${deals.probability}
  else coalesce(${deals.closeProbability}, ${deals.probability}) end`;

/** A row's bucket: the month's first day (grouping a date is cheaper than text), or an id. */
function bucketOf(by: ForecastGrouping, monthExpr: SQL): SQL {
  if (by === 'owner') return sql`${deals.ownerId}`;
  if (by === 'group') return sql`${deals.groupId}`;
  return sql`date_trunc('month', ${monthExpr})::date`;
}

/**
 * S-3 in ONE statement: deals expected to close in the range (open weighted, forecast) and
 * deals won in it (by the club's calendar), cut by month, owner or group and summed by
 * PostgreSQL. Both halves read their own index (expected close date; close time).
 */
export async function forecastSums(
  db: Db,
  f: DealFilter,
  range: MonthRange,
  by: ForecastGrouping,
): Promise<ForecastSums[]> {
  const where = dealWhere(f);
  const tz = range.timezone;
  const expected = bucketOf(by, sql`${deals.expectedCloseDate}`);
  const won = bucketOf(by, sql`${deals.closedAt} at time zone ${tz}`);
  const key = by === 'month' ? sql`to_char(sums.bucket, 'YYYY-MM')` : sql`sums.bucket::text`;
  // Each half sums by bucket on its own (a handful of rows each), so only those are merged.
  const result = await db.execute(sql`
    with x as (
      select ${expected} as bucket,
        count(*) filter (where ${deals.closedAt} is null)::int as open_count,
        coalesce(sum(${deals.amount}) filter (where ${deals.closedAt} is null), 0) as open_amount,
        coalesce(sum(${deals.amount} * ${deals.probability})
          filter (where ${deals.closedAt} is null), 0) as open_weighted,
        sum(${deals.amount} * (${forecastProbability})) as forecast,
        0 as won_count, 0::numeric as won_amount
      from ${deals}
      where ${where}
        and ${deals.expectedCloseDate} between ${range.firstDay}::date and ${range.lastDay}::date
      group by 1
      union all
      select ${won}, 0, 0, 0, 0, count(*)::int, sum(${deals.amount})
      from ${deals}
      where ${where}
        and ${deals.closedAt} >= ${range.from.toISOString()}::timestamptz
        and ${deals.closedAt} < ${range.to.toISOString()}::timestamptz
        and exists (select 1 from ${dealStages} s
          where s.org_id = ${deals.orgId} and s.id = ${deals.stageId} and s.state = 'won')
      group by 1
    ), sums as (
      select bucket, sum(open_count)::int as open_count,
        sum(open_amount)::text as open_amount,
        round(sum(open_weighted) / 100.0)::text as open_weighted,
        round(sum(forecast) / 100.0)::text as forecast,
        sum(won_count)::int as won_count, sum(won_amount)::text as won_amount
      from x group by bucket
    )
    select ${key} as key, sums.*, ${labelOf(by, f.orgId)} as label from sums
  `);
  const rows = (result as unknown as { rows: Array<Record<string, unknown>> }).rows;
  return rows.map((r) => ({
    key: r.key === null ? null : String(r.key),
    label: r.label === null || r.label === undefined ? null : String(r.label),
    openCount: Number(r.open_count),
    openAmount: Number(r.open_amount),
    openWeighted: Number(r.open_weighted),
    forecast: Number(r.forecast),
    wonCount: Number(r.won_count),
    wonAmount: Number(r.won_amount),
  }));
}

function labelOf(by: ForecastGrouping, orgId: string): SQL {
  if (by === 'owner') {
    return sql`(select u.name from ${users} u
      where u.org_id = ${orgId}::uuid and u.id = sums.bucket)`;
  }
  if (by === 'group') {
    return sql`(select g.name from ${groups} g
      where g.org_id = ${orgId}::uuid and g.id = sums.bucket)`;
  }
  return sql`to_char(sums.bucket, 'YYYY-MM')`;
}
