import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
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
import type { DealListKind, StageState } from '@spotter/contracts';
import { branches } from '../branches/branches.table.ts';
import { contactStatuses } from '../contact-settings/contact-settings.table.ts';
import { contacts } from '../contacts/contacts.table.ts';
import { groups } from '../groups/groups.table.ts';
import { organizations } from '../organizations/organizations.table.ts';
import { tasks } from '../tasks/tasks.table.ts';
import { users } from '../users/users.table.ts';

const orgId = () =>
  uuid()
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' });

/** S-2: a sales process (memberships, PT, corporate …) with its ordered stages. */
export const pipelines = pgTable(
  'pipelines',
  {
    id: uuid().notNull().defaultRandom(),
    orgId: orgId(),
    name: text().notNull(),
    position: integer().notNull().default(0),
    /** A won deal gives its person this status (a Customer). */
    wonStatusId: uuid(),
    archivedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('pipelines_org_name_unique').on(t.orgId, sql`lower(${t.name})`),
    foreignKey({
      name: 'pipelines_won_status_fk',
      columns: [t.orgId, t.wonStatusId],
      foreignColumns: [contactStatuses.orgId, contactStatuses.id],
    }),
  ],
);

/** S-2: a stage of a pipeline, with its probability and whether it is open, won or lost. */
export const dealStages = pgTable(
  'deal_stages',
  {
    id: uuid().notNull().defaultRandom(),
    orgId: orgId(),
    pipelineId: uuid().notNull(),
    name: text().notNull(),
    probability: integer().notNull(),
    state: text().$type<StageState>().notNull(),
    color: text().notNull(),
    position: integer().notNull().default(0),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('deal_stages_pipeline_idx').on(t.orgId, t.pipelineId, t.position),
    foreignKey({
      name: 'deal_stages_pipeline_fk',
      columns: [t.orgId, t.pipelineId],
      foreignColumns: [pipelines.orgId, pipelines.id],
    }).onDelete('cascade'),
  ],
);

/** S-2: lost reasons and deal types, two configurable lists of one shape. */
export const dealListItems = pgTable(
  'deal_list_items',
  {
    id: uuid().notNull().defaultRandom(),
    orgId: orgId(),
    kind: text().$type<DealListKind>().notNull(),
    name: text().notNull(),
    position: integer().notNull().default(0),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('deal_list_items_name_unique').on(t.orgId, t.kind, sql`lower(${t.name})`),
  ],
);

/**
 * S-1: an opportunity. `probability` is the one in effect (the override, else the stage's), and
 * `closedAt` is null exactly while the deal is in an open stage: the board's sums read both
 * from the row alone.
 */
