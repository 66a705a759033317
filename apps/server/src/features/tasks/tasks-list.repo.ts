import {
  and,
  count,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { TaskListQuery } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import type { BoardBounds } from '../../lib/club-time.ts';
import { groupMembers } from '../groups/index.ts';
import { tasks } from './tasks.table.ts';
import type { TaskRow } from './tasks.repo.ts';

/** A list query once its ids, days and search are resolved by the service. */
export interface TaskListScope {
  /** `taskVisibility(db, actor)`. */
  visible: SQL;
  state: TaskListQuery['state'];
  bounds: BoardBounds;
  /** A resolved user id (`me` already replaced). */
  assigneeId?: string;
  unassigned: boolean;
  /** A resolved user id (`me` already replaced). */
  completedById?: string;
  type?: string[];
  templateId?: string[];
  statusId?: string[];
  resultId?: string[];
  noResult?: boolean;
  branchId?: string[];
  contactId?: string;
  /** A round's id, or `none` for tasks outside any round. */
  parentId?: string;
  doneFrom?: Date;
  doneTo?: Date;
  createdFrom?: Date;
  createdTo?: Date;
  dueBefore?: Date;
  groupId?: string;
  /** Contact name/phone or comment: built by the service (it needs the contacts' search rule). */
  search?: SQL;
}

function stateCondition(state: TaskListScope['state'], b: BoardBounds): SQL | undefined {
  switch (state) {
    case 'open':
      return isNull(tasks.completedAt);
    case 'overdue':
      return and(isNull(tasks.completedAt), lt(tasks.dueAt, b.now));
    // Due later today: the blue ones (T-7); the red ones are `overdue`.
    case 'today':
      return and(
        isNull(tasks.completedAt),
        gte(tasks.dueAt, b.now),
        lt(tasks.dueAt, b.startTomorrow),
      );
    case 'due':
      return and(isNull(tasks.completedAt), lt(tasks.dueAt, b.startTomorrow));
    case 'done':
      return isNotNull(tasks.completedAt);
    case 'all':
      return undefined;
  }
}

/** Done with one of the results, or (also) without one. */
function resultCondition(ids: string[] | undefined, none: boolean | undefined): SQL | undefined {
  const byId = ids?.length ? inArray(tasks.resultId, ids) : undefined;
  const without = none ? and(isNotNull(tasks.completedAt), isNull(tasks.resultId)) : undefined;
  return byId && without ? or(byId, without) : (byId ?? without);
}

export function taskListWhere(s: TaskListScope): SQL {
  return and(
    s.visible,
    stateCondition(s.state, s.bounds),
    s.assigneeId ? eq(tasks.assigneeId, s.assigneeId) : undefined,
    s.unassigned ? isNull(tasks.assigneeId) : undefined,
    s.completedById ? eq(tasks.completedById, s.completedById) : undefined,
    s.type?.length ? inArray(tasks.type, s.type as TaskRow['type'][]) : undefined,
    s.templateId?.length ? inArray(tasks.templateId, s.templateId) : undefined,
    s.statusId?.length ? inArray(tasks.statusId, s.statusId) : undefined,
    resultCondition(s.resultId, s.noResult),
    s.branchId?.length ? inArray(tasks.branchId, s.branchId) : undefined,
    s.contactId ? eq(tasks.contactId, s.contactId) : undefined,
    s.parentId === 'none'
      ? isNull(tasks.parentId)
      : s.parentId
        ? eq(tasks.parentId, s.parentId)
        : undefined,
    s.doneFrom ? gte(tasks.completedAt, s.doneFrom) : undefined,
    s.doneTo ? lt(tasks.completedAt, s.doneTo) : undefined,
    s.createdFrom ? gte(tasks.createdAt, s.createdFrom) : undefined,
    s.createdTo ? lt(tasks.createdAt, s.createdTo) : undefined,
    s.dueBefore ? lt(tasks.dueAt, s.dueBefore) : undefined,
    s.groupId
      ? sql`exists (select 1 from ${groupMembers} where ${groupMembers.orgId} = ${tasks.orgId}
          and ${groupMembers.userId} = ${tasks.assigneeId} and ${groupMembers.groupId} = ${s.groupId}::uuid)`
      : undefined,
    s.search,
  )!;
}

/** Nullable keys go last either way; the id keeps equal keys in one order, so pages never overlap. */
function orderOf(sort: TaskListQuery['sort']): SQL[] {
  const desc = sort.startsWith('-');
  const dir = desc ? sql`desc` : sql`asc`;
  const key = desc ? sort.slice(1) : sort;
  const column =
    key === 'createdAt' ? tasks.createdAt : key === 'completedAt' ? tasks.completedAt : tasks.dueAt;
  return [sql`${column} ${dir} nulls last`, sql`${tasks.id} ${dir}`];
}

export function listTaskPage(
  db: Db,
  scope: TaskListScope,
  sort: TaskListQuery['sort'],
  page: { limit: number; offset: number },
): Promise<TaskRow[]> {
  return db
    .select()
    .from(tasks)
    .where(taskListWhere(scope))
    .orderBy(...orderOf(sort))
    .limit(page.limit)
    .offset(page.offset);
}

export async function countTasks(db: Db, scope: TaskListScope): Promise<number> {
  const [row] = await db.select({ n: count() }).from(tasks).where(taskListWhere(scope));
  return row?.n ?? 0;
}
