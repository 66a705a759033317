import { z } from 'zod';
import { idSchema, nameSchema, timestampSchema } from './common.ts';
import { tokenScopeSchema } from './roles.ts';

export const apiTokenSchema = z.object({
  id: idSchema,
  name: z.string(),
  /** The first characters, so staff can tell tokens apart; never the secret. */
  prefix: z.string(),
  createdAt: timestampSchema,
  lastUsedAt: timestampSchema.nullable(),
  createdBy: z.string().nullable(),
  /** What the token may do (decision 0028). */
  scopes: z.array(tokenScopeSchema),
  /** After this moment the token is refused; null: until revoked. */
  expiresAt: timestampSchema.nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const apiTokenCreateSchema = z.strictObject({
  name: nameSchema(80),
  /** At least one; omitted: what every token could do before scopes (TOKEN_PERMISSIONS). */
  scopes: z
    .array(tokenScopeSchema)
    .min(1)
    .max(20)
    .transform((s) => [...new Set(s)])
    .optional(),
  /** A moment in the future, or null/omitted for a token that lasts until revoked. */
  expiresAt: timestampSchema.nullable().optional(),
});
export type ApiTokenCreate = z.input<typeof apiTokenCreateSchema>;

export const apiTokenCreatedSchema = z.object({
  token: apiTokenSchema,
  /** The secret, shown exactly once. */
  secret: z.string(),
});

export const apiTokenListSchema = z.object({ items: z.array(apiTokenSchema) });
