import { z } from 'zod';
import {
  currencySchema,
  emailSchema,
  idSchema,
  localeSchema,
  nameSchema,
  timestampSchema,
  timezoneSchema,
} from './common.ts';
import { newPasswordSchema } from './passwords.ts';

export const organizationSchema = z.object({
  id: idSchema,
  name: z.string(),
  timezone: z.string(),
  locale: localeSchema,
  currency: z.string(),
  /** Owners and admins must sign in with two steps (decision 0014). */
  twoStepRequired: z.boolean(),
  version: z.number().int(),
  createdAt: timestampSchema,
});
export type Organization = z.infer<typeof organizationSchema>;

export const organizationInputSchema = z.strictObject({
  name: nameSchema(120),
  timezone: timezoneSchema,
  locale: localeSchema,
  currency: currencySchema,
});
export type OrganizationInput = z.input<typeof organizationInputSchema>;

export const organizationUpdateSchema = organizationInputSchema.partial().extend({
  /** Only an owner may change it. */
  twoStepRequired: z.boolean().optional(),
  version: z.number().int().nonnegative(),
});
export type OrganizationUpdate = z.input<typeof organizationUpdateSchema>;

export const ownerInputSchema = z.strictObject({
  name: nameSchema(120),
  email: emailSchema,
  password: newPasswordSchema,
});

export const setupBodySchema = z.strictObject({
  organization: organizationInputSchema,
  owner: ownerInputSchema,
  /** Fill the new organization with a believable demo club. */
  demoData: z.boolean().optional(),
});
export type SetupBody = z.input<typeof setupBodySchema>;

export const setupStatusSchema = z.object({ needed: z.boolean() });
