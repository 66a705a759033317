import type { TaskListQueryInput } from '@spotter/contracts';
import { TASK_SORTS, TASK_STATES } from '@spotter/contracts/enums';
import * as z from 'zod/mini';
import { day, id, ids, lenient, pageNumber, pageSize, text } from '../../lib/search-params.ts';

// The contracts' task types, spelled here (the router is in the first download).
const REPORT_TASK_TYPES = ['call', 'round', 'client', 'internal'] as const;

export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;

/**
 * The task table's URL: the tab, every filter, the sort and the page. Each param falls back to
 * `undefined` on its own, so a hand-edited or stale link never breaks the page.
 */
export const tasksSearchSchema = z.object({
  view: lenient(z.enum(['all', 'my'])),
  state: lenient(z.enum(TASK_STATES)),
  templateId: lenient(ids),
  statusId: lenient(ids),
  assigneeId: lenient(id),
  unassigned: lenient(z.boolean()),
  /** Completed by this staff member (the control view's "done" numbers). */
  completedById: lenient(id),
  branchId: lenient(ids),
  search: lenient(text(200)),
  /** One person's or company's tasks (from their page). */
  contactId: lenient(id),
  /** Done on or after this day (the control view's "done today / this week"). */
  doneFrom: lenient(day),
  /** The reports' drill-downs: what a report's number counted, by the club's days. */
  doneTo: lenient(day),
  createdFrom: lenient(day),
  createdTo: lenient(day),
  /** Due before this day begins (a report's overdue at a day's end). */
  dueBefore: lenient(day),
  resultId: lenient(ids),
  /** Assigned to someone in this group. */
  groupId: lenient(id),
  /** Task types, e.g. every kind but the round frames a report leaves out. */
  type: lenient(z.array(z.enum(REPORT_TASK_TYPES)).check(z.maxLength(4))),
  /** Done without a result (the home page's "today's results"). */
  noResult: lenient(z.boolean()),
  sort: lenient(z.enum(TASK_SORTS)),
  page: lenient(pageNumber),
  pageSize: lenient(pageSize),
});
export type TasksSearch = z.infer<typeof tasksSearchSchema>;

export const stateOf = (s: TasksSearch) => s.state ?? 'open';
/** Done tasks read best newest first; everything else by when it is due. */
export const sortOf = (s: TasksSearch) =>
  s.sort ?? (stateOf(s) === 'done' ? '-completedAt' : 'dueAt');
export const pageOf = (s: TasksSearch) => s.page ?? 1;
export const pageSizeOf = (s: TasksSearch) => s.pageSize ?? DEFAULT_PAGE_SIZE;

/** GET /api/tasks for this URL; "my tasks" are the current user's whatever the assignee filter. */
export function toListQuery(s: TasksSearch): TaskListQueryInput {
  const size = pageSizeOf(s);
  const q: TaskListQueryInput = {
    state: stateOf(s),
    sort: sortOf(s),
    limit: size,
    offset: (pageOf(s) - 1) * size,
  };
  if (s.view === 'my') q.assigneeId = 'me';
  else if (s.unassigned) q.unassigned = 'true';
  else if (s.assigneeId) q.assigneeId = s.assigneeId;
  if (s.templateId?.length) q.templateId = s.templateId;
  if (s.statusId?.length) q.statusId = s.statusId;
  if (s.branchId?.length) q.branchId = s.branchId;
  const text = s.search?.trim();
  if (text) q.search = text;
  if (s.doneFrom) q.doneFrom = s.doneFrom;
  if (s.doneTo) q.doneTo = s.doneTo;
  if (s.createdFrom) q.createdFrom = s.createdFrom;
  if (s.createdTo) q.createdTo = s.createdTo;
  if (s.dueBefore) q.dueBefore = s.dueBefore;
  if (s.resultId?.length) q.resultId = s.resultId;
  if (s.groupId) q.groupId = s.groupId;
  if (s.type?.length) q.type = s.type;
  if (s.noResult) q.noResult = 'true';
  if (s.completedById) q.completedById = s.completedById;
  if (s.contactId) q.contactId = s.contactId;
  return q;
}

/** True when a filter narrows the list (not the tab, state, sort or paging). */
export const hasFilters = (s: TasksSearch) =>
  Boolean(
    s.templateId?.length ||
    s.statusId?.length ||
    s.branchId?.length ||
    s.search?.trim() ||
    s.doneFrom ||
    s.doneTo ||
    s.createdFrom ||
    s.createdTo ||
    s.dueBefore ||
    s.resultId?.length ||
    s.groupId ||
    s.type?.length ||
    s.noResult ||
    s.completedById ||
    s.contactId ||
    (s.view !== 'my' && (s.assigneeId || s.unassigned)),
  );

/** Drops the filters, keeping the tab, the state and the page size. */
export const clearFilters = (s: TasksSearch): TasksSearch => ({
  view: s.view,
  state: s.state,
  pageSize: s.pageSize,
});

/** Header click: ascending, then descending. */
export const nextSort = (current: string, column: string) =>
  current === column ? `-${column}` : column;

export type ControlMetric = 'open' | 'overdue' | 'doneToday' | 'doneThisWeek';

/**
 * Where a number in the control view leads: the task table filtered to exactly what it
 * counted. `days` are the club's today and the Monday of its week.
 */
export function controlDrillDown(
  metric: ControlMetric,
  who: { userId: string } | 'unassigned',
  days: { today: string; weekStart: string },
  branchId?: string[],
): TasksSearch {
  const base: TasksSearch = {
    view: 'all',
    ...(who === 'unassigned' ? { unassigned: true } : { assigneeId: who.userId }),
    ...(branchId?.length ? { branchId } : {}),
  };
  const done = (): TasksSearch => ({
    view: 'all',
    state: 'done',
    ...(who === 'unassigned' ? { unassigned: true } : { completedById: who.userId }),
    ...(branchId?.length ? { branchId } : {}),
  });
  switch (metric) {
    case 'open':
      return { ...base, state: 'open' };
    case 'overdue':
      return { ...base, state: 'overdue' };
    // Done tasks count by who completed them, whoever they were assigned to.
    case 'doneToday':
      return { ...done(), doneFrom: days.today };
    case 'doneThisWeek':
      return { ...done(), doneFrom: days.weekStart };
  }
}
