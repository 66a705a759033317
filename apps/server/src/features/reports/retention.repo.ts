import type { RetentionReason } from '@spotter/contracts';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { memberRecords } from '../club-events/index.ts';
import { contacts } from '../contacts/index.ts';
import { tasks } from '../tasks/index.ts';

/** The club's days the list is computed for (YYYY-MM-DD) and their instants. */
export interface RetentionWindow {
  orgId: string;
  /** Start of the four weeks before the recent four. */
  beforeFrom: Date;
  /** Start of the recent four weeks (today is their last day). */
  recentFrom: Date;
  /** Start of tomorrow: the end of the recent window. */
  until: Date;
  today: string;
  /** The last day a contract may end on and count as ending soon. */
  endsBy: string;
}

export interface RetentionFilter {
  branchIds?: string[];
  reason?: RetentionReason;
  personIds?: string[];
}

export interface RetentionRowData {
  personId: string;
  name: string;
  sortName: string;
  phone: string | null;
  branchId: string | null;
  visitsRecent: number | null;
  visitsBefore: number | null;
  contractEndsOn: string | null;
  hasOpenTask: boolean;
}

/** A live contract, as the club system last described it. */
const LIVE_CONTRACT = sql`(${memberRecords.data}->>'state') in ('pending', 'active', 'frozen')`;

/**
 * The candidates in one statement, aggregated by PostgreSQL:
 * - visits dropped: at least 2 check-ins in the four weeks before the recent four, and at most
 *   half as many in the recent four (8 → 2, 3 → 1, 2 → 0);
 * - contract ending: a live contract of the person ends within the window and none runs longer
 *   or without an end (a renewal or an open-ended contract takes them off), and nobody has an
 *   open call or client task on them yet.
 */
function candidates(w: RetentionWindow): SQL {
  return sql`
    visits as (
      select ${memberRecords.contactId} as contact_id,
        count(*) filter (where ${memberRecords.occurredAt} >= ${w.recentFrom.toISOString()}::timestamptz)::int as recent,
        count(*) filter (where ${memberRecords.occurredAt} < ${w.recentFrom.toISOString()}::timestamptz)::int as before
      from ${memberRecords}
      where ${memberRecords.orgId} = ${w.orgId}::uuid and ${memberRecords.kind} = 'visit'
        and ${memberRecords.contactId} is not null
        and ${memberRecords.occurredAt} >= ${w.beforeFrom.toISOString()}::timestamptz
        and ${memberRecords.occurredAt} < ${w.until.toISOString()}::timestamptz
      group by ${memberRecords.contactId}
    ),
    dropped as (
      select contact_id, recent, before from visits where before >= 2 and recent * 2 <= before
    ),
    ending as (
      select ${memberRecords.contactId} as contact_id,
        max(${memberRecords.data}->>'endsOn') as ends_on
      from ${memberRecords}
      where ${memberRecords.orgId} = ${w.orgId}::uuid and ${memberRecords.kind} = 'contract'
        and (${memberRecords.data}->>'endsOn') between ${w.today} and ${w.endsBy}
        and ${memberRecords.contactId} is not null and ${LIVE_CONTRACT}
        and not exists (select 1 from ${memberRecords} o
          where o.org_id = ${memberRecords.orgId} and o.contact_id = ${memberRecords.contactId}
            and o.kind = 'contract' and (o.data->>'state') in ('pending', 'active', 'frozen')
            and ((o.data->>'endsOn') is null or (o.data->>'endsOn') > ${w.endsBy}))
      group by ${memberRecords.contactId}
    )`;
}

const openTask = (contactId: SQL) => sql`exists (select 1 from ${tasks} t
  where t.org_id = ${contacts.orgId} and t.contact_id = ${contactId}
    and t.completed_at is null and t.type in ('call', 'client'))`;

/** One page of the list in name order after `after`, or every row when no limit is given. */
export async function retentionRows(
  db: Db,
  w: RetentionWindow,
  f: RetentionFilter,
  page: { limit?: number; after?: { sortName: string; id: string } },
): Promise<RetentionRowData[]> {
  const has = openTask(sql`${contacts.id}`);
  const byReason =
    f.reason === 'visits_dropped'
      ? sql`p.before is not null`
      : f.reason === 'contract_ending'
        ? sql`(p.ends_on is not null and not ${has})`
        : sql`(p.before is not null or (p.ends_on is not null and not ${has}))`;
  const byBranch = f.branchIds?.length
    ? sql`and ${contacts.branchId} = any(${sql.param(f.branchIds)}::uuid[])`
    : sql``;
  const byIds = f.personIds?.length
    ? sql`and ${contacts.id} = any(${sql.param(f.personIds)}::uuid[])`
    : sql``;
  const keyset = page.after
    ? sql`and (${contacts.sortName}, ${contacts.id}) > (${page.after.sortName}, ${page.after.id}::uuid)`
    : sql``;
  const limit = page.limit ? sql`limit ${page.limit}` : sql``;
  // Both reasons become one row per person first, so contacts is joined once, by its key.
  const result = await db.execute(sql`
    with ${candidates(w)},
    people as (
      select contact_id, max(recent) as recent, max(before) as before, max(ends_on) as ends_on
      from (
        select contact_id, recent, before, null::text as ends_on from dropped
        union all
        select contact_id, null, null, ends_on from ending
      ) u
      group by contact_id
    )
    -- The page first; only its rows read their phone and open task for the answer.
    select page.*, ${contacts.phoneKeys}[1] as phone, ${has} as has_open,
      case when not ${has} then page.ends_on_any end as ends_on
    from (
      select ${contacts.id} as id, ${contacts.displayName} as name,
        ${contacts.sortName} as sort_name, ${contacts.branchId} as branch_id,
        p.recent, p.before, p.ends_on as ends_on_any
      from people p
      join ${contacts} on ${contacts.orgId} = ${w.orgId}::uuid and ${contacts.id} = p.contact_id
      where ${contacts.deletedAt} is null and ${contacts.kind} = 'person' and ${byReason}
        ${byBranch} ${byIds} ${keyset}
      order by ${contacts.sortName}, ${contacts.id}
      ${limit}
    ) page
    join ${contacts} on ${contacts.orgId} = ${w.orgId}::uuid and ${contacts.id} = page.id
    order by page.sort_name, page.id
  `);
  const rows = (result as unknown as { rows: Array<Record<string, unknown>> }).rows;
  return rows.map((r) => ({
    personId: String(r.id),
    name: String(r.name),
    sortName: String(r.sort_name),
    phone: r.phone === null || r.phone === undefined ? null : String(r.phone),
    branchId: r.branch_id === null ? null : String(r.branch_id),
    visitsRecent: r.recent === null ? null : Number(r.recent),
    visitsBefore: r.before === null ? null : Number(r.before),
    contractEndsOn: r.ends_on === null || r.ends_on === undefined ? null : String(r.ends_on),
    hasOpenTask: Boolean(r.has_open),
  }));
}

/** Of these persons, the ones with an open call or client task. */
export async function withOpenTask(db: Db, orgId: string, personIds: string[]): Promise<string[]> {
  if (personIds.length === 0) return [];
  const result = await db.execute(sql`
    select distinct ${tasks.contactId} as id from ${tasks}
    where ${tasks.orgId} = ${orgId}::uuid and ${tasks.contactId} = any(${sql.param(personIds)}::uuid[])
      and ${tasks.completedAt} is null and ${tasks.type} in ('call', 'client')`);
  return (result as unknown as { rows: Array<{ id: string }> }).rows.map((r) => String(r.id));
}