export const deals = pgTable(
  'deals',
  {
    id: uuid().notNull().defaultRandom(),
    orgId: orgId(),
    title: text().notNull(),
    personId: uuid(),
    companyId: uuid(),
    /** Minor units of `currency`. */
    amount: bigint({ mode: 'number' }).notNull().default(0),
    currency: text().notNull(),
    expectedCloseDate: date({ mode: 'string' }),
    ownerId: uuid(),
    groupId: uuid(),
    branchId: uuid(),
    typeId: uuid(),
    pipelineId: uuid().notNull(),
    stageId: uuid().notNull(),
    probability: integer().notNull(),
    probabilityOverride: integer(),
    sourceId: uuid(),
    productIds: uuid()
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    lostReasonId: uuid(),
    lostComment: text().notNull().default(''),
    closedAt: timestamp({ withTimezone: true }),
    /**
     * The probability in effect when the deal left its open stages (null while open, or when it
     * was created closed): the forecast counts a closed deal in its month at this (S-3).
     */
    closeProbability: integer(),
    createdById: uuid(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // The board: a column's open deals, newest change first (cards and sums). Ascending keys,
    // read backwards: `order by … desc` is NULLS FIRST, which a DESC NULLS LAST index cannot give.
    index('deals_board_open_idx')
      .on(t.orgId, t.pipelineId, t.stageId, t.updatedAt, t.id)
      .where(sql`${t.closedAt} is null`),
    // The board's won and lost columns: the deals closed in a month.
    index('deals_board_closed_idx')
      .on(t.orgId, t.pipelineId, t.stageId, t.closedAt, t.id)
      .where(sql`${t.closedAt} is not null`),
    // The deals list's default order, and a person's or company's deals.
    index('deals_updated_idx').on(t.orgId, t.updatedAt, t.id),
    index('deals_person_idx').on(t.orgId, t.personId),
    index('deals_company_idx').on(t.orgId, t.companyId),
    index('deals_owner_idx').on(t.orgId, t.ownerId),
    index('deals_group_idx').on(t.orgId, t.groupId),
    // The forecast (S-3): deals by expected close month, and deals closed in a range of months.
    index('deals_expected_close_idx').on(t.orgId, t.expectedCloseDate),
    index('deals_closed_idx')
      .on(t.orgId, t.closedAt)
      .where(sql`${t.closedAt} is not null`),
    foreignKey({
      name: 'deals_person_fk',
      columns: [t.orgId, t.personId],
      foreignColumns: [contacts.orgId, contacts.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'deals_company_fk',
      columns: [t.orgId, t.companyId],
      foreignColumns: [contacts.orgId, contacts.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'deals_owner_fk',
      columns: [t.orgId, t.ownerId],
      foreignColumns: [users.orgId, users.id],
    }),
    foreignKey({
      name: 'deals_created_by_fk',
      columns: [t.orgId, t.createdById],
      foreignColumns: [users.orgId, users.id],
    }),
    foreignKey({
      name: 'deals_group_fk',
      columns: [t.orgId, t.groupId],
      foreignColumns: [groups.orgId, groups.id],
    }),
    foreignKey({
      name: 'deals_branch_fk',
      columns: [t.orgId, t.branchId],
      foreignColumns: [branches.orgId, branches.id],
    }),
    foreignKey({
      name: 'deals_type_fk',
      columns: [t.orgId, t.typeId],
      foreignColumns: [dealListItems.orgId, dealListItems.id],
    }),
    foreignKey({
      name: 'deals_lost_reason_fk',
      columns: [t.orgId, t.lostReasonId],
      foreignColumns: [dealListItems.orgId, dealListItems.id],
    }),
    foreignKey({
      name: 'deals_pipeline_fk',
      columns: [t.orgId, t.pipelineId],
      foreignColumns: [pipelines.orgId, pipelines.id],
    }),
    foreignKey({
      name: 'deals_stage_fk',
      columns: [t.orgId, t.stageId],
      foreignColumns: [dealStages.orgId, dealStages.id],
    }),
  ],
);

/** What happened to a deal (its page's history): created, moved, won, lost, reopened … */
export const dealHistory = pgTable(
  'deal_history',
  {
    id: uuid().notNull().defaultRandom(),
    orgId: orgId(),
    dealId: uuid().notNull(),
    event: text().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    authorId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('deal_history_deal_idx').on(t.orgId, t.dealId, t.createdAt, t.id),
    foreignKey({
      name: 'deal_history_deal_fk',
      columns: [t.orgId, t.dealId],
      foreignColumns: [deals.orgId, deals.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'deal_history_author_fk',
      columns: [t.orgId, t.authorId],
      foreignColumns: [users.orgId, users.id],
    }),
  ],
);

/** Tasks linked to a deal: a task belongs to at most one deal. Owned here, not by tasks. */
export const dealTasks = pgTable(
  'deal_tasks',
  {
    orgId: orgId(),
    taskId: uuid().notNull(),
    dealId: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.taskId] }),
    index('deal_tasks_deal_idx').on(t.orgId, t.dealId),
    foreignKey({
      name: 'deal_tasks_deal_fk',
      columns: [t.orgId, t.dealId],
      foreignColumns: [deals.orgId, deals.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'deal_tasks_task_fk',
      columns: [t.orgId, t.taskId],
      foreignColumns: [tasks.orgId, tasks.id],
    }).onDelete('cascade'),
  ],
);
