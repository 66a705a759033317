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
import type {
  ImportProblemSeverity,
  ImportRowError,
  ImportRowErrorCode,
  ImportValueMap,
} from '@spotter/contracts';
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
    warned: integer().notNull().default(0),
    /** The wizard's answers for unknown lookup values (a real run holds no `create` any more). */
    valueMap: jsonb().$type<ImportValueMap>().notNull().default({}),
    skipOnProblem: boolean().notNull().default(false),
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

/**
 * Every problem of an import's latest (dry) run, in the order found: `n` is the keyset the
 * problems page and the CSV download walk, so tens of thousands page at the same cost.
 */
export const importProblems = pgTable(
  'import_problems',
  {
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    importId: uuid().notNull(),
    n: integer().notNull(),
    record: integer().notNull(),
    line: integer().notNull(),
    column: text(),
    severity: text({ enum: ['error', 'warning', 'duplicate'] })
      .$type<ImportProblemSeverity>()
      .notNull(),
    code: text().$type<ImportRowErrorCode>().notNull(),
    message: text().notNull(),
    params: jsonb().$type<Record<string, string>>().notNull().default({}),
    value: text(),
    /** A duplicate's existing contact; no foreign key: the contact may be erased later. */
    matchId: uuid(),
    matchName: text(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.importId, t.n] }),
    foreignKey({
      name: 'import_problems_import_fk',
      columns: [t.orgId, t.importId],
      foreignColumns: [imports.orgId, imports.id],
    }).onDelete('cascade'),
  ],
);
