import { z } from 'zod';
import { idSchema, nameSchema, timestampSchema } from './common.ts';
import { refSchema } from './contacts.ts';
import { stageStateSchema } from './pipelines.ts';
import { taskSchema } from './tasks.ts';

/**
 * Deals (opportunities, S-1) and the pipeline board (S-4). Read with `deals.read`, written with
 * `deals.write`.
 *
 * Money: `amount` is an integer in the minor unit of the deal's `currency` (öre, cents, grosz:
 * the ISO 4217 exponent that `Intl.NumberFormat(…, { style: 'currency' })` uses), so 1 250,00
 * SEK is 125000. Sums are the same unit; a weighted sum is rounded to a whole minor unit.
 * The currency is the organization's when the deal is created.
 *
 * Routes:
 * - GET    /api/deals                 dealListQuerySchema → dealListSchema (a person's or a
 *                                     company's deals: `personId` / `companyId`, `state=all`)
 * - GET    /api/deals/export          dealExportQuerySchema → text/csv
 * - GET    /api/deals/board           dealBoardQuerySchema → dealBoardSchema
 * - POST   /api/deals                 dealCreateSchema → dealSchema (201)
 * - POST   /api/deals/bulk            dealBulkSchema → dealBulkResultSchema
 * - GET    /api/deals/:id             → dealSchema
 * - PATCH  /api/deals/:id             dealUpdateSchema → dealSchema
 * - DELETE /api/deals/:id             → okSchema
 * - POST   /api/deals/:id/move        dealMoveSchema → dealSchema
 * - GET    /api/deals/:id/history     dealHistoryQuerySchema → dealHistoryPageSchema
 * - GET    /api/deals/:id/tasks       → dealTaskListSchema (the deal's tasks, open first)
 * - POST   /api/deals/:id/tasks       dealTaskLinkSchema → dealTaskListSchema
 * - DELETE /api/deals/:id/tasks/:taskId → dealTaskListSchema
 *
 * A stale `version` answers 409 `version_conflict`. Moving (or saving) a deal into a lost stage
 * without `lostReasonId` answers 400 `validation` with the field `lostReasonId` (`required`).
 */

/** Integer minor units (see above); at most 10^11, so a column's sum stays exact in JSON. */
export const amountSchema = z.number().int().min(0).max(100_000_000_000);

const dateSchema = z.iso.date();

export const dealSchema = z.object({
  id: idSchema,
  title: z.string(),
  /** One of person and company is always set (both may be). */
  personId: idSchema.nullable(),
  companyId: idSchema.nullable(),
  amount: z.number().int(),
  currency: z.string(),
  /** YYYY-MM-DD in the organization's calendar. */
  expectedCloseDate: dateSchema.nullable(),
  ownerId: idSchema.nullable(),
  groupId: idSchema.nullable(),
  branchId: idSchema.nullable(),
  typeId: idSchema.nullable(),
  pipelineId: idSchema,
  stageId: idSchema,
  /** The stage's state, so a card knows it is won or lost without the pipeline. */
  state: stageStateSchema,
  /** The probability in effect: the override, else the stage's. */
  probability: z.number().int(),
  /** Set when someone gave this deal its own probability; null follows the stage. */
  probabilityOverride: z.number().int().nullable(),
  /** A contact source (the `sources` list of the contact settings). */
  sourceId: idSchema.nullable(),
  /** Products of interest (the `products` list of the contact settings). */
  productIds: z.array(idSchema),
  lostReasonId: idSchema.nullable(),
  lostComment: z.string(),
  /** When it was won or lost; null while open (reopening clears it). */
  closedAt: timestampSchema.nullable(),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  // Display fields for cards and lists.
  person: refSchema.nullable(),
  company: refSchema.nullable(),
  owner: refSchema.nullable(),
});
export type Deal = z.infer<typeof dealSchema>;

/** A board card: the deal without what only its page shows. */
export const dealCardSchema = dealSchema.pick({
  id: true,
  title: true,
  personId: true,
  companyId: true,
  person: true,
  company: true,
  amount: true,
  currency: true,
  expectedCloseDate: true,
  ownerId: true,
  owner: true,
  groupId: true,
  typeId: true,
  stageId: true,
  state: true,
  probability: true,
  closedAt: true,
  version: true,
  updatedAt: true,
});
export type DealCard = z.infer<typeof dealCardSchema>;

