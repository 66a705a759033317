import { z } from 'zod';
import { idSchema, nameSchema, timestampSchema } from './common.ts';

export const branchSchema = z.object({
  id: idSchema,
  name: z.string(),
  archived: z.boolean(),
  createdAt: timestampSchema,
});
export type Branch = z.infer<typeof branchSchema>;

export const branchListQuerySchema = z.strictObject({
  includeArchived: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

export const branchCreateSchema = z.strictObject({ name: nameSchema(120) });
export type BranchCreate = z.input<typeof branchCreateSchema>;

export const branchUpdateSchema = z.strictObject({
  name: nameSchema(120).optional(),
  archived: z.boolean().optional(),
});
export type BranchUpdate = z.input<typeof branchUpdateSchema>;

export const branchListSchema = z.object({ items: z.array(branchSchema) });
