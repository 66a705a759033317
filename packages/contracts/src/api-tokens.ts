import { z } from 'zod';
import { idSchema, nameSchema, timestampSchema } from './common.ts';

export const apiTokenSchema = z.object({
  id: idSchema,
  name: z.string(),
  /** The first characters, so staff can tell tokens apart; never the secret. */
  prefix: z.string(),
  createdAt: timestampSchema,
  lastUsedAt: timestampSchema.nullable(),
  createdBy: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const apiTokenCreateSchema = z.strictObject({ name: nameSchema(80) });
export type ApiTokenCreate = z.input<typeof apiTokenCreateSchema>;

export const apiTokenCreatedSchema = z.object({
  token: apiTokenSchema,
  /** The secret, shown exactly once. */
  secret: z.string(),
});

export const apiTokenListSchema = z.object({ items: z.array(apiTokenSchema) });
