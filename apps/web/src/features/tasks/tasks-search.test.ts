import { taskListQuerySchema } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import {
  clearFilters,
  controlDrillDown,
  hasFilters,
  sortOf,
  tasksSearchSchema,
  toListQuery,
} from './tasks-search.ts';
import { taskListParams } from './api/tasks-api.ts';

const A = '0190a3c4-0000-7000-8000-000000000001';
const B = '0190a3c4-0000-7000-8000-000000000002';

describe('the task table URL', () => {
  it('keeps good params and drops bad ones one by one', () => {
    const s = tasksSearchSchema.parse({
      view: 'my',
      state: 'nonsense',
      templateId: [A, 'not-an-id'],
      statusId: [B],
      page: 0,
      pageSize: 50,
      search: 'anna',
    });
    expect(s).toEqual({ view: 'my', statusId: [B], pageSize: 50, search: 'anna' });
  });

  it('asks the API for the open tasks, soonest first, by default', () => {
    expect(toListQuery({})).toEqual({ state: 'open', sort: 'dueAt', limit: 50, offset: 0 });
    expect(sortOf({ state: 'done' })).toBe('-completedAt');
    expect(sortOf({ state: 'done', sort: 'dueAt' })).toBe('dueAt');
  });

  it('turns every filter and the page into the list query the server accepts', () => {
    const q = toListQuery({
      state: 'overdue',
      templateId: [A, B],
      statusId: [B],
      branchId: [A],
      assigneeId: B,
      search: '  0701 ',
      page: 3,
      pageSize: 25,
    });
    expect(q).toEqual({
      state: 'overdue',
      sort: 'dueAt',
      limit: 25,
      offset: 50,
      templateId: [A, B],
      statusId: [B],
      branchId: [A],
      assigneeId: B,
      search: '0701',
    });
    const params = taskListParams(q);
    expect(params.getAll('templateId')).toEqual([A, B]);
    const parsed = taskListQuerySchema.parse(
      Object.fromEntries(
        [...new Set(params.keys())].map((k) => {
          const all = params.getAll(k);
          return [k, all.length > 1 ? all : all[0]];
        }),
      ),
    );
    expect(parsed).toMatchObject({ state: 'overdue', limit: 25, offset: 50, templateId: [A, B] });
  });

  it("narrows to one client's tasks when their page links here", () => {
    expect(toListQuery({ contactId: A })).toMatchObject({ contactId: A, state: 'open' });
    expect(hasFilters({ contactId: A })).toBe(true);
  });

  it('shows my tasks whatever assignee filter the URL carries', () => {
    expect(toListQuery({ view: 'my', assigneeId: A }).assigneeId).toBe('me');
    expect(toListQuery({ unassigned: true }).unassigned).toBe('true');
    expect(hasFilters({ view: 'my', assigneeId: A })).toBe(false);
    expect(hasFilters({ view: 'all', assigneeId: A })).toBe(true);
  });

  it('clears filters but keeps the tab, the state and the page size', () => {
    expect(
      clearFilters({ view: 'my', state: 'done', pageSize: 100, search: 'x', templateId: [A] }),
    ).toEqual({ view: 'my', state: 'done', pageSize: 100 });
  });
});

describe('the control view drill-down', () => {
  const days = { today: '2025-06-04', weekStart: '2025-06-02' };
  it('opens the table filtered to what each number counted', () => {
    expect(controlDrillDown('open', { userId: A }, days)).toEqual({
      view: 'all',
      assigneeId: A,
      state: 'open',
    });
    expect(controlDrillDown('overdue', { userId: A }, days, [B])).toEqual({
      view: 'all',
      assigneeId: A,
      branchId: [B],
      state: 'overdue',
    });
    expect(controlDrillDown('doneToday', { userId: A }, days).doneFrom).toBe('2025-06-04');
    expect(controlDrillDown('doneThisWeek', { userId: A }, days)).toMatchObject({
      state: 'done',
      doneFrom: '2025-06-02',
      completedById: A,
    });
    expect(controlDrillDown('doneToday', { userId: A }, days).assigneeId).toBeUndefined();
    expect(controlDrillDown('open', 'unassigned', days)).toEqual({
      view: 'all',
      unassigned: true,
      state: 'open',
    });
  });

  it("carries a report's drill-down to the API and counts it as a filter", () => {
    const s = tasksSearchSchema.parse({
      view: 'all',
      state: 'overdue',
      createdFrom: '2026-03-01',
      createdTo: '2026-03-31',
      doneTo: '2026-03-31',
      dueBefore: '2026-04-01',
      resultId: [A],
      groupId: B,
      type: ['call', 'client', 'internal', 'bogus'],
    });
    expect(s.type).toBeUndefined();
    const q = toListQuery({ ...s, type: ['call', 'internal'] });
    expect(q).toMatchObject({
      state: 'overdue',
      createdFrom: '2026-03-01',
      createdTo: '2026-03-31',
      doneTo: '2026-03-31',
      dueBefore: '2026-04-01',
      resultId: [A],
      groupId: B,
      type: ['call', 'internal'],
    });
    expect(taskListQuerySchema.safeParse(Object.fromEntries(taskListParams(q))).success).toBe(true);
    expect(hasFilters({ view: 'all', dueBefore: '2026-04-01' })).toBe(true);
    expect(clearFilters(s)).toEqual({ view: 'all', state: 'overdue' });
  });
});
