import { z } from 'zod';
import { idSchema, nameSchema } from './common.ts';
import { coded } from './errors.ts';
import { colorSchema } from './contact-settings.ts';

// ---------------------------------------------------------------- types (T-2)

/**
 * - `call`: a personal call to one client (seed 004 "Личный звонок клиенту");
 * - `round`: a call round over many clients, one `call` sub-task per client;
 * - `client`: any other task about one person or company;
 * - `internal`: no client; seed 000's "Privat" is an internal task marked private.
 */
export const TASK_TYPES = ['call', 'round', 'client', 'internal'] as const;
export const taskTypeSchema = z.enum(TASK_TYPES);
export type TaskType = z.infer<typeof taskTypeSchema>;

// ---------------------------------------------------------------- dictionaries (T-4)

/** An entry of a configurable dictionary ("refusal reasons" …). Ids are kept when renamed. */
export const dictionaryOptionSchema = z.object({
  id: idSchema,
  name: z.string(),
  archived: z.boolean(),
});
export type DictionaryOption = z.infer<typeof dictionaryOptionSchema>;

export const dictionaryOptionInputSchema = z.strictObject({
  /** Keep the id of an existing option; a new option has none. */
  id: idSchema.optional(),
  name: nameSchema(80),
  archived: z.boolean().default(false),
});

export const dictionarySchema = z.object({
  id: idSchema,
  name: z.string(),
  options: z.array(dictionaryOptionSchema),
  archived: z.boolean(),
  version: z.number().int(),
});
export type Dictionary = z.infer<typeof dictionarySchema>;

export const dictionaryCreateSchema = z.strictObject({
  name: nameSchema(60),
  options: z.array(dictionaryOptionInputSchema).max(200).default([]),
});
export type DictionaryCreate = z.input<typeof dictionaryCreateSchema>;

export const dictionaryUpdateSchema = z.strictObject({
  name: nameSchema(60).optional(),
  options: z.array(dictionaryOptionInputSchema).max(200).optional(),
  archived: z.boolean().optional(),
  version: z.number().int().optional(),
});
export type DictionaryUpdate = z.input<typeof dictionaryUpdateSchema>;

export const dictionaryListSchema = z.object({ items: z.array(dictionarySchema) });

// ---------------------------------------------------------------- statuses (T-6)

export const taskStatusSchema = z.object({
  id: idSchema,
  name: z.string(),
  color: z.string(),
  background: z.string(),
  position: z.number().int(),
  archived: z.boolean(),
});
export type TaskStatus = z.infer<typeof taskStatusSchema>;