const probabilityOverrideSchema = z.number().int().min(0).max(100).nullable();
const lostCommentSchema = z.string().trim().max(2000);

export const dealCreateSchema = z
  .strictObject({
    title: nameSchema(200),
    personId: idSchema.nullable().default(null),
    companyId: idSchema.nullable().default(null),
    amount: amountSchema.default(0),
    expectedCloseDate: dateSchema.nullable().default(null),
    /** Omitted: the creator. */
    ownerId: idSchema.nullable().optional(),
    groupId: idSchema.nullable().default(null),
    branchId: idSchema.nullable().default(null),
    typeId: idSchema.nullable().default(null),
    /** Omitted: the first pipeline. */
    pipelineId: idSchema.optional(),
    /** Omitted: the pipeline's first open stage. */
    stageId: idSchema.optional(),
    probabilityOverride: probabilityOverrideSchema.default(null),
    sourceId: idSchema.nullable().default(null),
    productIds: z.array(idSchema).max(50).default([]),
    /** Required when the stage is a lost one. */
    lostReasonId: idSchema.nullable().default(null),
    lostComment: lostCommentSchema.default(''),
  })
  .refine((d) => d.personId !== null || d.companyId !== null, {
    message: 'A deal needs a person or a company',
    path: ['personId'],
  });
export type DealCreate = z.input<typeof dealCreateSchema>;

/** Stage changes go through /move (or here with `stageId`, which follows the same rules). */
export const dealUpdateSchema = z.strictObject({
  title: nameSchema(200).optional(),
  personId: idSchema.nullable().optional(),
  companyId: idSchema.nullable().optional(),
  amount: amountSchema.optional(),
  expectedCloseDate: dateSchema.nullable().optional(),
  ownerId: idSchema.nullable().optional(),
  groupId: idSchema.nullable().optional(),
  branchId: idSchema.nullable().optional(),
  typeId: idSchema.nullable().optional(),
  /** Another pipeline: give `stageId` too (one of that pipeline's stages). */
  pipelineId: idSchema.optional(),
  stageId: idSchema.optional(),
  probabilityOverride: probabilityOverrideSchema.optional(),
  sourceId: idSchema.nullable().optional(),
  productIds: z.array(idSchema).max(50).optional(),
  lostReasonId: idSchema.nullable().optional(),
  lostComment: lostCommentSchema.optional(),
  version: z.number().int(),
});
export type DealUpdate = z.input<typeof dealUpdateSchema>;

/**
 * POST /api/deals/:id/move: one drag on the board. A won or lost stage sets `closedAt`; back to
 * an open stage clears it and the lost reason (reopening).
 */
export const dealMoveSchema = z.strictObject({
  stageId: idSchema,
  version: z.number().int(),
  /** Required for a lost stage. */
  lostReasonId: idSchema.nullable().optional(),
  lostComment: lostCommentSchema.optional(),
});
export type DealMove = z.input<typeof dealMoveSchema>;

// ---------------------------------------------------------------- filters, list, board

const idList = z
  .union([idSchema, z.array(idSchema).max(100)])
  .transform((v) => (Array.isArray(v) ? v : [v]));

/** `open`: in an open stage; `won`, `lost`; `all`. */
export const DEAL_STATES = ['open', 'won', 'lost', 'all'] as const;

/** What the board and the list filter by. */
const dealFilterFields = {
  pipelineId: idSchema.optional(),
  /** User ids, or `me`. */
  ownerId: z
    .union([
      z.union([idSchema, z.literal('me')]),
      z.array(z.union([idSchema, z.literal('me')])).max(100),
    ])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional(),
  /** Deals of these groups and their sub-groups. */
  groupId: idList.optional(),
  branchId: idList.optional(),
  typeId: idList.optional(),
  /**
   * YYYY-MM: open deals expected to close in that month; won and lost deals closed in it (the
   * organization's calendar).
   */
  closeMonth: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
  /** Title, person or company name. */
  q: z.string().trim().max(200).optional(),
};

export const DEAL_SORTS = [
  '-updatedAt',
  'updatedAt',
  '-createdAt',
  'createdAt',
  'expectedCloseDate',
  '-expectedCloseDate',
  '-amount',
  'amount',
  'title',
  '-title',
] as const;

