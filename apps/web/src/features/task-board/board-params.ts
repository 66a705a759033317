import type { BoardColumn } from '@spotter/contracts';
import type { BoardSearch } from './board-search.ts';

/** The part of the URL that decides which cards the board shows (not the open card). */
export interface BoardFilters {
  branchId?: string[];
  statusId?: string[];
  assigneeId?: string;
  templateId?: string[];
  search?: string;
}

const LISTS = ['branchId', 'statusId', 'templateId'] as const;

/**
 * The filters of a search, normalized: empty lists and blank text dropped, lists sorted. Two
 * URLs that show the same cards give equal filters, so they share one cache entry.
 */
export function boardFilters(search: BoardSearch): BoardFilters {
  const f: BoardFilters = {};
  for (const key of LISTS) {
    const list = search[key];
    if (list && list.length > 0) f[key] = [...new Set(list)].sort();
  }
  if (search.assigneeId) f.assigneeId = search.assigneeId;
  const text = search.search?.trim();
  if (text) f.search = text;
  return f;
}

/** GET /api/board's query: lists repeat their key, one column's next page adds column+cursor. */
export function boardQueryString(
  filters: BoardFilters,
  page?: { column: BoardColumn; cursor: string },
): string {
  const q = new URLSearchParams();
  for (const key of LISTS) for (const v of filters[key] ?? []) q.append(key, v);
  if (filters.assigneeId) q.set('assigneeId', filters.assigneeId);
  if (filters.search) q.set('search', filters.search);
  if (page) {
    q.set('column', page.column);
    q.set('cursor', page.cursor);
  }
  return q.toString();
}

export const hasBoardFilters = (search: BoardSearch) =>
  Object.keys(boardFilters(search)).length > 0;

/** Drops every filter; the open card stays open and the view stays. */
export function clearBoardFilters(search: BoardSearch): BoardSearch {
  const kept: BoardSearch = {};
  if (search.card) kept.card = search.card;
  if (search.view) kept.view = search.view;
  return kept;
}

/** A filter change: the new value replaces the old, an empty one removes the param. */
export function patchSearch(search: BoardSearch, patch: Partial<BoardSearch>): BoardSearch {
  const next: BoardSearch = { ...search, ...patch };
  for (const [key, value] of Object.entries(next) as [keyof BoardSearch, unknown][]) {
    const empty =
      value === undefined ||
      value === '' ||
      (Array.isArray(value) && value.length === 0) ||
      (typeof value === 'string' && key === 'search' && value.trim() === '');
    if (empty) delete next[key];
  }
  return next;
}
