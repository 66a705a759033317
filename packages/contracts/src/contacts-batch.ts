import { z } from 'zod';
import { idSchema } from './common.ts';
import { errorSchema } from './errors.ts';

// ---------------------------------------------------------------- batch create/upsert (issue 11)

/** The most persons one batch request may carry. */
export const PERSON_BATCH_MAX = 500;

export const PERSON_BATCH_MODES = ['create', 'upsert'] as const;

/**
 * Many persons in one request, for integrations. Each item is checked on its own with
 * `personCreateSchema` (the body of `POST /api/persons`), so one wrong item fails alone.
 * Items are matched to live persons, and to earlier items, by phone and email like the import.
 * `create`: a match is left as it is (`unchanged`, with its id); `upsert`: the given fields are
 * written over the match (phones, emails, tags, categories and products are added to).
 */
export const personBatchBody = <T extends z.ZodType>(item: T) =>
  z.strictObject({
    mode: z.enum(PERSON_BATCH_MODES).default('create'),
    items: z
      .array(item)
      .min(1)
      .max(
        PERSON_BATCH_MAX,
        `At most ${PERSON_BATCH_MAX} persons per request; send the rest in another`,
      ),
  });
/** `personBatchBody` with each item unchecked here (the server documents it as a create). */
export const personBatchBodySchema = personBatchBody(z.unknown());
export type PersonBatchBody = z.input<typeof personBatchBodySchema>;

export const PERSON_BATCH_STATUSES = ['created', 'updated', 'unchanged', 'failed'] as const;
export type PersonBatchStatus = (typeof PERSON_BATCH_STATUSES)[number];

export const personBatchItemResultSchema = z.object({
  /** The item's position in the request, from 0. */
  index: z.number().int().nonnegative(),
  status: z.enum(PERSON_BATCH_STATUSES),
  /** The person created, matched or updated (not for `failed`). */
  id: idSchema.optional(),
  /** Why the item failed, as a 400 answer of `POST /api/persons` would say it. */
  error: errorSchema.optional(),
});
export type PersonBatchItemResult = z.infer<typeof personBatchItemResultSchema>;

/** One result per item, in the request's order, and how many ended each way. */
export const personBatchResultSchema = z.object({
  items: z.array(personBatchItemResultSchema),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  failed: z.number().int(),
});
export type PersonBatchResult = z.infer<typeof personBatchResultSchema>;
