import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';

const dialect = new PgDialect({ casing: 'snake_case' });

/**
 * Runs a statement built with drizzle's `sql` as a NAMED prepared statement: PostgreSQL parses
 * and plans it once per connection and then only binds the values. The name is a hash of the
 * text, so each shape of a dynamic statement (which filters it has) is its own statement and the
 * same shape is never sent under two texts. For hot statements whose shapes are few; the
 * embedded database runs it as an ordinary query.
 */
export async function executeNamed<Row>(db: Db, query: SQL): Promise<Row[]> {
  return executeShaped<Row>(db, null, () => query, {});
}

/** A statement built once per shape, with `sql.placeholder(name)` where each request's values go. */
interface Shaped {
  query: ReturnType<PgDialect['sqlToQuery']>;
  name: string;
}

const shapes = new Map<string, Shaped>();
/** Shapes are few (which filters a request has); the bound only guards against a mistake. */
const MAX_SHAPES = 500;

/**
 * `executeNamed` for the hottest statements: `build()` runs once per `shape` (a key naming
 * everything that changes the text) and is cached with its placeholders; a request only fills
 * in `values`. Building a large statement with drizzle costs more than binding it, so this is
 * where the statement's JavaScript cost goes (decision 0040).
 */
export async function executeShaped<Row>(
  db: Db,
  /** Null: the text holds values of its own (a search), so it is built for this request only. */
  shape: string | null,
  build: () => SQL,
  values: Record<string, unknown>,
): Promise<Row[]> {
  let shaped = shape === null ? undefined : shapes.get(shape);
  if (!shaped) {
    const query = dialect.sqlToQuery(build());
    const name = `q_${createHash('sha1').update(query.sql).digest('hex').slice(0, 20)}`;
    shaped = { query, name };
    if (shape !== null) {
      if (shapes.size >= MAX_SHAPES) shapes.clear();
      shapes.set(shape, shaped);
    }
  }
  const prepared = db._.session.prepareQuery(shaped.query, undefined, shaped.name, false);
  const result = await prepared.execute(values);
  return (result as { rows: Row[] }).rows;
}
