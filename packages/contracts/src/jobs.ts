import { z } from 'zod';
import { idSchema, timestampSchema } from './common.ts';

/** A background job's life: waiting (or waiting to retry), being run, finished, given up. */
export const JOB_STATES = ['queued', 'running', 'done', 'failed'] as const;
export const jobStateSchema = z.enum(JOB_STATES);
export type JobState = z.infer<typeof jobStateSchema>;

/** One background job of the organization, as an admin sees it (never its payload). */
export const jobSchema = z.object({
  id: idSchema,
  /** What it does, e.g. `imports.run`; the UI names the kinds it knows. */
  kind: z.string(),
  state: jobStateSchema,
  /** Runs so far, and how many it may have before it is given up. */
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  /** Why the last run failed, if it did. */
  lastError: z.string().nullable(),
  createdAt: timestampSchema,
  /** When it runs (queued), ran last (running, failed) or ran (done). */
  runAt: timestampSchema,
  finishedAt: timestampSchema.nullable(),
});
export type Job = z.infer<typeof jobSchema>;

export const jobListQuerySchema = z.strictObject({
  state: jobStateSchema.default('failed'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(100).optional(),
});
export type JobListQuery = z.input<typeof jobListQuerySchema>;

export const jobListSchema = z.object({
  items: z.array(jobSchema),
  nextCursor: z.string().nullable(),
});
export type JobList = z.infer<typeof jobListSchema>;
