import { and, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { fieldInvalid } from '../../lib/errors.ts';

/**
 * How a sort key travels in a cursor: as text the database printed, read back with the
 * matching cast. `micros` is a timestamp in whole microseconds (a JS Date keeps only ms).
 */
export type KeyType = 'text' | 'int' | 'numeric' | 'micros' | 'date';

/** One ORDER BY key of a list; every key of a sort runs in the same direction. */
export interface SortKey {
  expr: SQL;
  type: KeyType;
  /** Nullable keys sort their nulls last in both directions. */
  nullable: boolean;
}

/**
 * A position in a sorted list: the sort it was made for, the keys of the row it points at
 * (id last) and which side of that row the page lies on.
 */
export interface ListCursor {
  sort: string;
  before: boolean;
  keys: Array<string | null>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CHECKS: Record<KeyType, (v: string) => boolean> = {
  text: (v) => v.length <= 1000,
  int: (v) => /^-?\d{1,9}$/.test(v),
  numeric: (v) => /^-?\d{1,40}(\.\d{1,40})?$/.test(v),
  micros: (v) => /^-?\d{1,17}$/.test(v),
  date: (v) =>
    /^\d{4}-\d{2}-\d{2}$/.test(v) &&
    !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
    new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
};

/** Opaque to clients: base64url of `[sort, "a"|"b", ...keys]`. */
export function encodeListCursor(cursor: ListCursor): string {
  const payload = [cursor.sort, cursor.before ? 'b' : 'a', ...cursor.keys];
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

const invalid = () => fieldInvalid('cursor', 'invalid', 'Invalid cursor');

/**
 * A cursor is ours only if it was made for this sort and its keys have the types the sort's
 * keys need (the last one an id); anything else is a 400 before it reaches SQL.
 */
export function decodeListCursor(raw: string, sort: string, keys: readonly SortKey[]): ListCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== keys.length + 3) throw invalid();
  const [s, side, ...values] = parsed as unknown[];
  if (s !== sort || (side !== 'a' && side !== 'b')) throw invalid();
  const id = values.at(-1);
  if (typeof id !== 'string' || !UUID.test(id)) throw invalid();
  keys.forEach((key, i) => {
    const v = values[i];
    const ok = v === null ? key.nullable : typeof v === 'string' && CHECKS[key.type](v);
    if (!ok) throw invalid();
  });
  return { sort, before: side === 'b', keys: values as Array<string | null> };
}

/** A key as the text a cursor carries. */
export function keyText(key: SortKey): SQL<string | null> {
  switch (key.type) {
    case 'micros':
      return sql`(extract(epoch from ${key.expr}) * 1000000)::bigint::text`;
    case 'date':
      return sql`to_char(${key.expr}, 'YYYY-MM-DD')`;
    case 'text':
      return sql`${key.expr}`;
    default:
      return sql`(${key.expr})::text`;
  }
}

/** A key's value, or a placeholder for it in a prepared statement. */
export type KeyValue = string | null | Placeholder;

/** A cursor's value as SQL of the key's type. */
function valueOf(type: KeyType, v: string | Placeholder): SQL {
  switch (type) {
    case 'micros':
      return sql`(timestamptz 'epoch' + ${v}::bigint * interval '1 microsecond')`;
    case 'date':
      return sql`${v}::date`;
    case 'int':
      return sql`${v}::int`;
    case 'numeric':
      return sql`${v}::numeric`;
    case 'text':
      return sql`${v}::text`;
  }
}

/**
 * The rows that come after `values` when walking the keys (then `idExpr`) with `gt` (`>` or
 * `<`), nulls at the end of the walk (`nullsLast`) or at its start. Keys that cannot be null
 * compare as one row value, which an index on those columns answers as a range.
 */
export function afterPosition(
  keys: readonly SortKey[],
  idExpr: SQL,
  values: readonly KeyValue[],
  walk: { gt: '>' | '<'; nullsLast: boolean },
): SQL {
  const op = sql.raw(walk.gt);
  const id = values.at(-1)!;
  if (keys.every((k) => !k.nullable)) {
    const left = [...keys.map((k) => k.expr), idExpr];
    const right = [...keys.map((k, i) => valueOf(k.type, values[i]!)), sql`${id}::uuid`];
    return sql`(${sql.join(left, sql`, `)}) ${op} (${sql.join(right, sql`, `)})`;
  }
  // Nulls compare as equal to each other and beyond every value: spell the comparison out.
  let rest: SQL = sql`${idExpr} ${op} ${id}::uuid`;
  for (let i = keys.length - 1; i >= 0; i--) {
    const key = keys[i]!;
    const v = values[i] ?? null;
    const e = key.expr;
    if (v === null) {
      rest = walk.nullsLast
        ? and(sql`${e} is null`, rest)!
        : or(sql`${e} is not null`, and(sql`${e} is null`, rest))!;
      continue;
    }
    const value = valueOf(key.type, v);
    const past = sql`${e} ${op} ${value}`;
    const same = and(sql`${e} = ${value}`, rest)!;
    rest = key.nullable && walk.nullsLast ? or(past, sql`${e} is null`, same)! : or(past, same)!;
  }
  return sql`(${rest})`;
}
