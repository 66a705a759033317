import { and, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { BoardColumn, TaskType } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { executeShaped } from '../../lib/named-statement.ts';
import { contacts } from '../contacts/index.ts';
import { waitingSinceSql } from '../lead-forms/index.ts';
import { taskStatuses, taskTemplates } from '../task-settings/index.ts';
import { tasks } from '../tasks/index.ts';
import { users } from '../users/index.ts';
import {
  boardWhere,
  columnCondition,
  pageSelect,
  type BoardScope,
  type PageAfter,
  type PageRequest,
} from './board-sql.ts';

export type { PageAfter } from './board-sql.ts';

type DateColumn = Exclude<BoardColumn, 'unsorted'>;

/** What the service resolved: the actor's visibility, the filters, the columns' due ranges. */
export interface BoardInput {
  orgId: string;
  /** taskVisibilityShape(db, actor). */
  visibility: { shape: string; sql: SQL; values: Record<string, unknown> };
  branchIds?: string[];
  statusIds?: string[];
  assigneeId?: string;
  templateIds?: string[];
  /** From `taskSearchCondition`, values inside: a search's statement is not cached. */
  search?: SQL;
  ranges: Record<DateColumn, { from: Date | null; to: Date | null }>;
}

const DATE_COLUMNS: readonly DateColumn[] = ['overdue', 'today', 'tomorrow', 'week', 'later'];
const p = (name: string) => sql.placeholder(name);

/**
 * The board's placeholders and their values, and the key of the statement's shape: which
 * filters are present, which ranges are open, whether a page continues, the page size.
 */
function boardShape(input: BoardInput, columns: readonly BoardColumn[], page: PageShape) {
  const values: Record<string, unknown> = { ...input.visibility.values, org: input.orgId };
  const present = (name: string, v: string | string[] | undefined) => {
    if (v === undefined || (Array.isArray(v) && v.length === 0)) return undefined;
    values[name] = v;
    return p(name);
  };
  const ranges = {} as BoardScope['ranges'];
  const open: string[] = [];
  for (const c of DATE_COLUMNS) {
    const r = input.ranges[c];
    const bound = (side: 'from' | 'to', d: Date | null) => {
      if (!d) return null;
      values[`${c}_${side}`] = d.toISOString();
      return p(`${c}_${side}`);
    };
    ranges[c] = { from: bound('from', r.from), to: bound('to', r.to) };
    open.push(`${r.from ? 1 : 0}${r.to ? 1 : 0}`);
  }
  const scope: BoardScope = {
    orgId: p('org'),
    visibility: input.visibility.sql,
    branchIds: present('branchIds', input.branchIds),
    statusIds: present('statusIds', input.statusIds),
    assigneeId: present('assigneeId', input.assigneeId),
    templateIds: present('templateIds', input.templateIds),
    search: input.search,
    ranges,
  };
  const after = page.after && {
    keyed: page.after.key !== null,
    key: p('afterKey'),
    id: p('afterId'),
  };
  if (page.after) Object.assign(values, { afterKey: page.after.key, afterId: page.after.id });
  const shape = input.search
    ? null
    : [
        columns.join(','),
        input.visibility.shape,
        ['branchIds', 'statusIds', 'assigneeId', 'templateIds'].filter((k) => k in values),
        open.join(''),
        after ? (after.keyed ? 'after' : 'after-undated') : '',
        page.limit,
      ].join('|');
  return { scope, values, shape, page: { limit: page.limit, after } };
}

interface PageShape {
  limit: number;
  after?: PageAfter;
}

/** A card as read, with the column it was paged in and its exact sort key (for the cursor). */
export interface CardRow {
  column: BoardColumn;
  /** Due (or, in Unsorted, created) time to the microsecond; null: no due time. */
  key: string | null;
  id: string;
  type: TaskType;
  comment: string;
  /** ISO timestamps to the millisecond, as the API writes them (no Date round trip per card). */
  dueAt: string | null;
  createdAt: string;
  version: number;
  /** Speed to lead: since when the card's person has waited for a first contact. */
  waitingSince: string | null;
  template: { id: string; name: string; color: string; background: string };
  contact: {
    id: string;
    kind: 'person' | 'company';
    name: string;
    phone: string | null;
    email: string | null;
    responsibleId: string | null;
  } | null;
  assignee: { id: string; name: string } | null;
  takenBy: { id: string; name: string } | null;
  status: { id: string; name: string; color: string; background: string } | null;
}

export interface BoardRows {
  counts: Record<BoardColumn, number>;
  cards: CardRow[];
}

// Users twice: in a raw statement the aliases are spelled out in FROM below.
const assignee = alias(users, 'assignee');
const taker = alias(users, 'taker');
const iso = (column: SQL | { getSQL(): SQL }) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The counts of `columns` and a page of each with everything their cards show, in ONE
 * statement: the counts are one pass over the open tasks (`count(*) filter` per column); each
 * page reads its own index range, stops at its limit and carries its tasks' columns; only
 * those rows are joined to templates, contacts, users and statuses. A search is evaluated
 * once: its matching open tasks are a materialized CTE the counts and every page look up.
 */
export async function loadBoard(
  db: Db,
  input: BoardInput,
  /** At least one; each gets a page of `page.limit` cards after `page.after`. */
  columns: readonly BoardColumn[],
  pageRequest: PageShape,
): Promise<BoardRows> {
  const { scope, values, shape, page } = boardShape(input, columns, pageRequest);
  // Built once per shape: building it costs more than binding it (decision 0040); a named
  // statement: planning it costs more than running it (decision 0019).
  const rows = await executeShaped<Record<string, unknown>>(
    db,
    shape,
    () => boardStatement(scope, columns, page),
    values,
  );
  const first = rows[0] ?? {};
  return {
    counts: Object.fromEntries(columns.map((c) => [c, Number(first[c] ?? 0)])) as Record<
      BoardColumn,
      number
    >,
    cards: rows.flatMap((r) => (r.id ? [toCardRow(r)] : [])),
  };
}

function boardStatement(
  s: BoardScope,
  columns: readonly BoardColumn[],
  page: Omit<PageRequest, 'column'>,
): SQL {
  const matched = s.search
    ? sql`matched as materialized (select ${tasks.id} as id from ${tasks} where ${boardWhere(s)}), `
    : sql``;
  const where = s.search
    ? and(
        sql`${tasks.orgId} = ${s.orgId}`,
        isNull(tasks.completedAt),
        sql`${tasks.id} in (select id from matched)`,
      )!
    : boardWhere(s);
  const counts = columns.map(
    (c) => sql`count(*) filter (where ${columnCondition(c, s)})::int as ${sql.identifier(c)}`,
  );
  const union = sql.join(
    columns.map((column) => pageSelect({ column, ...page }, s, where)),
    sql` union all `,
  );

  return sql`
    with ${matched}
    counts as (select ${sql.join(counts, sql`, `)} from ${tasks} where ${where}),
    page as (${union})
    select counts.*, page.col, page.key, page.id, page.type, page.comment, page.version,
      ${iso(sql`page.due_at`)} as "dueAt", ${iso(sql`page.created_at`)} as "createdAt",
      ${taskTemplates.id} as "templateId", ${taskTemplates.name} as "templateName",
      ${taskTemplates.color} as "templateColor", ${taskTemplates.background} as "templateBackground",
      ${contacts.id} as "contactId", ${contacts.kind} as "contactKind",
      ${contacts.displayName} as "contactName",
      ${contacts.phones} -> 0 ->> 'number' as "contactPhone",
      ${contacts.emails} -> 0 ->> 'email' as "contactEmail",
      ${contacts.responsibleId} as "contactResponsibleId",
      ${iso(waitingSinceSql(s.orgId, sql`page.contact_id`))} as "waitingSince",
      ${assignee.id} as "assigneeId", ${assignee.name} as "assigneeName",
      ${taker.id} as "takerId", ${taker.name} as "takerName",
      ${taskStatuses.id} as "statusId", ${taskStatuses.name} as "statusName",
      ${taskStatuses.color} as "statusColor", ${taskStatuses.background} as "statusBackground"
    from counts
    left join page on true
    left join ${taskTemplates}
      on ${taskTemplates.id} = page.template_id and ${taskTemplates.orgId} = ${s.orgId}
    left join ${contacts} on ${contacts.id} = page.contact_id and ${contacts.orgId} = ${s.orgId}
    left join ${users} as ${sql.identifier('assignee')}
      on ${assignee.id} = page.assignee_id and ${assignee.orgId} = ${s.orgId}
    left join ${users} as ${sql.identifier('taker')}
      on ${taker.id} = page.taken_by_id and ${taker.orgId} = ${s.orgId}
    left join ${taskStatuses}
      on ${taskStatuses.id} = page.status_id and ${taskStatuses.orgId} = ${s.orgId}
  `;
}

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

function toCardRow(r: Record<string, unknown>): CardRow {
  return {
    column: r.col as BoardColumn,
    key: str(r.key),
    id: String(r.id),
    type: r.type as TaskType,
    comment: String(r.comment),
    dueAt: str(r.dueAt),
    createdAt: String(r.createdAt),
    version: Number(r.version),
    waitingSince: str(r.waitingSince),
    template: {
      id: String(r.templateId),
      name: String(r.templateName),
      color: String(r.templateColor),
      background: String(r.templateBackground),
    },
    contact: r.contactId
      ? {
          id: String(r.contactId),
          kind: r.contactKind as 'person' | 'company',
          name: String(r.contactName),
          phone: str(r.contactPhone),
          email: str(r.contactEmail),
          responsibleId: str(r.contactResponsibleId),
        }
      : null,
    assignee: r.assigneeId ? { id: String(r.assigneeId), name: String(r.assigneeName) } : null,
    takenBy: r.takerId ? { id: String(r.takerId), name: String(r.takerName) } : null,
    status: r.statusId
      ? {
          id: String(r.statusId),
          name: String(r.statusName),
          color: String(r.statusColor),
          background: String(r.statusBackground),
        }
      : null,
  };
}

/**
 * The staff who have an open private task in the organization (as its creator or assignee):
 * only their boards read private tasks. Through `tasks_open_private_idx`, which holds only
 * open private tasks: a few index entries, where the open tasks' covering index was a walk
 * through all of them (1.4 ms at 5,000).
 */
export async function privateOwners(db: Db, orgId: string): Promise<Set<string>> {
  const rows = await executeShaped<{ creator: string | null; assignee: string | null }>(
    db,
    'board-private-owners',
    () => sql`select distinct ${tasks.creatorId} as creator, ${tasks.assigneeId} as assignee
      from ${tasks} where ${tasks.orgId} = ${p('org')} and ${tasks.completedAt} is null
      and ${tasks.private}`,
    { org: orgId },
  );
  const owners = new Set<string>();
  for (const r of rows) {
    if (r.creator) owners.add(r.creator);
    if (r.assignee) owners.add(r.assignee);
  }
  return owners;
}
