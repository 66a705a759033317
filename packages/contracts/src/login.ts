import * as zm from 'zod/mini';
import { PASSWORD_MAX_LENGTH } from './enums.ts';

/**
 * What the login page sends: the password step and the code step (decision 0014). They are in
 * zod's small functional API and in a file of their own (re-exported from auth.ts and
 * two-step.ts), because the login page builds them before anyone is signed in and zod's
 * chained API would double what that page downloads (decision 0023). The checks and the
 * issues they report are the same as with the chained API.
 */
export const loginBodySchema = zm.strictObject({
  email: zm.string().check(zm.trim(), zm.minLength(1), zm.maxLength(254)),
  password: zm.string().check(zm.minLength(1), zm.maxLength(PASSWORD_MAX_LENGTH)),
});
export type LoginBody = zm.input<typeof loginBodySchema>;

/**
 * What a user types at the code step: six digits from the authenticator app, or one of their
 * recovery codes (letters and dashes). Spaces are allowed; the server reads either.
 */
export const twoStepCodeSchema = zm.string().check(zm.trim(), zm.minLength(1), zm.maxLength(40));

export const loginCodeBodySchema = zm.strictObject({ code: twoStepCodeSchema });
export type LoginCodeBody = zm.input<typeof loginCodeBodySchema>;
