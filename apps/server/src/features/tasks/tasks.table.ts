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
  uuid,
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
    id: uuid().notNull().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    type: text({ enum: ['call', 'round', 'client', 'internal'] }).notNull(),
    templateId: uuid().notNull(),
    contactId: uuid(),
    assigneeId: uuid(),
    creatorId: uuid(),
    comment: text().notNull().default(''),
    dueAt: timestamp({ withTimezone: true }),
    remindAt: timestamp({ withTimezone: true }),
    /** Set in the same transaction that writes the reminder notification: fires once. */
    remindedAt: timestamp({ withTimezone: true }),
    statusId: uuid(),
    takenById: uuid(),
    takenAt: timestamp({ withTimezone: true }),
    resultId: uuid(),
    resultFields: jsonb().$type<Record<string, string | number>>().notNull().default({}),
    resultComment: text().notNull().default(''),
    completedAt: timestamp({ withTimezone: true }),
    completedById: uuid(),
    parentId: uuid(),
    previousId: uuid(),
    /** How many workflow steps led here: the loop guard stops runaway chains. */
    chainDepth: integer().notNull().default(0),
    branchId: uuid(),
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
    // Counting open tasks due before a moment (the home page's and the reports' overdue) reads
    // only this index: every column the visibility rule checks is in it, so no row is fetched
    // (84 ms → 4 ms for 13,600 overdue of 1,000,000 tasks). The status is in it for the board's
    // six counts, which then read no task row either.
    index('tasks_open_due_visible_idx')
      .on(
        t.orgId,
        t.dueAt,
        t.type,
        t.private,
        t.contactId,
        t.assigneeId,
        t.creatorId,
        t.branchId,
        t.templateId,
        t.statusId,
      )
      .where(sql`${t.completedAt} is null`),
    // Who has an open private task: the board reads private tasks only for them (decision
    // 0044). Private to-dos are few, so this index is small and the look costs nothing.
    index('tasks_open_private_idx')
      .on(t.orgId, t.creatorId, t.assigneeId)
      .where(sql`${t.completedAt} is null and ${t.private}`),
    index('tasks_open_assignee_idx')
      .on(t.orgId, t.assigneeId, t.dueAt)
      .where(sql`${t.completedAt} is null`),
    index('tasks_unsorted_idx')
      .on(t.orgId, t.createdAt, t.id)
      .where(sql`${t.completedAt} is null and ${t.statusId} is null`),
    index('tasks_done_idx')
      .on(t.orgId, t.completedById, t.completedAt)
      .where(sql`${t.completedAt} is not null`),
    // Reports count tasks created and completed in a period of the organization's calendar,
    // by staff member, template, result or branch. Each index holds every column those counts
    // and the visibility rule read, so a period is counted from the index alone (the CRM
    // report over a month of 1,000,000 tasks: 400 ms to 105 ms; over a year 3.5 s to 0.55 s).
    index('tasks_org_created_idx').on(
      t.orgId,
      t.createdAt,
      t.type,
      t.assigneeId,
      t.templateId,
      t.resultId,
      t.branchId,
      t.contactId,
      t.creatorId,
      t.private,
      t.completedAt,
    ),
    index('tasks_org_completed_idx')
      .on(
        t.orgId,
        t.completedAt,
        t.type,
        t.assigneeId,
        t.templateId,
        t.resultId,
        t.branchId,
        t.contactId,
        t.creatorId,
        t.private,
      )
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
    primaryKey({ columns: [t.orgId, t.id] }),
    // Every reference stays inside the organization. The migration narrows each SET NULL to
    // the one column (`SET NULL (assignee_id)`): drizzle cannot say so, and org_id must stay.
    foreignKey({
      name: 'tasks_template_id_fk',
      columns: [t.orgId, t.templateId],
      foreignColumns: [taskTemplates.orgId, taskTemplates.id],
    }),
    foreignKey({
      name: 'tasks_contact_id_fk',
      columns: [t.orgId, t.contactId],
      foreignColumns: [contacts.orgId, contacts.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'tasks_assignee_id_fk',
      columns: [t.orgId, t.assigneeId],
      foreignColumns: [users.orgId, users.id],
    }).onDelete('set null'),
    foreignKey({
      name: 'tasks_creator_id_fk',
      columns: [t.orgId, t.creatorId],
      foreignColumns: [users.orgId, users.id],
    }).onDelete('set null'),
    foreignKey({
      name: 'tasks_status_id_fk',
      columns: [t.orgId, t.statusId],
      foreignColumns: [taskStatuses.orgId, taskStatuses.id],
    }).onDelete('set null'),
    foreignKey({
      name: 'tasks_taken_by_id_fk',
      columns: [t.orgId, t.takenById],
      foreignColumns: [users.orgId, users.id],
    }).onDelete('set null'),
    foreignKey({
      name: 'tasks_result_id_fk',
      columns: [t.orgId, t.resultId],
      foreignColumns: [taskResults.orgId, taskResults.id],
    }).onDelete('set null'),
    foreignKey({
      name: 'tasks_completed_by_id_fk',
      columns: [t.orgId, t.completedById],
      foreignColumns: [users.orgId, users.id],
    }).onDelete('set null'),
    foreignKey({
      name: 'tasks_parent_id_fk',
      columns: [t.orgId, t.parentId],
      foreignColumns: [t.orgId, t.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'tasks_previous_id_fk',
      columns: [t.orgId, t.previousId],
      foreignColumns: [t.orgId, t.id],
    }).onDelete('set null'),
    foreignKey({
      name: 'tasks_branch_id_fk',
      columns: [t.orgId, t.branchId],
      foreignColumns: [branches.orgId, branches.id],
    }).onDelete('set null'),
  ],
);

/**
 * The undo of a deletion (issue 10): the deleted task's rows (a round's calls with it) as they
 * were, so "Undo" puts back exactly that. Kept for a day, for the one who deleted them; a
 * deletion purges the organization's older ones.
 */
export const deletedTasks = pgTable(
  'deleted_tasks',
  {
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** The deleted task's id (a round's, for a round and its calls). */
    id: uuid().notNull(),
    /** `to_jsonb` of every deleted row, as `jsonb_populate_recordset` reads them back. */
    rows: jsonb().notNull(),
    /** The tasks whose `previousId` pointed at a deleted one (set to null by the delete). */
    nextIds: jsonb().$type<Array<{ id: string; previousId: string }>>().notNull().default([]),
    deletedBy: uuid(),
    deletedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('deleted_tasks_org_deleted_idx').on(t.orgId, t.deletedAt),
  ],
);
