import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { DEAL_SORTS } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { fieldInvalid } from '../../lib/errors.ts';
import { company, dealViewColumns, owner, person } from './deals.repo.ts';
import { dealStages, deals } from './deals.table.ts';

export type DealSort = (typeof DEAL_SORTS)[number];

interface SortSpec {
  /** The expression ordered by (never null: a missing close date sorts last either way). */
  expr: SQL;
  /** The same as exact text, for the cursor. */
  key: SQL;
  /** The cursor's text back as a value of the expression's type. */
  cast: (v: string) => SQL;
}

const micros = (column: SQL | { getSQL(): SQL }) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function specOf(field: string, descending: boolean): SortSpec {
  switch (field) {
    case 'createdAt':
    case 'updatedAt': {
      const column = field === 'createdAt' ? deals.createdAt : deals.updatedAt;
      return { expr: sql`${column}`, key: micros(column), cast: (v) => sql`${v}::timestamptz` };
    }
    case 'expectedCloseDate': {
      const none = descending ? '0001-01-01' : '9999-12-31';
      const expr = sql`coalesce(${deals.expectedCloseDate}, ${none}::date)`;
      return { expr, key: sql`${expr}::text`, cast: (v) => sql`${v}::date` };
    }
    case 'amount':
      return {
        expr: sql`${deals.amount}`,
        key: sql`${deals.amount}::text`,
        cast: (v) => sql`${v}::bigint`,
      };
    default: {
      const expr = sql`lower(${deals.title})`;
      return { expr, key: expr, cast: (v) => sql`${v}::text` };
    }
  }
}

export interface ListCursor {
  key: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const encodeListCursor = (c: ListCursor) =>
  Buffer.from(JSON.stringify([c.key, c.id])).toString('base64url');

export function decodeListCursor(cursor: string): ListCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      parsed[0].length <= 400 &&
      typeof parsed[1] === 'string' &&
      UUID.test(parsed[1])
    ) {
      return { key: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through
  }
  throw fieldInvalid('cursor', 'invalid', 'This cursor is not valid; load the list again');
}

/** One page of deals in `sort` order after `cursor`, each with its names and cursor key. */
export function listDealPage(
  db: Db,
  orgId: string,
  where: SQL,
  sort: DealSort,
  limit: number,
  cursor?: ListCursor,
) {
  const descending = sort.startsWith('-');
  const spec = specOf(descending ? sort.slice(1) : sort, descending);
  const keyset = cursor
    ? descending
      ? sql`(${spec.expr}, ${deals.id}) < (${spec.cast(cursor.key)}, ${cursor.id}::uuid)`
      : sql`(${spec.expr}, ${deals.id}) > (${spec.cast(cursor.key)}, ${cursor.id}::uuid)`
    : undefined;
  const dir = descending ? desc : asc;
  return db
    .select({ ...dealViewColumns, cursorKey: sql<string>`${spec.key}` })
    .from(deals)
    .innerJoin(dealStages, and(eq(dealStages.orgId, deals.orgId), eq(dealStages.id, deals.stageId)))
    .leftJoin(person, and(eq(person.orgId, deals.orgId), eq(person.id, deals.personId)))
    .leftJoin(company, and(eq(company.orgId, deals.orgId), eq(company.id, deals.companyId)))
    .leftJoin(owner, and(eq(owner.orgId, deals.orgId), eq(owner.id, deals.ownerId)))
    .where(and(eq(deals.orgId, orgId), where, keyset))
    .orderBy(dir(spec.expr), dir(deals.id))
    .limit(limit);
}
