import type { Column } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';

/**
 * Reads rows of a raw (named) statement into the shape drizzle's select would give, for the
 * hottest list: the columns' decoders are looked up once here, not for every field of every
 * row (drizzle's own mapping checked each field's kind per row, a tenth of a list request's
 * JavaScript time; decision 0040). Values the driver leaves as text (timestamps) go through
 * the column's own `mapFromDriverValue`, as drizzle would.
 */
export function rowReader<T>(columns: Record<string, Column>) {
  // Columns named by their key are written snake_case in SQL (the database's casing setting).
  const fields = Object.entries(columns).map(([key, column]) => ({
    key,
    name: column.keyAsName ? toSnakeCase(column.name) : column.name,
    column,
  }));
  return (raw: Record<string, unknown>): T => {
    const row: Record<string, unknown> = {};
    for (const f of fields) {
      const value = raw[f.name];
      row[f.key] =
        value === null || value === undefined ? null : f.column.mapFromDriverValue(value);
    }
    return row as T;
  };
}
