import type { InfiniteData } from '@tanstack/react-query';

/** One page of a board column as the cache keeps it: its cards and the column's size. */
export interface ColumnPage<C> {
  items: C[];
  count: number;
}

/** One column's pages in the query cache: its first page, then the next ones by cursor. */
export type ColumnPages<P> = InfiniteData<P>;

type Card = { id: string };

/**
 * The cards of a column in order. Keyset pages can overlap after cards moved between two page
 * loads (a live update, a drop), so a card shows once, where it first appears.
 */
export function columnItems<C extends Card, P extends ColumnPage<C>>(
  data: ColumnPages<P> | undefined,
): C[] {
  if (!data) return [];
  const seen = new Set<string>();
  const out: C[] = [];
  for (const page of data.pages) {
    for (const card of page.items) {
      if (seen.has(card.id)) continue;
      seen.add(card.id);
      out.push(card);
    }
  }
  return out;
}

/** The column's size from the server, adjusted by optimistic moves. */
export const columnSize = <P extends ColumnPage<Card>>(data: ColumnPages<P> | undefined) =>
  data?.pages[0]?.count ?? 0;

/** The card with this id, if the column has it loaded. */
export const findItem = <C extends Card, P extends ColumnPage<C>>(
  data: ColumnPages<P> | undefined,
  id: string,
) => columnItems<C, P>(data).find((c) => c.id === id);

/** Every page with `patch` applied to the page's own fields (its count, its sums). */
export function patchPages<P>(data: ColumnPages<P>, patch: (page: P) => P): ColumnPages<P> {
  return { ...data, pages: data.pages.map(patch) };
}

function withCount<C, P extends ColumnPage<C>>(data: ColumnPages<P>, delta: number) {
  return patchPages(data, (p) => ({ ...p, count: Math.max(0, p.count + delta) }));
}

/** The column without the card; its count drops by one when the card was there. */
export function removeItem<C extends Card, P extends ColumnPage<C>>(
  data: ColumnPages<P> | undefined,
  id: string,
): ColumnPages<P> | undefined {
  if (!data || !findItem<C, P>(data, id)) return data;
  const pages = data.pages.map((p) => ({ ...p, items: p.items.filter((c) => c.id !== id) }));
  return withCount<C, P>({ ...data, pages }, -1);
}

/**
 * The column with the card added: on top when `cmp` is null (while the server is still
 * deciding where it goes, so the user sees where it went), else in the column's order. A card
 * sorting after every loaded card of a column with more pages is kept last on the loaded ones —
 * visible until the next refetch puts it on its own page — rather than vanishing from under
 * the cursor.
 */
export function insertItem<C extends Card, P extends ColumnPage<C>>(
  data: ColumnPages<P> | undefined,
  card: C,
  cmp: ((a: C, b: C) => number) | null,
): ColumnPages<P> | undefined {
  if (!data || data.pages.length === 0) return data;
  const had = findItem<C, P>(data, card.id) !== undefined;
  const pages = data.pages.map((p) => ({ ...p, items: p.items.filter((c) => c.id !== card.id) }));
  let target = 0;
  let index = 0;
  if (cmp) {
    target = -1;
    for (let p = 0; p < pages.length && target < 0; p++) {
      const i = pages[p]!.items.findIndex((c) => cmp(card, c) < 0);
      if (i >= 0) [target, index] = [p, i];
    }
    if (target < 0) {
      target = pages.length - 1;
      index = pages[target]!.items.length;
    }
  }
  const page = pages[target]!;
  const items = [...page.items.slice(0, index), card, ...page.items.slice(index)];
  pages[target] = { ...page, items };
  const next = { ...data, pages };
  return had ? next : withCount<C, P>(next, 1);
}

/** The card with the server's answer, in place (same position; `insertItem` re-sorts). */
export function replaceItem<C extends Card, P extends ColumnPage<C>>(
  data: ColumnPages<P> | undefined,
  card: C,
): ColumnPages<P> | undefined {
  if (!data || !findItem<C, P>(data, card.id)) return data;
  return patchPages(data, (p) => ({
    ...p,
    items: p.items.map((c) => (c.id === card.id ? card : c)),
  }));
}
