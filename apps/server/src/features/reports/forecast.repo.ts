import type { ForecastGrouping } from '@spotter/contracts';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { dealHistory, dealStages, deals, dealWhere, type DealFilter } from '../deals/index.ts';
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
 * The probability a deal counts with in the forecast: an open deal's own; a closed deal's
 * override if it had one, else the probability of the stage it left when it last closed (its
 * history's won or lost entry): what the pipeline said just before. A deal created straight
 * into a closed stage has no such stage and keeps its own.
 */
const forecastProbability = sql`case when ${deals.closedAt} is null then ${deals.probability}
  else coalesce(${deals.probabilityOverride}, (
    select fs.probability from ${dealHistory} h
    join ${dealStages} fs on fs.org_id = h.org_id and fs.id = (h.data->>'fromStageId')::uuid
    where h.org_id = ${deals.orgId} and h.deal_id = ${deals.id} and h.event in ('won', 'lost')
    order by h.created_at desc, h.id desc limit 1
  ), ${deals.probability}) end`;

function bucketOf(by: ForecastGrouping, monthExpr: SQL): SQL {
  if (by === 'owner') return sql`${deals.ownerId}::text`;
  if (by === 'group') return sql`${deals.groupId}::text`;
  return monthExpr;
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
  const expected = bucketOf(by, sql`to_char(${deals.expectedCloseDate}, 'YYYY-MM')`);
  const won = bucketOf(by, sql`to_char(${deals.closedAt} at time zone ${tz}, 'YYYY-MM')`);
  const result = await db.execute(sql`
    with x as (
      select ${expected} as bucket,
        (${deals.closedAt} is null)::int as open_count,
        case when ${deals.closedAt} is null then ${deals.amount} else 0 end as open_amount,
        case when ${deals.closedAt} is null then ${deals.amount} * ${deals.probability} else 0 end
          as open_weighted,
        ${deals.amount} * (${forecastProbability}) as forecast,
        0 as won_count, 0::bigint as won_amount
      from ${deals}
      where ${where}
        and ${deals.expectedCloseDate} between ${range.firstDay}::date and ${range.lastDay}::date
      union all
      select ${won}, 0, 0, 0, 0, 1, ${deals.amount}
      from ${deals}
      where ${where}
        and ${deals.closedAt} >= ${range.from.toISOString()}::timestamptz
        and ${deals.closedAt} < ${range.to.toISOString()}::timestamptz
        and exists (select 1 from ${dealStages} s
          where s.org_id = ${deals.orgId} and s.id = ${deals.stageId} and s.state = 'won')
    ), sums as (
      select bucket, sum(open_count)::int as open_count,
        sum(open_amount)::text as open_amount,
        round(sum(open_weighted) / 100.0)::text as open_weighted,
        round(sum(forecast) / 100.0)::text as forecast,
        sum(won_count)::int as won_count, sum(won_amount)::text as won_amount
      from x group by bucket
    )
    select sums.*, ${labelOf(by, f.orgId)} as label from sums
  `);
  const rows = (result as unknown as { rows: Array<Record<string, unknown>> }).rows;
  return rows.map((r) => ({
    key: r.bucket === null ? null : String(r.bucket),
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
      where u.org_id = ${orgId}::uuid and u.id::text = sums.bucket)`;
  }
  if (by === 'group') {
    return sql`(select g.name from ${groups} g
      where g.org_id = ${orgId}::uuid and g.id::text = sums.bucket)`;
  }
  return sql`sums.bucket`;
}
