import { and, isNotNull, isNull, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { BOARD_COLUMNS, type BoardColumn } from '@spotter/contracts';
import { tasks } from '../tasks/index.ts';

/**
 * The SQL pieces of the board: which open tasks it covers, each column's condition, and each
 * column's keyset page. board.repo.ts puts them into one statement.
 */

/**
 * The statement is built once per shape and cached (`executeShaped`), so what changes between
 * requests is a drizzle placeholder here (`sql.placeholder(name)`), never a value; `boardShape`
 * in task-board.repo.ts gives the placeholders their values.
 */
type Placeholder = ReturnType<typeof sql.placeholder>;

/** A date column's [from, to) due range (ISO timestamps); a null bound is open. */
export interface DueRange {
  from: Placeholder | null;
  to: Placeholder | null;
}

/** Everything that decides which open tasks the board shows, already resolved by the service. */
export interface BoardScope {
  orgId: Placeholder;
  /** taskVisibilityShape(db, actor): organization, branch limit, private tasks. */
  visibility: SQL;
  /** uuid[] placeholders, present when the filter is. */
  branchIds?: Placeholder;
  statusIds?: Placeholder;
  assigneeId?: Placeholder;
  templateIds?: Placeholder;
  /** From `taskSearchCondition`: the contact's name or phone, or the comment (with its values). */
  search?: SQL;
  ranges: Record<Exclude<BoardColumn, 'unsorted'>, DueRange>;
}

/** Where the previous page ended: the sort key (exact, as text) and the id. Null key: no due. */
export interface PageAfter {
  key: string | null;
  id: string;
}

/** A page's `after` in the statement: placeholders `afterKey` and `afterId`. */
export interface PageAfterShape {
  /** False: the cursor is in Later's cards with no due time (its key is null). */
  keyed: boolean;
  key: Placeholder;
  id: Placeholder;
}

export interface PageRequest {
  column: BoardColumn;
  limit: number;
  after?: PageAfterShape;
}

const columnName = (column: BoardColumn) => {
  if (!(BOARD_COLUMNS as readonly string[]).includes(column))
    throw new Error(`No column ${column}`);
  return column;
};

const pageLimit = (limit: number) => {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new Error(`No page size ${limit}`);
  return limit;
};

/** Timestamps to the microsecond: a JS Date would drop them and a keyset page would skip rows. */
const keyText = (column: AnyColumn) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const ts = (d: Placeholder) => sql`${d}::timestamptz`;
const anyOf = (column: AnyColumn, ids: Placeholder) => sql`${column} = any(${ids}::uuid[])`;

/** The WHERE shared by the counts and every column: open, visible, not a round, filtered. */
export function boardWhere(s: BoardScope): SQL {
  return and(
    sql`${tasks.orgId} = ${s.orgId}`,
    s.visibility,
    isNull(tasks.completedAt),
    sql`${tasks.type} <> 'round'`,
    s.branchIds ? anyOf(tasks.branchId, s.branchIds) : undefined,
    s.statusIds ? anyOf(tasks.statusId, s.statusIds) : undefined,
    s.assigneeId ? sql`${tasks.assigneeId} = ${s.assigneeId}` : undefined,
    s.templateIds ? anyOf(tasks.templateId, s.templateIds) : undefined,
    s.search,
  )!;
}

function inRange(r: DueRange): SQL {
  return and(
    isNotNull(tasks.statusId),
    r.from ? sql`${tasks.dueAt} >= ${ts(r.from)}` : undefined,
    r.to ? sql`${tasks.dueAt} < ${ts(r.to)}` : undefined,
  )!;
}

/** The condition of each column, for `count(*) filter (where …)`. */
export function columnCondition(column: BoardColumn, s: BoardScope): SQL {
  if (column === 'unsorted') return isNull(tasks.statusId);
  const range = inRange(s.ranges[column]);
  // A task with a status and no due time waits in Later.
  if (column === 'later')
    return sql`(${range} or (${isNotNull(tasks.statusId)} and ${isNull(tasks.dueAt)}))`;
  return range;
}

/**
 * What a page row carries of its task: the page's index scan has the row in hand already, so
 * the cards need no second lookup of the tasks table.
 */
const cardColumns = sql`${tasks.id} as id, ${tasks.type} as type, ${tasks.comment} as comment,
  ${tasks.dueAt} as due_at, ${tasks.createdAt} as created_at, ${tasks.version} as version,
  ${tasks.templateId} as template_id, ${tasks.contactId} as contact_id,
  ${tasks.assigneeId} as assignee_id, ${tasks.takenById} as taken_by_id,
  ${tasks.statusId} as status_id`;

/**
 * One column's page as a parenthesized SELECT of (col, key, the card's task columns), in the
 * column's order.
 */
export function pageSelect(p: PageRequest, s: BoardScope, where: SQL): SQL {
  // The column's name and the page size are written into the text, not bound: the board is a
  // named statement, and its generic plan needs them as constants to walk each column's index
  // in order (decision 0040). Both come from the validated query (a column name, an integer).
  const col = sql.raw(`'${columnName(p.column)}'::text as col`);
  const limit = sql.raw(String(pageLimit(p.limit)));
  const after = p.after;
  const afterKey = after?.keyed ? after.key : null;
  if (p.column === 'unsorted') {
    // Newest first: the backward scan of tasks_unsorted_idx.
    const keyset = after
      ? sql`and (${tasks.createdAt}, ${tasks.id}) < (${afterKey}::timestamptz, ${after.id}::uuid)`
      : sql``;
    return sql`(select ${col}, ${keyText(tasks.createdAt)} as key, ${cardColumns}
      from ${tasks} where ${where} and ${tasks.statusId} is null ${keyset}
      order by ${tasks.createdAt} desc, ${tasks.id} desc limit ${limit})`;
  }
  const range = inRange(s.ranges[p.column]);
  const dated = (extra: SQL) =>
    sql`(select ${col}, ${keyText(tasks.dueAt)} as key, ${cardColumns}
      from ${tasks} where ${where} and ${range} ${extra}
      order by ${tasks.dueAt}, ${tasks.id} limit ${limit})`;
  const datedAfter =
    after && after.keyed
      ? sql`and (${tasks.dueAt}, ${tasks.id}) > (${afterKey}::timestamptz, ${after.id}::uuid)`
      : sql``;
  if (p.column !== 'later') return dated(datedAfter);
  // Later: the dated cards by due time, then those with no due time by id. Two index scans
  // (a range and an IS NULL) instead of one OR that no index answers.
  const undated = (extra: SQL) =>
    sql`(select ${col}, null::text as key, ${cardColumns}
      from ${tasks} where ${where} and ${tasks.statusId} is not null and ${tasks.dueAt} is null ${extra}
      order by ${tasks.id} limit ${limit})`;
  if (after && !after.keyed) return undated(sql`and ${tasks.id} > ${after.id}::uuid`);
  return sql`(select * from (${dated(datedAfter)} union all ${undated(sql``)}) later
    order by key nulls last, id limit ${limit})`;
}
