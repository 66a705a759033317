import type { DealsSearch, PipelineSearch } from './deals-search.ts';

/** The part of a URL that decides which deals show. */
export interface DealFilters {
  pipelineId?: string;
  ownerId?: string;
  groupId?: string[];
  branchId?: string[];
  typeId?: string[];
  stageId?: string[];
  state?: 'open' | 'won' | 'lost' | 'all';
  closeMonth?: string;
  q?: string;
  sort?: string;
}

const LISTS = ['groupId', 'branchId', 'typeId', 'stageId'] as const;
const SINGLE = ['pipelineId', 'ownerId', 'state', 'closeMonth', 'sort'] as const;

/**
 * The filters of a search, normalized: empty lists and blank text dropped, lists sorted. Two
 * URLs that show the same deals give equal filters, so they share one cache entry.
 */
export function dealFilters(search: Partial<PipelineSearch & DealsSearch>): DealFilters {
  const f: DealFilters = {};
  for (const key of LISTS) {
    const list = search[key];
    if (list && list.length > 0) f[key] = [...new Set(list)].sort();
  }
  for (const key of SINGLE) {
    const value = search[key];
    if (value) (f as Record<string, string>)[key] = value;
  }
  const text = search.q?.trim();
  if (text) f.q = text;
  return f;
}

/** The API's query for these filters: lists repeat their key; `extra` adds paging. */
export function dealQueryString(
  filters: DealFilters,
  extra: Record<string, string | undefined> = {},
): string {
  const q = new URLSearchParams();
  for (const key of LISTS) for (const v of filters[key] ?? []) q.append(key, v);
  for (const key of SINGLE) {
    const value = filters[key];
    if (value) q.set(key, value);
  }
  if (filters.q) q.set('q', filters.q);
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) q.set(key, value);
  return q.toString();
}

/** Whether any filter (beyond the pipeline shown) narrows the deals. */
export const hasDealFilters = (search: Partial<PipelineSearch & DealsSearch>) => {
  const { pipelineId: _pipeline, sort: _sort, state: _state, ...rest } = dealFilters(search);
  return Object.keys(rest).length > 0;
};

/** Drops every filter; the pipeline and the list's order and state stay. */
export function clearDealFilters<S extends Partial<PipelineSearch & DealsSearch>>(search: S): S {
  const kept: Partial<PipelineSearch & DealsSearch> = {};
  if (search.pipelineId) kept.pipelineId = search.pipelineId;
  if (search.sort) kept.sort = search.sort;
  if (search.state) kept.state = search.state;
  return kept as S;
}

/** A filter change: the new value replaces the old, an empty one removes the param. */
export function patchDealSearch<S extends object>(search: S, patch: Partial<S>): S {
  const next = { ...search, ...patch } as Record<string, unknown>;
  for (const [key, value] of Object.entries(next)) {
    const empty =
      value === undefined ||
      (typeof value === 'string' && value.trim() === '') ||
      (Array.isArray(value) && value.length === 0);
    if (empty) delete next[key];
  }
  return next as S;
}

/** The months a close-month filter offers: this one, the eleven after and the six before. */
export function closeMonths(today: string, before = 6, after = 11): string[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = -before; i <= after; i++) {
    const d = new Date(Date.UTC(y, m - 1 + i, 1));
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return out;
}