export const dealListQuerySchema = z.strictObject({
  ...dealFilterFields,
  stageId: idList.optional(),
  state: z.enum(DEAL_STATES).default('open'),
  personId: idSchema.optional(),
  companyId: idSchema.optional(),
  sort: z.enum(DEAL_SORTS).default('-updatedAt'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The `nextCursor` of a page read with the same filters and sort. */
  cursor: z.string().max(500).optional(),
});
export type DealListQuery = z.output<typeof dealListQuerySchema>;
export type DealListQueryInput = z.input<typeof dealListQuerySchema>;

export const dealListSchema = z.object({
  items: z.array(dealSchema),
  nextCursor: z.string().nullable(),
});
export type DealList = z.infer<typeof dealListSchema>;

export const dealExportQuerySchema = dealListQuerySchema.omit({ limit: true, cursor: true });

/**
 * GET /api/deals/board: every stage of the pipeline (archived ones only while deals are in
 * them). Open stages hold their open deals; won and lost stages the deals closed this month
 * (or in `closeMonth`). Count, sum and weighted sum cover every deal of the column that
 * matches the filters, not just the cards sent. `stageId` + `cursor` read one column's next page.
 */
export const dealBoardQuerySchema = z.strictObject({
  ...dealFilterFields,
  /** Omitted: the first pipeline. */
  pipelineId: idSchema.optional(),
  stageId: idSchema.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type DealBoardQuery = z.output<typeof dealBoardQuerySchema>;
export type DealBoardQueryInput = z.input<typeof dealBoardQuerySchema>;

export const dealBoardColumnSchema = z.object({
  stageId: idSchema,
  state: stageStateSchema,
  count: z.number().int(),
  /** Minor units. */
  sum: z.number().int(),
  /** Σ amount × probability / 100, rounded to a minor unit. */
  weightedSum: z.number().int(),
  cards: z.array(dealCardSchema),
  nextCursor: z.string().nullable(),
});
export type DealBoardColumn = z.infer<typeof dealBoardColumnSchema>;

export const dealBoardSchema = z.object({
  pipelineId: idSchema,
  currency: z.string(),
  columns: z.array(dealBoardColumnSchema),
});
export type DealBoard = z.infer<typeof dealBoardSchema>;

// ---------------------------------------------------------------- bulk

export const dealBulkActionSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('setOwner'), ownerId: idSchema.nullable() }),
  z.strictObject({
    action: z.literal('setStage'),
    stageId: idSchema,
    lostReasonId: idSchema.nullable().optional(),
    lostComment: lostCommentSchema.optional(),
  }),
]);
export const dealBulkSchema = z.strictObject({
  ids: z.array(idSchema).min(1).max(500),
  change: dealBulkActionSchema,
});
export type DealBulk = z.input<typeof dealBulkSchema>;
export const dealBulkResultSchema = z.object({ affected: z.number().int() });

// ---------------------------------------------------------------- history and tasks

export const DEAL_HISTORY_EVENTS = [
  'created',
  'updated',
  'stage_changed',
  'won',
  'lost',
  'reopened',
  'owner_changed',
  'task_linked',
] as const;

export const dealHistoryEntrySchema = z.object({
  id: idSchema,
  event: z.enum(DEAL_HISTORY_EVENTS),
  /**
   * `stage_changed`, `won`, `lost`, `reopened`: `{ fromStageId, toStageId }` (+ `lostReasonId`,
   * `lostComment`); `owner_changed`: `{ from, to }`; `updated`: `{ fields: string[] }`;
   * `task_linked`: `{ taskId }`.
   */
  data: z.record(z.string(), z.unknown()),
  author: refSchema.nullable(),
  createdAt: timestampSchema,
});
export type DealHistoryEntry = z.infer<typeof dealHistoryEntrySchema>;

export const dealHistoryQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(100).optional(),
});
export const dealHistoryPageSchema = z.object({
  items: z.array(dealHistoryEntrySchema),
  nextCursor: z.string().nullable(),
});

/** POST /api/deals/:id/tasks: link an existing task of the deal's person or company. */
export const dealTaskLinkSchema = z.strictObject({ taskId: idSchema });
export const dealTaskParamsSchema = z.strictObject({ id: idSchema, taskId: idSchema });
export const dealTaskListSchema = z.object({ items: z.array(taskSchema) });
export type DealTaskList = z.infer<typeof dealTaskListSchema>;
