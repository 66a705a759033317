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
  const built = dialect.sqlToQuery(query);
  const name = `q_${createHash('sha1').update(built.sql).digest('hex').slice(0, 20)}`;
  const result = await db._.session.prepareQuery(built, undefined, name, false).execute();
  return (result as { rows: Row[] }).rows;
}
