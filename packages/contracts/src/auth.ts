import { z } from 'zod';
import { idSchema, localeSchema } from './common.ts';
import { organizationSchema } from './organizations.ts';
import { PASSWORD_MAX_LENGTH, newPasswordSchema } from './passwords.ts';
import { roleSchema } from './roles.ts';
import { loginTwoStepSchema } from './two-step.ts';

export { loginBodySchema, type LoginBody } from './login.ts';

export const meSchema = z.object({
  user: z.object({
    id: idSchema,
    name: z.string(),
    email: z.string(),
    role: roleSchema,
    locale: localeSchema.nullable(),
    branchIds: z.array(idSchema),
    mustChangePassword: z.boolean(),
    twoStepEnabled: z.boolean(),
    /** The organization requires two-step for this role and it is not on yet (decision 0014). */
    twoStepSetupRequired: z.boolean(),
    /** Task reminders also come by email (T-10), when the organization can send mail. */
    emailReminders: z.boolean(),
  }),
  organization: organizationSchema,
  permissions: z.array(z.string()),
});
export type Me = z.infer<typeof meSchema>;

/** The password step's answer: signed in, or a code is needed first (decision 0014). */
export const loginResultSchema = z.union([meSchema, loginTwoStepSchema]);
export type LoginResult = z.infer<typeof loginResultSchema>;

export const meUpdateSchema = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  /** null: follow the organization's language. */
  locale: localeSchema.nullable().optional(),
  emailReminders: z.boolean().optional(),
});
export type MeUpdate = z.input<typeof meUpdateSchema>;

export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: newPasswordSchema,
});
export type PasswordChange = z.input<typeof passwordChangeSchema>;
