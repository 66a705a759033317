import { z } from 'zod';
import * as zm from 'zod/mini';
import { coded } from './errors.ts';
import { idSchema, timestampSchema } from './common.ts';
import { PASSWORD_MAX_LENGTH } from './passwords.ts';
import { twoStepCodeSchema } from './login.ts';

export { loginCodeBodySchema, twoStepCodeSchema, type LoginCodeBody } from './login.ts';

/** The password step passed, the account has two-step on: no session yet (decision 0014). */
export const loginTwoStepSchema = z.object({
  twoStepRequired: z.literal(true),
  /** The code step must follow before this, or the password step starts over. */
  expiresAt: timestampSchema,
});
export type LoginTwoStep = z.infer<typeof loginTwoStepSchema>;

export const twoStepStatusSchema = z.object({
  enabled: z.boolean(),
  enabledAt: timestampSchema.nullable(),
  recoveryCodesLeft: z.number().int(),
  /** The organization requires two-step for this user's role. */
  required: z.boolean(),
});
export type TwoStepStatus = z.infer<typeof twoStepStatusSchema>;

/** A new secret waiting for its first code: shown as a QR code and as text for typing in. */
export const twoStepSetupSchema = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  /** The otpauth URI as an SVG QR code. */
  qrSvg: z.string(),
});
export type TwoStepSetup = z.infer<typeof twoStepSetupSchema>;

export const twoStepConfirmSchema = z.strictObject({ code: twoStepCodeSchema });
export type TwoStepConfirm = z.input<typeof twoStepConfirmSchema>;

/** Shown once; only their hashes are kept. */
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof recoveryCodesSchema>;

/** Proof that the person at the keyboard is the account's owner: the password or a code. */
export const twoStepProofSchema = z
  .strictObject({
    password: z.string().min(1).max(PASSWORD_MAX_LENGTH).optional(),
    code: zm.optional(twoStepCodeSchema),
  })
  .refine((v) => v.password !== undefined || v.code !== undefined, {
    ...coded('required', 'Enter your password or a code from your app'),
    path: ['password'],
  });
export type TwoStepProof = z.input<typeof twoStepProofSchema>;

export const TWO_STEP_EVENT_KINDS = [
  'enabled',
  'disabled',
  'reset',
  'recovery_codes_renewed',
  'recovery_code_used',
] as const;
export const twoStepEventKindSchema = z.enum(TWO_STEP_EVENT_KINDS);
export type TwoStepEventKind = z.infer<typeof twoStepEventKindSchema>;

/** What an admin sees of a colleague's two-step: whether it is on, and what happened to it. */
export const userTwoStepSchema = z.object({
  enabled: z.boolean(),
  enabledAt: timestampSchema.nullable(),
  recoveryCodesLeft: z.number().int(),
  events: z.array(
    z.object({
      kind: twoStepEventKindSchema,
      at: timestampSchema,
      actorId: idSchema.nullable(),
      actorName: z.string().nullable(),
    }),
  ),
});
export type UserTwoStep = z.infer<typeof userTwoStepSchema>;
