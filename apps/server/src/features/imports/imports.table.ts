import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ImportRowError } from '@spotter/contracts';
import { organizations } from '../organizations/organizations.table.ts';
import { users } from '../users/users.table.ts';

/** C-14: one uploaded CSV file, its mapping, and the progress of its (dry) run. */
export const imports = pgTable(
  'imports',
  {
    id: uuid().notNull().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    kind: text({ enum: ['person', 'company'] }).notNull(),
    fileName: text().notNull(),
    /** The file itself: kept in the database so any instance can run it. */
    content: text().notNull(),
    status: text({
      // queued: waiting for one of the organization's import slots (dryRun says which run).
      enum: ['uploaded', 'queued', 'validating', 'validated', 'running', 'done', 'failed'],
    }).notNull(),
    headers: jsonb().$type<string[]>().notNull(),
    sample: jsonb().$type<string[][]>().notNull(),
    mapping: jsonb().$type<Record<string, string>>().notNull().default({}),
    duplicateMode: text({ enum: ['skip', 'update', 'create'] })
      .notNull()
      .default('skip'),
    dryRun: boolean().notNull().default(false),
    totalRows: integer().notNull().default(0),
    processedRows: integer().notNull().default(0),
    created: integer().notNull().default(0),
    updated: integer().notNull().default(0),
    skipped: integer().notNull().default(0),
    failed: integer().notNull().default(0),
    errors: jsonb().$type<ImportRowError[]>().notNull().default([]),
    errorCount: integer().notNull().default(0),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('imports_org_created_idx').on(t.orgId, t.createdAt),
    // Migration 0007 narrows SET NULL to the one column: org_id must never be nulled.
    foreignKey({
      name: 'imports_created_by_fk',
      columns: [t.orgId, t.createdBy],
      foreignColumns: [users.orgId, users.id],
    }).onDelete('set null'),
  ],
);
