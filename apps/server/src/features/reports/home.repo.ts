import { sql, type SQL } from 'drizzle-orm';
import { HOME_LIST_SIZE } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import type { BoardBounds } from '../../lib/club-time.ts';
import { memberRecords } from '../club-events/index.ts';
import { contacts } from '../contacts/index.ts';
import { dealStages, deals } from '../deals/index.ts';
import { leadFormSubmissions } from '../lead-forms/index.ts';
import { taskResults, taskTemplates } from '../task-settings/index.ts';
import { tasks } from '../tasks/index.ts';

/**
 * The home page's numbers (S-6). Each is counted the way the list it links to counts it: the
 * tasks list's visibility and states, the persons list's days in the club's zone, the deals
 * list's visibility and months. A handful of aggregate statements, each answered by an index.
 */

type Rows<T> = { rows: T[] } | T[];
const rowsOf = <T>(r: Rows<T>): T[] => (Array.isArray(r) ? r : r.rows);
const int = (v: unknown) => Number(v ?? 0);
/** An instant as epoch milliseconds: both drivers hand raw timestamps back in their own ways. */
const epochMs = (at: SQL) => sql`(extract(epoch from ${at}) * 1000)::float8`;

export async function myTaskCounts(db: Db, visible: SQL, userId: string, b: BoardBounds) {
  const res = await db.execute(sql`select
      count(*) filter (where ${tasks.dueAt} < ${b.now}) as overdue,
      count(*) filter (where ${tasks.dueAt} >= ${b.now}) as today
    from ${tasks}
    where ${visible} and ${tasks.assigneeId} = ${userId}::uuid and ${tasks.completedAt} is null
      and ${tasks.dueAt} < ${b.startTomorrow}`);
  const [row] = rowsOf(res as Rows<{ overdue: unknown; today: unknown }>);
  return { overdue: int(row?.overdue), today: int(row?.today) };
}

/** My next open tasks: overdue and today's first by due time, then the ones with no time. */
export async function myNextTasks(db: Db, visible: SQL, userId: string) {
  return db
    .select({
      id: tasks.id,
      type: tasks.type,
      templateName: taskTemplates.name,
      contactId: contacts.id,
      contactName: contacts.displayName,
      comment: tasks.comment,
      dueAt: tasks.dueAt,
    })
    .from(tasks)
    .innerJoin(
      taskTemplates,
      sql`${taskTemplates.orgId} = ${tasks.orgId} and ${taskTemplates.id} = ${tasks.templateId}`,
    )
    .leftJoin(
      contacts,
      sql`${contacts.orgId} = ${tasks.orgId} and ${contacts.id} = ${tasks.contactId}`,
    )
    .where(
      sql`${visible} and ${tasks.assigneeId} = ${userId}::uuid and ${tasks.completedAt} is null`,
    )
    .orderBy(sql`${tasks.dueAt} asc nulls last`, tasks.id)
    .limit(HOME_LIST_SIZE);
}

const waitingFrom = (orgId: string) => sql`from ${leadFormSubmissions}
    join ${contacts} on ${contacts.orgId} = ${leadFormSubmissions.orgId}
      and ${contacts.id} = ${leadFormSubmissions.contactId}
    where ${leadFormSubmissions.orgId} = ${orgId}::uuid
      and ${leadFormSubmissions.firstContactAt} is null
      and ${contacts.kind} = 'person' and ${contacts.deletedAt} is null`;

/** Persons waiting for a first contact (as the persons list's `waiting=true`), oldest first. */
export async function waitingLeads(db: Db, orgId: string) {
  const [counted, listed] = await Promise.all([
    db.execute(
      sql`select count(distinct ${leadFormSubmissions.contactId}) as n ${waitingFrom(orgId)}`,
    ),
    db.execute(sql`select ${contacts.id} as id, ${contacts.displayName} as name,
        ${epochMs(sql`min(${leadFormSubmissions.submittedAt})`)} as since
      ${waitingFrom(orgId)}
      group by ${contacts.id}, ${contacts.displayName}
      order by 3 asc, ${contacts.id} limit ${HOME_LIST_SIZE}`),
  ]);
  const [n] = rowsOf(counted as Rows<{ n: unknown }>);
  const items = rowsOf(listed as Rows<{ id: string; name: string; since: unknown }>);
  return {
    count: int(n?.n),
    items: items.map((r) => ({ id: r.id, name: r.name, waitingSince: new Date(Number(r.since)) })),
  };
}

export async function teamTaskCounts(db: Db, visible: SQL, b: BoardBounds) {
  const [overdue, done] = await Promise.all([
    db.execute(sql`select count(*) as n from ${tasks}
      where ${visible} and ${tasks.completedAt} is null and ${tasks.dueAt} < ${b.now}`),
    db.execute(sql`select ${tasks.resultId} as id, ${taskResults.name} as name,
        ${taskResults.color} as color, count(*) as n
      from ${tasks}
      left join ${taskResults} on ${taskResults.orgId} = ${tasks.orgId}
        and ${taskResults.id} = ${tasks.resultId}
      where ${visible} and ${tasks.completedAt} >= ${b.startToday}
        and ${tasks.completedAt} is not null
      group by ${tasks.resultId}, ${taskResults.name}, ${taskResults.color}
      order by n desc, name asc nulls last`),
  ]);
  const [o] = rowsOf(overdue as Rows<{ n: unknown }>);
  const results = rowsOf(
    done as Rows<{ id: string | null; name: string | null; color: string | null; n: unknown }>,
  ).map((r) => ({ id: r.id, name: r.name ?? '', color: r.color ?? '', count: int(r.n) }));
  return { overdue: int(o?.n), results };
}

