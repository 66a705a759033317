import { z } from 'zod';
import { idSchema, nameSchema } from './common.ts';
import { colorSchema } from './contact-settings.ts';

/**
 * Pipelines, their stages, lost reasons and deal types (S-2, seed 001). Read with
 * `deals.read`; changed with `settings.manage`. An entry deals use is archived, not deleted
 * (a DELETE answers `{ archived: true }` then).
 *
 * Routes:
 * - GET    /api/pipelines                          ?includeArchived → pipelineListSchema
 * - POST   /api/pipelines                          pipelineCreateSchema → pipelineSchema
 * - PATCH  /api/pipelines/:id                      pipelineUpdateSchema → pipelineSchema
 * - DELETE /api/pipelines/:id                      → archiveResultSchema
 * - POST   /api/pipelines/:id/stages               stageCreateSchema → pipelineSchema
 * - PATCH  /api/pipelines/:id/stages/:stageId      stageUpdateSchema → pipelineSchema
 * - DELETE /api/pipelines/:id/stages/:stageId      → archiveResultSchema
 * - PUT    /api/pipelines/:id/stage-order          stageOrderSchema → pipelineSchema
 * - GET    /api/deal-lists/:kind                   ?includeArchived → dealListItemListSchema
 * - POST   /api/deal-lists/:kind                   dealListItemCreateSchema → dealListItemSchema
 * - PATCH  /api/deal-lists/:kind/:id               dealListItemUpdateSchema → dealListItemSchema
 * - DELETE /api/deal-lists/:kind/:id               → archiveResultSchema
 */

// ---------------------------------------------------------------- stages

/** Where a deal in the stage stands: still being worked, won, or lost (asks for a reason). */
export const STAGE_STATES = ['open', 'won', 'lost'] as const;
export const stageStateSchema = z.enum(STAGE_STATES);
export type StageState = z.infer<typeof stageStateSchema>;

const probabilitySchema = z.number().int().min(0).max(100);

export const stageSchema = z.object({
  id: idSchema,
  pipelineId: idSchema,
  name: z.string(),
  /** Percent, 0–100: a deal's weighted value is amount × probability / 100. */
  probability: z.number().int(),
  state: stageStateSchema,
  color: z.string(),
  position: z.number().int(),
  archived: z.boolean(),
});
export type Stage = z.infer<typeof stageSchema>;

export const stageCreateSchema = z.strictObject({
  name: nameSchema(60),
  /** Omitted: 100 for won, 0 for lost, 50 for open. */
  probability: probabilitySchema.optional(),
  state: stageStateSchema.default('open'),
  color: colorSchema.default('#228be6'),
  /** Omitted: the last place. */
  position: z.number().int().min(0).max(10_000).optional(),
});
export type StageCreate = z.input<typeof stageCreateSchema>;

export const stageUpdateSchema = z.strictObject({
  name: nameSchema(60).optional(),
  probability: probabilitySchema.optional(),
  state: stageStateSchema.optional(),
  color: colorSchema.optional(),
  archived: z.boolean().optional(),
});
export type StageUpdate = z.input<typeof stageUpdateSchema>;

/** The pipeline's stages in their new order: every non-archived stage id, once. */
export const stageOrderSchema = z.strictObject({
  stageIds: z.array(idSchema).min(1).max(50),
  version: z.number().int(),
});
export type StageOrder = z.input<typeof stageOrderSchema>;

export const stageParamsSchema = z.strictObject({ id: idSchema, stageId: idSchema });

// ---------------------------------------------------------------- pipelines

export const pipelineSchema = z.object({
  id: idSchema,
  name: z.string(),
  position: z.number().int(),
  archived: z.boolean(),
  /** A won deal of this pipeline gives its person this status (a Customer); null: no change. */
  wonStatusId: idSchema.nullable(),
  /** Ordered by position; archived stages only with `includeArchived`. */
  stages: z.array(stageSchema),
  version: z.number().int(),
});
export type Pipeline = z.infer<typeof pipelineSchema>;

export const pipelineCreateSchema = z.strictObject({
  name: nameSchema(60),
  wonStatusId: idSchema.nullable().default(null),
  position: z.number().int().min(0).max(10_000).optional(),
  /** Omitted: the organization's default stages in its language. */
  stages: z.array(stageCreateSchema).min(1).max(50).optional(),
});
export type PipelineCreate = z.input<typeof pipelineCreateSchema>;

export const pipelineUpdateSchema = z.strictObject({
  name: nameSchema(60).optional(),
  wonStatusId: idSchema.nullable().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
  archived: z.boolean().optional(),
  version: z.number().int(),
});
export type PipelineUpdate = z.input<typeof pipelineUpdateSchema>;

export const includeArchivedQuerySchema = z.strictObject({
  includeArchived: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

export const pipelineListSchema = z.object({ items: z.array(pipelineSchema) });

/** DELETE of a pipeline, stage or list entry: removed when unused, archived when deals use it. */
export const archiveResultSchema = z.object({ archived: z.boolean() });

// ---------------------------------------------------------------- lost reasons and deal types

/** `lost-reasons`: why a deal was lost (price, went to a competitor …); `types`: new sale, upsell … */
export const DEAL_LIST_KINDS = ['lost-reasons', 'types'] as const;
export const dealListKindSchema = z.enum(DEAL_LIST_KINDS);
export type DealListKind = z.infer<typeof dealListKindSchema>;

export const dealListItemSchema = z.object({
  id: idSchema,
  name: z.string(),
  position: z.number().int(),
  archived: z.boolean(),
});
export type DealListItem = z.infer<typeof dealListItemSchema>;

export const dealListItemCreateSchema = z.strictObject({
  name: nameSchema(60),
  position: z.number().int().min(0).max(10_000).optional(),
});
export const dealListItemUpdateSchema = z.strictObject({
  name: nameSchema(60).optional(),
  position: z.number().int().min(0).max(10_000).optional(),
  archived: z.boolean().optional(),
});
export const dealListKindParamsSchema = z.strictObject({ kind: dealListKindSchema });
export const dealListItemParamsSchema = z.strictObject({ kind: dealListKindSchema, id: idSchema });
export const dealListItemListSchema = z.object({ items: z.array(dealListItemSchema) });
