import type { ContactFilterInput, ContactKind } from '@spotter/contracts';
import type { ListSearch } from './list-search.ts';

export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;
export const DEFAULT_SORT = 'name';

const ID_LISTS = [
  'statusId',
  'responsibleId',
  'tagId',
  'categoryId',
  'branchId',
  'sourceId',
  'industryId',
] as const;

/** The current filters as the API's filter object (bulk actions send it as `filter`). */
export function toFilter(search: ListSearch): ContactFilterInput {
  const f: ContactFilterInput = {};
  const text = search.search?.trim();
  if (text) f.search = text;
  for (const key of ID_LISTS) {
    const ids = search[key];
    if (ids && ids.length > 0) f[key] = ids;
  }
  if (search.noStatus) f.noStatus = 'true';
  if (search.noResponsible) f.noResponsible = 'true';
  if (search.tagId?.length && search.tagMode === 'all') f.tagMode = 'all';
  if (search.companyId) f.companyId = search.companyId;
  if (search.createdFrom) f.createdFrom = search.createdFrom;
  if (search.createdTo) f.createdTo = search.createdTo;
  if (search.waiting) f.waiting = 'true';
  if (search.funnelStep) f.funnelStep = search.funnelStep;
  if (search.cf?.length) f.cf = search.cf;
  if (search.ageFrom !== undefined) f.ageFrom = search.ageFrom;
  if (search.ageTo !== undefined) f.ageTo = search.ageTo;
  if (search.minor !== undefined) f.minor = search.minor ? 'true' : 'false';
  return f;
}

/** The same filters as query parameters (list and export URLs). */
export function filterParams(search: ListSearch): URLSearchParams {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(toFilter(search))) {
    if (Array.isArray(value)) {
      if (key === 'cf') for (const v of value) q.append(key, String(v));
      else q.set(key, value.join(','));
    } else if (value !== undefined) q.set(key, String(value));
  }
  return q;
}

export const pageOf = (search: ListSearch) => search.page ?? 1;
export const pageSizeOf = (search: ListSearch) => search.pageSize ?? DEFAULT_PAGE_SIZE;
export const sortOf = (search: ListSearch) => search.sort ?? DEFAULT_SORT;

/** GET /api/persons|companies query: filters, sort, limit and the page's cursor. */
export function listQueryString(search: ListSearch): string {
  const q = filterParams(search);
  q.set('sort', sortOf(search));
  q.set('limit', String(pageSizeOf(search)));
  if (search.cursor) q.set('cursor', search.cursor);
  return q.toString();
}

/** The same filters, counted (up to the API's cap) and no rows: asked once per filter. */
export function countQueryString(search: ListSearch): string {
  const q = filterParams(search);
  q.set('limit', '1');
  q.set('count', 'true');
  return q.toString();
}

/** The URL search of another page: its cursor and number; the first page has neither. */
export function pageSearch(search: ListSearch, cursor: string | null, page: number): ListSearch {
  return cursor && page > 1
    ? { ...search, cursor, page }
    : { ...search, cursor: undefined, page: undefined };
}

export const listPath = (kind: ContactKind) => (kind === 'person' ? 'persons' : 'companies');

/** The download link of the whole filtered list with the visible columns. */
export function exportUrl(
  kind: ContactKind,
  search: ListSearch,
  format: 'csv' | 'xlsx',
  columns: readonly string[],
): string {
  const q = filterParams(search);
  q.set('format', format);
  q.set('sort', sortOf(search));
  if (columns.length > 0) q.set('columns', columns.join(','));
  return `/api/${listPath(kind)}/export?${q}`;
}

/** True when any filter (not sort or paging) is set. */
export const hasFilters = (search: ListSearch) => Object.keys(toFilter(search)).length > 0;

/** Drops every filter, keeping sort and page size. */
export const clearFilters = (search: ListSearch): ListSearch => ({
  sort: search.sort,
  pageSize: search.pageSize,
});

/** Next sort when a column header is clicked: ascending, then descending, then ascending. */
export function nextSort(current: string, column: string): string {
  return current === column ? `-${column}` : column;
}

/** The sort a header shows: 'asc', 'desc' or null. */
export function sortDirection(current: string, column: string): 'asc' | 'desc' | null {
  if (current === column) return 'asc';
  if (current === `-${column}`) return 'desc';
  return null;
}

// ---------------------------------------------------------------- custom-field filters

export type CustomFilterOp = 'eq' | 'contains' | 'gte' | 'lte' | 'set' | 'unset';
export interface CustomFilter {
  fieldId: string;
  op: CustomFilterOp;
  value: string;
}

const CF = /^([0-9a-fA-F-]{36}):(eq|contains|gte|lte|set|unset)(?::([\s\S]*))?$/;

export function parseCustomFilter(raw: string): CustomFilter | null {
  const m = CF.exec(raw);
  if (!m) return null;
  return { fieldId: m[1] as string, op: m[2] as CustomFilterOp, value: m[3] ?? '' };
}

export const formatCustomFilter = (f: CustomFilter) =>
  f.op === 'set' || f.op === 'unset' ? `${f.fieldId}:${f.op}` : `${f.fieldId}:${f.op}:${f.value}`;

/** Dropdown filters carry several option ids joined by `|`. */
export const splitOptions = (value: string) => value.split('|').filter(Boolean);