export const taskStatusCreateSchema = z.strictObject({
  name: nameSchema(60),
  color: colorSchema.default('#1f2937'),
  background: colorSchema.default('#e5e7eb'),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type TaskStatusCreate = z.input<typeof taskStatusCreateSchema>;

export const taskStatusUpdateSchema = z.strictObject({
  name: nameSchema(60).optional(),
  color: colorSchema.optional(),
  background: colorSchema.optional(),
  position: z.number().int().min(0).max(10_000).optional(),
  archived: z.boolean().optional(),
});
export type TaskStatusUpdate = z.input<typeof taskStatusUpdateSchema>;

export const taskStatusListSchema = z.object({ items: z.array(taskStatusSchema) });

// ---------------------------------------------------------------- results and their fields (T-4)

export const RESULT_FIELD_TYPES = ['date', 'text', 'number', 'choice'] as const;
export const resultFieldTypeSchema = z.enum(RESULT_FIELD_TYPES);
export type ResultFieldType = z.infer<typeof resultFieldTypeSchema>;

/** An extra field a result asks for; `choice` picks an option of a dictionary. */
export const resultFieldSchema = z.object({
  /** Stable key of the field: task result values are stored under it. */
  id: idSchema,
  label: z.string(),
  type: resultFieldTypeSchema,
  required: z.boolean(),
  dictionaryId: idSchema.nullable(),
});
export type ResultField = z.infer<typeof resultFieldSchema>;

export const resultFieldInputSchema = z
  .strictObject({
    id: idSchema.optional(),
    label: nameSchema(80),
    type: resultFieldTypeSchema,
    required: z.boolean().default(false),
    dictionaryId: idSchema.nullable().default(null),
  })
  .refine((f) => f.type !== 'choice' || f.dictionaryId !== null, {
    ...coded('required', 'A choice field needs a dictionary'),
    path: ['dictionaryId'],
  });

// ---------------------------------------------------------------- workflows (T-5)

/**
 * When the next task is due, counted from the moment the result is entered (or from a date the
 * result asks for: `fromFieldId`). Minutes and hours keep the time of day; days and "next
 * working day" land at the start of the club's working day (CRM settings, 10:00 by default).
 */
export const DUE_OFFSET_UNITS = ['minutes', 'hours', 'days', 'next_working_day'] as const;
export const dueOffsetSchema = z.strictObject({
  unit: z.enum(DUE_OFFSET_UNITS),
  /** Ignored for `next_working_day` (Monday–Friday at the start of the working day). */
  amount: z.number().int().min(0).max(1000).default(0),
});
export type DueOffset = z.infer<typeof dueOffsetSchema>;

/** Who gets the next task: who entered the result, the client's responsible, or a named user. */
export const NEXT_ASSIGNEES = ['same', 'responsible', 'user'] as const;

const nextStepFields = {
  templateId: idSchema,
  offset: dueOffsetSchema,
  assignTo: z.enum(NEXT_ASSIGNEES).default('same'),
  userId: idSchema.nullable().default(null),
  /**
   * What the offset is counted from: null, the moment the result is entered; or a date field of
   * this result ("going to buy" → its planned date), taken as that day at the start of the
   * working day. A task completed with that field empty counts from the moment of entry.
   */
  fromFieldId: idSchema.nullable().default(null),
};

const hasNamedUser = (n: { assignTo: string; userId: string | null }) =>
  n.assignTo !== 'user' || n.userId !== null;
const namedUserMissing = () => ({
  ...coded('required', 'Pick the user who gets the next task'),
  path: ['userId'],
});

export const nextStepSchema = z
  .strictObject(nextStepFields)
  .refine(hasNamedUser, namedUserMissing());
export type NextStep = z.infer<typeof nextStepSchema>;

/**
 * A next step as a result is saved. A date field added in the same request has no id yet: name
 * it by its position in the result's fields instead (`fromFieldIndex`).
 */
export const nextStepInputSchema = z
  .strictObject({
    ...nextStepFields,
    fromFieldIndex: z.number().int().min(0).max(19).nullable().default(null),
  })
  .refine(hasNamedUser, namedUserMissing())
  .refine((n) => n.fromFieldId === null || n.fromFieldIndex === null, {
    ...coded('not_allowed', 'Give the field by its id or by its position, not both'),
    path: ['fromFieldIndex'],
  });
export type NextStepInput = z.input<typeof nextStepInputSchema>;

/**
 * What entering a result does to the deal the task is linked to (S-1: "bought" → deal won):
 * `won` moves it to its pipeline's first won stage, `next_stage` to the next open stage.
 * A task without a deal ignores it.
 */
export const DEAL_OUTCOMES = ['won', 'next_stage'] as const;
export const dealOutcomeSchema = z.enum(DEAL_OUTCOMES);
export type DealOutcome = z.infer<typeof dealOutcomeSchema>;

export const taskResultSchema = z.object({
  id: idSchema,
  templateId: idSchema,
  name: z.string(),
  color: z.string(),
  background: z.string(),
  position: z.number().int(),
  archived: z.boolean(),
  fields: z.array(resultFieldSchema),
  next: nextStepSchema.nullable(),
  dealOutcome: dealOutcomeSchema.nullable(),
});
export type TaskResult = z.infer<typeof taskResultSchema>;

export const taskResultCreateSchema = z.strictObject({
  name: nameSchema(80),
  color: colorSchema.default('#1f2937'),
  background: colorSchema.default('#e5e7eb'),
  position: z.number().int().min(0).max(10_000).optional(),
  fields: z.array(resultFieldInputSchema).max(20).default([]),
  next: nextStepInputSchema.nullable().default(null),
  dealOutcome: dealOutcomeSchema.nullable().default(null),
});
export type TaskResultCreate = z.input<typeof taskResultCreateSchema>;

export const taskResultUpdateSchema = z.strictObject({
  name: nameSchema(80).optional(),
  color: colorSchema.optional(),
  background: colorSchema.optional(),
  position: z.number().int().min(0).max(10_000).optional(),
  fields: z.array(resultFieldInputSchema).max(20).optional(),
  next: nextStepInputSchema.nullable().optional(),
  dealOutcome: dealOutcomeSchema.nullable().optional(),
  archived: z.boolean().optional(),
});
export type TaskResultUpdate = z.input<typeof taskResultUpdateSchema>;

// ---------------------------------------------------------------- templates (T-3)

export const taskTemplateSchema = z.object({
  id: idSchema,
  type: taskTypeSchema,
  name: z.string(),
  defaultComment: z.string(),
  defaultAssigneeId: idSchema.nullable(),
  /** Minutes from creation to the due time; null: the creator picks it. */
  dueOffsetMinutes: z.number().int().nullable(),
  color: z.string(),
  background: z.string(),
  /** A round's sub-tasks use this call template (and its results). */
  callTemplateId: idSchema.nullable(),
  position: z.number().int(),
  archived: z.boolean(),
  /** One default per type exists and cannot be deleted. */
  isDefault: z.boolean(),
  results: z.array(taskResultSchema),
  version: z.number().int(),
});
export type TaskTemplate = z.infer<typeof taskTemplateSchema>;

const templateFields = {
  name: nameSchema(80),
  defaultComment: z.string().trim().max(2000).default(''),
  defaultAssigneeId: idSchema.nullable().default(null),
  dueOffsetMinutes: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 366)
    .nullable()
    .default(null),
  color: colorSchema.default('#1f2937'),
  background: colorSchema.default('#e5e7eb'),
  callTemplateId: idSchema.nullable().default(null),
  position: z.number().int().min(0).max(10_000).optional(),
};

export const taskTemplateCreateSchema = z.strictObject({ type: taskTypeSchema, ...templateFields });
export type TaskTemplateCreate = z.input<typeof taskTemplateCreateSchema>;

export const taskTemplateUpdateSchema = z.strictObject({
  name: templateFields.name.optional(),
  defaultComment: z.string().trim().max(2000).optional(),
  defaultAssigneeId: idSchema.nullable().optional(),
  dueOffsetMinutes: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 366)
    .nullable()
    .optional(),
  color: colorSchema.optional(),
  background: colorSchema.optional(),
  callTemplateId: idSchema.nullable().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
  archived: z.boolean().optional(),
  version: z.number().int().optional(),
});
export type TaskTemplateUpdate = z.input<typeof taskTemplateUpdateSchema>;

export const taskTemplateListQuerySchema = z.strictObject({
  includeArchived: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
export const taskTemplateListSchema = z.object({ items: z.array(taskTemplateSchema) });

/** DELETE of a template: removed when unused, archived when tasks use it (T-3). */
export const templateDeleteResultSchema = z.object({ archived: z.boolean() });
export const templateResultParamsSchema = z.strictObject({ id: idSchema, resultId: idSchema });
