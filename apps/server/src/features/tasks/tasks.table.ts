import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { branches } from '../branches/branches.table.ts';
import { contacts } from '../contacts/contacts.table.ts';
import { organizations } from '../organizations/organizations.table.ts';
import { taskResults, taskStatuses, taskTemplates } from '../task-settings/task-settings.table.ts';
import { users } from '../users/users.table.ts';

/** T-1: a to-do, a call, a call round (parent of its calls) or an internal task. */
export const tasks = pgTable(
  'tasks',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    type: text({ enum: ['call', 'round', 'client', 'internal'] }).notNull(),
    templateId: uuid()
      .notNull()
      .references(() => taskTemplates.id),
    contactId: uuid().references(() => contacts.id, { onDelete: 'cascade' }),
    assigneeId: uuid().references(() => users.id, { onDelete: 'set null' }),
    creatorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    comment: text().notNull().default(''),
    dueAt: timestamp({ withTimezone: true }),
    remindAt: timestamp({ withTimezone: true }),
    /** Set in the same transaction that writes the reminder notification: fires once. */
    remindedAt: timestamp({ withTimezone: true }),
    statusId: uuid().references(() => taskStatuses.id, { onDelete: 'set null' }),
    takenById: uuid().references(() => users.id, { onDelete: 'set null' }),
    takenAt: timestamp({ withTimezone: true }),
    resultId: uuid().references(() => taskResults.id, { onDelete: 'set null' }),
    resultFields: jsonb().$type<Record<string, string | number>>().notNull().default({}),
    resultComment: text().notNull().default(''),
    completedAt: timestamp({ withTimezone: true }),
    completedById: uuid().references(() => users.id, { onDelete: 'set null' }),
    parentId: uuid().references((): AnyPgColumn => tasks.id, { onDelete: 'cascade' }),
    previousId: uuid().references((): AnyPgColumn => tasks.id, { onDelete: 'set null' }),
    /** How many workflow steps led here: the loop guard stops runaway chains. */
    chainDepth: integer().notNull().default(0),
    branchId: uuid().references(() => branches.id, { onDelete: 'set null' }),
    private: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The board and "my tasks": open tasks by due time.
    index('tasks_open_due_idx')
      .on(t.orgId, t.dueAt, t.id)
      .where(sql`${t.completedAt} is null`),
    index('tasks_open_assignee_idx')
      .on(t.orgId, t.assigneeId, t.dueAt)
      .where(sql`${t.completedAt} is null`),
    index('tasks_unsorted_idx')
      .on(t.orgId, t.createdAt, t.id)
      .where(sql`${t.completedAt} is null and ${t.statusId} is null`),
    index('tasks_done_idx')
      .on(t.orgId, t.completedById, t.completedAt)
      .where(sql`${t.completedAt} is not null`),
    index('tasks_contact_idx').on(t.orgId, t.contactId),
    index('tasks_parent_idx').on(t.parentId),
    // A task's `next` step is found by the task that points back at it.
    index('tasks_previous_idx').on(t.previousId),
    index('tasks_template_idx').on(t.orgId, t.templateId),
    // Only reminders still to fire: a task completed before its reminder leaves the index.
    index('tasks_remind_idx')
      .on(t.remindAt)
      .where(
        sql`${t.remindedAt} is null and ${t.remindAt} is not null and ${t.completedAt} is null`,
      ),
  ],
);
