import { describe, expect, it } from 'vitest';
import {
  boardFilters,
  boardQueryString,
  clearBoardFilters,
  hasBoardFilters,
  patchSearch,
} from './board-params.ts';
import { taskBoardSearchSchema } from './board-search.ts';

const A = '0190a8a8-0000-7000-8000-000000000001';
const B = '0190a8a8-0000-7000-8000-000000000002';

describe('board search schema', () => {
  it('keeps good params and drops bad ones one by one', () => {
    const s = taskBoardSearchSchema.parse({
      branchId: [A],
      statusId: ['not-an-id'],
      assigneeId: 'me',
      templateId: [B, A],
      search: 'anna',
      card: 'nope',
    });
    expect(s).toEqual({ branchId: [A], assigneeId: 'me', templateId: [B, A], search: 'anna' });
  });

  it('takes a staff member as the assignee, and nothing else', () => {
    expect(taskBoardSearchSchema.parse({ assigneeId: A }).assigneeId).toBe(A);
    expect(taskBoardSearchSchema.parse({ assigneeId: 'mine' }).assigneeId).toBeUndefined();
  });

  it('keeps the open card', () => {
    expect(taskBoardSearchSchema.parse({ card: A })).toEqual({ card: A });
  });
});

describe('board filters', () => {
  it('normalize, so equal views share one cache entry', () => {
    const a = boardFilters({ templateId: [B, A, B], search: '  anna ', card: A });
    const b = boardFilters({ templateId: [A, B], search: 'anna' });
    expect(a).toEqual(b);
    expect(a).toEqual({ templateId: [A, B], search: 'anna' });
  });

  it('drop empty lists and blank text', () => {
    expect(boardFilters({ branchId: [], statusId: [], search: '   ' })).toEqual({});
    expect(hasBoardFilters({ search: ' ' })).toBe(false);
    expect(hasBoardFilters({ card: A })).toBe(false);
    expect(hasBoardFilters({ assigneeId: 'me' })).toBe(true);
  });

  it('become the API query, lists repeating their key', () => {
    const qs = boardQueryString({
      branchId: [A, B],
      statusId: [A],
      assigneeId: 'me',
      search: 'a&b',
    });
    const q = new URLSearchParams(qs);
    expect(q.getAll('branchId')).toEqual([A, B]);
    expect(q.getAll('statusId')).toEqual([A]);
    expect(q.get('assigneeId')).toBe('me');
    expect(q.get('search')).toBe('a&b');
    expect(q.has('column')).toBe(false);
  });

  it("ask for one column's next page with its cursor", () => {
    const q = new URLSearchParams(
      boardQueryString({ templateId: [A] }, { column: 'later', cursor: 'abc=' }),
    );
    expect(q.get('column')).toBe('later');
    expect(q.get('cursor')).toBe('abc=');
    expect(q.getAll('templateId')).toEqual([A]);
  });

  it('are cleared without closing the open card', () => {
    expect(clearBoardFilters({ search: 'x', statusId: [A], card: B })).toEqual({ card: B });
    expect(clearBoardFilters({ search: 'x' })).toEqual({});
    expect(clearBoardFilters({ search: 'x', view: 'board' })).toEqual({ view: 'board' });
  });

  it('change one at a time, an empty value removing the param', () => {
    const s = { search: 'anna', statusId: [A] };
    expect(patchSearch(s, { statusId: [] })).toEqual({ search: 'anna' });
    expect(patchSearch(s, { search: ' ' })).toEqual({ statusId: [A] });
    expect(patchSearch(s, { assigneeId: 'me' })).toEqual({ ...s, assigneeId: 'me' });
    expect(patchSearch(s, { card: undefined })).toEqual(s);
  });
});
