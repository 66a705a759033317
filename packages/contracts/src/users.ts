import { z } from 'zod';
import { emailSchema, idSchema, localeSchema, nameSchema, timestampSchema } from './common.ts';
import { roleSchema } from './roles.ts';

export const userSchema = z.object({
  id: idSchema,
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  active: z.boolean(),
  locale: localeSchema.nullable(),
  /** Empty: the user works in every branch. */
  branchIds: z.array(idSchema),
  mustChangePassword: z.boolean(),
  createdAt: timestampSchema,
});
export type User = z.infer<typeof userSchema>;

export const userListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const userListSchema = z.object({ items: z.array(userSchema), total: z.number().int() });

const branchIdsSchema = z.array(idSchema).max(500);

export const userCreateSchema = z.strictObject({
  name: nameSchema(120),
  email: emailSchema,
  role: roleSchema,
  locale: localeSchema.nullable().optional(),
  branchIds: branchIdsSchema.optional(),
});
export type UserCreate = z.input<typeof userCreateSchema>;

export const userCreatedSchema = z.object({
  user: userSchema,
  /** Shown once; the user must choose their own at first login. */
  temporaryPassword: z.string(),
});

export const userUpdateSchema = z.strictObject({
  name: nameSchema(120).optional(),
  role: roleSchema.optional(),
  active: z.boolean().optional(),
  branchIds: branchIdsSchema.optional(),
});
export type UserUpdate = z.input<typeof userUpdateSchema>;

export const passwordResetSchema = z.object({ temporaryPassword: z.string() });

/** What CRM staff may know of colleagues: enough to pick a responsible or filter by one. */
export const staffMemberSchema = z.object({
  id: idSchema,
  name: z.string(),
  role: roleSchema,
  active: z.boolean(),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;
export const staffListSchema = z.object({ items: z.array(staffMemberSchema) });
