/**
 * The SQL floor of a benchmark on PostgreSQL: the statement the app sends for a request,
 * captured, then replayed alone by 10 pg clients as a prepared statement.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import type { Database } from '../apps/server/src/db/client.ts';
import { summarize } from './load.ts';

/** The statements the app sends to PostgreSQL while `during` runs (text and values). */
export async function capture(during: () => Promise<unknown>) {
  const seen: Array<{ text: string; values: unknown[] }> = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown];
    if (typeof first === 'string') seen.push({ text: first, values: (second as unknown[]) ?? [] });
    else if (first && typeof first === 'object')
      seen.push({ text: first.text, values: first.values ?? (second as unknown[]) ?? [] });
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await during();
  } finally {
    pg.Client.prototype.query = query;
  }
  return seen;
}

/** The URL of the fresh database support.ts made on the BENCH_DATABASE_URL server. */
export async function databaseUrlOf(database: Database) {
  const result = await database.db.execute(sql`select current_database() as name`);
  const url = new URL(
    process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  );
  url.pathname = `/${(result as unknown as { rows: Array<{ name: string }> }).rows[0]!.name}`;
  return url.toString();
}

/** A statement replayed by `connections` clients, each as a named prepared statement (the floor). */
export async function sqlAtTen(
  url: string,
  statement: { text: string; values: unknown[] },
  opts: { connections: number; seconds: number },
) {
  const pool = new pg.Pool({ connectionString: url, max: opts.connections });
  const until = Date.now() + opts.seconds * 1000;
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: opts.connections }, async () => {
      const client = await pool.connect();
      try {
        while (Date.now() < until) {
          const t0 = performance.now();
          await client.query({
            name: 'bench_statement',
            text: statement.text,
            values: statement.values,
          });
          times.push(performance.now() - t0);
        }
      } finally {
        client.release();
      }
    }),
  );
  await pool.end();
  return summarize(times, opts.seconds);
}
