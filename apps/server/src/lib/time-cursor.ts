import { sql, type AnyColumn } from 'drizzle-orm';
import { fieldInvalid } from './errors.ts';

/**
 * Keyset position of a newest-first list: a timestamp in whole microseconds since 1970 (exact,
 * unlike a JS Date, which keeps only milliseconds) and the row's id to break ties.
 */
export interface TimeCursor {
  /** Digits only: decodeTimeCursor checks it before it reaches SQL. */
  at: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MICROS = /^\d{1,17}$/;

/** Opaque to clients: base64url of `[at, id]`. */
export function encodeTimeCursor(cursor: TimeCursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url');
}

/** A cursor is ours only if it decodes to [microseconds, uuid]; anything else is a 400. */
export function decodeTimeCursor(cursor: string): TimeCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      MICROS.test(parsed[0]) &&
      typeof parsed[1] === 'string' &&
      UUID.test(parsed[1])
    ) {
      return { at: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through
  }
  throw fieldInvalid('cursor', 'invalid', 'Invalid cursor');
}

/** A timestamp column as the cursor's `at`: text, so the digits stay exact whatever the driver does with a bigint. */
export const cursorAtOf = (column: AnyColumn) =>
  sql<string>`(extract(epoch from ${column}) * 1000000)::bigint::text`;

/** The rows after `cursor` in a `(timeColumn desc, idColumn desc)` order. */
export const olderThan = (timeColumn: AnyColumn, idColumn: AnyColumn, cursor: TimeCursor) =>
  sql`(${timeColumn}, ${idColumn}) < (timestamptz 'epoch' + ${cursor.at}::bigint * interval '1 microsecond', ${cursor.id}::uuid)`;

/**
 * One page of a newest-first keyset list: `rows` was read with `limit + 1`, so the extra row
 * says whether another page follows; the cursor points after the last row shown.
 */
export function timeCursorPage<R extends { cursorAt: string; id: string }>(
  rows: R[],
  limit: number,
): { page: R[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    page,
    nextCursor:
      rows.length > limit && last ? encodeTimeCursor({ at: last.cursorAt, id: last.id }) : null,
  };
}
