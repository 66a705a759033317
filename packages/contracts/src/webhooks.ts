import { z } from 'zod';
import { idSchema, timestampSchema } from './common.ts';

/**
 * What Spotter tells other systems through outbound webhooks (PRODUCT A-4, decision 0027).
 * Every delivery's `data` is the object as the API returns it (a person as GET
 * /api/persons/:id answers, a task as GET /api/tasks/:id …); `*.deleted` carries the object
 * as it was when it went to the trash.
 */
export const WEBHOOK_EVENT_TYPES = [
  'person.created',
  'person.updated',
  'person.deleted',
  'company.created',
  'company.updated',
  'company.deleted',
  'task.created',
  'task.completed',
  'task.result_recorded',
  'lead_form.submitted',
  /** A deal (S-1) as GET /api/deals/:id returns it; `stage_changed` also for won and lost. */
  'deal.created',
  'deal.updated',
  'deal.stage_changed',
  'deal.deleted',
] as const;
export const webhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof webhookEventTypeSchema>;

/** Sent by "Send test" only, to the one endpoint; no endpoint subscribes to it. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

/** An absolute http(s) URL; whether its host may be reached is checked at send time. */
export const webhookUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .pipe(
    z.url({
      protocol: /^https?$/,
      message: 'Enter an http:// or https:// address without a user name',
    }),
  )
  .refine((v) => !/^https?:\/\/[^/?#]*@/i.test(v), {
    message: 'Enter an http:// or https:// address without a user name',
  });

export const webhookEndpointSchema = z.object({
  id: idSchema,
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(webhookEventTypeSchema),
  enabled: z.boolean(),
  /** Why it was switched off by Spotter ('failing'), or null. */
  disabledReason: z.string().nullable(),
  /** Since when every delivery has failed; null while it answers. */
  failingSince: timestampSchema.nullable(),
  createdAt: timestampSchema,
  version: z.number().int(),
});
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;

export const webhookEndpointListSchema = z.object({ items: z.array(webhookEndpointSchema) });

export const webhookEndpointCreateSchema = z.strictObject({
  url: webhookUrlSchema,
  description: z.string().trim().max(200).default(''),
  eventTypes: z
    .array(webhookEventTypeSchema)
    .min(1, { message: 'Choose at least one event' })
    .max(WEBHOOK_EVENT_TYPES.length)
    .transform((s) => [...new Set(s)]),
});
export type WebhookEndpointCreate = z.input<typeof webhookEndpointCreateSchema>;

export const webhookEndpointUpdateSchema = z.strictObject({
  url: webhookUrlSchema.optional(),
  description: z.string().trim().max(200).optional(),
  eventTypes: z
    .array(webhookEventTypeSchema)
    .min(1, { message: 'Choose at least one event' })
    .max(WEBHOOK_EVENT_TYPES.length)
    .transform((s) => [...new Set(s)])
    .optional(),
  enabled: z.boolean().optional(),
  version: z.number().int(),
});
export type WebhookEndpointUpdate = z.input<typeof webhookEndpointUpdateSchema>;

/** The endpoint with its signing secret: only in the answer that made or rotated it. */
export const webhookEndpointWithSecretSchema = z.object({
  endpoint: webhookEndpointSchema,
  /** `whsec_…` (Standard Webhooks); shown once. */
  secret: z.string(),
});

export const WEBHOOK_ATTEMPT_OUTCOMES = ['succeeded', 'failed', 'refused'] as const;

/** One try to deliver one event to one endpoint (the delivery log). */
export const webhookAttemptSchema = z.object({
  id: idSchema,
  deliveryId: idSchema,
  /** `webhook-id`: the same for every try of one event (receivers de-duplicate by it). */
  messageId: z.string(),
  eventType: z.string(),
  at: timestampSchema,
  outcome: z.enum(WEBHOOK_ATTEMPT_OUTCOMES),
  /** The receiver's HTTP status; null when none came (timeout, refused address …). */
  status: z.number().int().nullable(),
  durationMs: z.number().int(),
  /** What went wrong, in words, when no status explains it. */
  error: z.string().nullable(),
  /** The start of the receiver's answer (at most 1 kB of text). */
  responseExcerpt: z.string(),
  attempt: z.number().int(),
});
export type WebhookAttempt = z.infer<typeof webhookAttemptSchema>;

export const webhookAttemptListQuerySchema = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const webhookAttemptListSchema = z.object({
  items: z.array(webhookAttemptSchema),
  nextCursor: z.string().nullable(),
});

export const webhookDeliveryQueuedSchema = z.object({ deliveryId: idSchema });