/** Persons created today, as `/persons?createdFrom=today&createdTo=today` counts them. */
export async function newPersons(db: Db, orgId: string, b: BoardBounds) {
  const res = await db.execute(sql`select count(*) as n from ${contacts}
    where ${contacts.orgId} = ${orgId}::uuid and ${contacts.kind} = 'person'
      and ${contacts.deletedAt} is null
      and ${contacts.createdAt} >= ${b.startToday} and ${contacts.createdAt} < ${b.startTomorrow}`);
  const [row] = rowsOf(res as Rows<{ n: unknown }>);
  return int(row?.n);
}

/** Trial classes booked through a club system that start today (not cancelled). */
export async function trialsToday(db: Db, orgId: string, b: BoardBounds) {
  const res = await db.execute(sql`select ${memberRecords.contactId} as "contactId",
      ${contacts.displayName} as name, ${memberRecords.data}->>'className' as "className",
      ${epochMs(sql`(${memberRecords.data}->>'startsAt')::timestamptz`)} as "startsAt"
    from ${memberRecords}
    left join ${contacts} on ${contacts.orgId} = ${memberRecords.orgId}
      and ${contacts.id} = ${memberRecords.contactId} and ${contacts.deletedAt} is null
    where ${memberRecords.orgId} = ${orgId}::uuid and ${memberRecords.kind} = 'booking'
      and ${memberRecords.data}->>'trial' = 'true'
      and ${memberRecords.data}->>'state' = 'booked'
      and (${memberRecords.data}->>'startsAt')::timestamptz >= ${b.startToday}
      and (${memberRecords.data}->>'startsAt')::timestamptz < ${b.startTomorrow}
    order by "startsAt", ${memberRecords.id}`);
  return rowsOf(
    res as Rows<{
      contactId: string | null;
      name: string | null;
      className: string | null;
      startsAt: unknown;
    }>,
  ).map((r) => ({
    contact: r.contactId && r.name ? { id: r.contactId, name: r.name } : null,
    className: r.className ?? '',
    startsAt: new Date(Number(r.startsAt)),
  }));
}

export interface MonthDays {
  firstDay: string;
  lastDay: string;
}

/**
 * Open deals by currency: their amount, weighted amount, and the weighted amount of those
 * expected to close this month and next (as `/deals?closeMonth=…` lists them); and what was
 * won this month (closed in it, as `/deals?state=won&closeMonth=…`). Weighted sums add whole
 * amount × percent products and divide once, so they are exact before the one rounding.
 */
export async function pipelineSums(
  db: Db,
  orgId: string,
  visible: SQL | undefined,
  months: { thisMonth: MonthDays & { from: Date; to: Date }; nextMonth: MonthDays },
) {
  const v = visible ?? sql`true`;
  const product = sql`${deals.amount} * ${deals.probability}`;
  const inMonth = (m: MonthDays) =>
    sql`${deals.expectedCloseDate} between ${m.firstDay}::date and ${m.lastDay}::date`;
  const weighted = (filter?: SQL) =>
    sql`coalesce(round(sum(${product})${filter ? sql` filter (where ${filter})` : sql``} / 100), 0)`;
  const { thisMonth: tm, nextMonth: nm } = months;
  const [open, won] = await Promise.all([
    db.execute(sql`select ${deals.currency} as currency, sum(${deals.amount}) as open,
        count(*) as "openCount", ${weighted()} as weighted,
        ${weighted(inMonth(tm))} as "thisMonth", ${weighted(inMonth(nm))} as "nextMonth"
      from ${deals}
      where ${deals.orgId} = ${orgId}::uuid and ${v} and ${deals.closedAt} is null
      group by ${deals.currency}`),
    db.execute(sql`select ${deals.currency} as currency, sum(${deals.amount}) as won
      from ${deals}
      join ${dealStages} on ${dealStages.orgId} = ${deals.orgId} and ${dealStages.id} = ${deals.stageId}
      where ${deals.orgId} = ${orgId}::uuid and ${v} and ${deals.closedAt} >= ${tm.from}
        and ${deals.closedAt} < ${tm.to} and ${dealStages.state} = 'won'
      group by ${deals.currency}`),
  ]);
  type Row = Record<'open' | 'openCount' | 'weighted' | 'thisMonth' | 'nextMonth', unknown> & {
    currency: string;
  };
  const wonBy = new Map(
    rowsOf(won as Rows<{ currency: string; won: unknown }>).map((r) => [r.currency, int(r.won)]),
  );
  const sums = rowsOf(open as Rows<Row>).map((r) => ({
    currency: r.currency,
    open: int(r.open),
    openCount: int(r.openCount),
    weighted: int(r.weighted),
    thisMonth: int(r.thisMonth),
    nextMonth: int(r.nextMonth),
    wonThisMonth: wonBy.get(r.currency) ?? 0,
  }));
  // A currency with deals won this month but none open still shows what it won.
  for (const [currency, amount] of wonBy) {
    if (sums.some((s) => s.currency === currency)) continue;
    sums.push({
      currency,
      open: 0,
      openCount: 0,
      weighted: 0,
      thisMonth: 0,
      nextMonth: 0,
      wonThisMonth: amount,
    });
  }
  return sums;
}
