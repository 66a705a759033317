import { sql } from 'drizzle-orm';
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
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { DealOutcome, DictionaryOption, NextStep, ResultField } from '@spotter/contracts';
import { organizations } from '../organizations/organizations.table.ts';
import { users } from '../users/users.table.ts';

export type StoredNextStep = Omit<NextStep, 'fromFieldId'> & { fromFieldId?: string | null };

const orgId = () =>
  uuid()
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' });

/** T-3: task templates ("activities"); one default per type exists from the start. */
export const taskTemplates = pgTable(
  'task_templates',
  {
    id: uuid().notNull().defaultRandom(),
    orgId: orgId(),
    type: text({ enum: ['call', 'round', 'client', 'internal'] }).notNull(),
    name: text().notNull(),
    defaultComment: text().notNull().default(''),
    defaultAssigneeId: uuid(),
    dueOffsetMinutes: integer(),
    color: text().notNull(),
    background: text().notNull(),
    callTemplateId: uuid(),
    position: integer().notNull().default(0),
    isDefault: boolean().notNull().default(false),
    archivedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('task_templates_org_name_unique').on(t.orgId, sql`lower(${t.name})`),
    index('task_templates_org_idx').on(t.orgId, t.position),
    // The migration narrows each SET NULL to the one column: org_id must stay.
    foreignKey({
      name: 'task_templates_default_assignee_id_fk',
      columns: [t.orgId, t.defaultAssigneeId],
      foreignColumns: [users.orgId, users.id],
    }).onDelete('set null'),
    foreignKey({
      name: 'task_templates_call_template_id_fk',
      columns: [t.orgId, t.callTemplateId],
      foreignColumns: [t.orgId, t.id],
    }).onDelete('set null'),
  ],
);

/** T-4/T-5: a template's possible results, their extra fields and the next step. */
export const taskResults = pgTable(
  'task_results',
  {
    id: uuid().notNull().defaultRandom(),
    orgId: orgId(),
    templateId: uuid().notNull(),
    name: text().notNull(),
    color: text().notNull(),
    background: text().notNull(),
    position: integer().notNull().default(0),
    fields: jsonb().$type<ResultField[]>().notNull().default([]),
    // Steps saved before `fromFieldId` existed lack it: read as null (counted from entry).
    next: jsonb().$type<StoredNextStep>(),
    /** What the result does to the task's deal ('won', 'next_stage'); null: nothing. */
    dealOutcome: text().$type<DealOutcome>(),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('task_results_template_name_unique').on(
      t.orgId,
      t.templateId,
      sql`lower(${t.name})`,
    ),
    index('task_results_org_template_idx').on(t.orgId, t.templateId, t.position),
    foreignKey({
      name: 'task_results_template_id_fk',
      columns: [t.orgId, t.templateId],
      foreignColumns: [taskTemplates.orgId, taskTemplates.id],
    }).onDelete('cascade'),
  ],
);

/** T-4: dictionaries for choice fields ("refusal reasons"). */
export const taskDictionaries = pgTable(
  'task_dictionaries',
  {
    id: uuid().notNull().defaultRandom(),
    orgId: orgId(),
    name: text().notNull(),
    options: jsonb().$type<DictionaryOption[]>().notNull().default([]),
    archivedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('task_dictionaries_org_name_unique').on(t.orgId, sql`lower(${t.name})`),
  ],
);

/** T-6: task statuses ("inquiry status"); a task with none is Unsorted on the board. */
export const taskStatuses = pgTable(
  'task_statuses',
  {
    id: uuid().notNull().defaultRandom(),
    orgId: orgId(),
    name: text().notNull(),
    color: text().notNull(),
    background: text().notNull(),
    position: integer().notNull().default(0),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('task_statuses_org_name_unique').on(t.orgId, sql`lower(${t.name})`),
  ],
);
