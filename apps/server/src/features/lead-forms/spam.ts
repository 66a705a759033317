import { secretBoxFor } from '../../lib/secret-box.ts';
import { SignupLimiter } from '../auth/index.ts';

/** A person needs longer than this to fill in even a short form; a script does not. */
export const MIN_FILL_MS = 3_000;
/** A page left open longer than this is reloaded before it is sent (the token expires). */
export const MAX_FILL_MS = 24 * 60 * 60 * 1000;

/** The hidden field a person never sees (off-screen, out of the tab order); bots fill it. */
export const HONEYPOT_FIELD = 'website';
export const TOKEN_FIELD = '_t';

/**
 * The moment the page was served, sealed (authenticated encryption with a key derived from the
 * server's secret for this purpose alone) and bound to the form: a script can neither forge an
 * older time nor reuse one form's token on another.
 */
export function fillToken(secret: string, formId: string, now: Date): string {
  return secretBoxFor(secret, 'lead-form-fill-time').seal(String(now.getTime()), formId);
}

/** Why a submission looks like a bot's, or null when it looks like a person's. */
export function botReason(
  secret: string,
  formId: string,
  body: { honeypot: string; token: string },
  now: Date,
): 'honeypot' | 'token' | 'too_fast' | 'expired' | null {
  if (body.honeypot.trim() !== '') return 'honeypot';
  const opened = body.token
    ? secretBoxFor(secret, 'lead-form-fill-time').open(body.token, formId)
    : null;
  const at = opened && /^\d{1,15}$/.test(opened) ? Number(opened) : null;
  if (at === null) return 'token';
  const took = now.getTime() - at;
  if (took < MIN_FILL_MS) return 'too_fast';
  if (took > MAX_FILL_MS) return 'expired';
  return null;
}

export interface LeadFormLimits {
  /** Submissions one address (an IPv6 client by its /64) may send in `windowMs`. */
  perAddress: number;
  /** Submissions one form takes in `windowMs`, from everyone together. */
  perForm: number;
  windowMs: number;
}

/** A club's form gets a handful of leads an hour; a flood is someone else's doing. */
export const LEAD_FORM_LIMITS: LeadFormLimits = {
  perAddress: 10,
  perForm: 120,
  windowMs: 10 * 60 * 1000,
};

/**
 * Sliding windows in memory, like the login and sign-up limits (decision 0011): each server
 * instance counts on its own. Every POST counts, refused or not, so a bot gains nothing by
 * being refused.
 */
export class SubmissionLimiter {
  readonly #byAddress: SignupLimiter;
  readonly #byForm: SignupLimiter;

  constructor(limits: LeadFormLimits = LEAD_FORM_LIMITS) {
    this.#byAddress = new SignupLimiter({
      windowMs: limits.windowMs,
      maxPerAddress: limits.perAddress,
    });
    // The same sliding window, keyed by the form's id instead of an address.
    this.#byForm = new SignupLimiter({ windowMs: limits.windowMs, maxPerAddress: limits.perForm });
  }

  /** Seconds to wait when over a limit, else 0 (and the attempt is counted). */
  attempt(ip: string, formId: string): number {
    const address = this.#byAddress.attempt(ip);
    if (address > 0) return address;
    return this.#byForm.attempt(`form:${formId}`);
  }
}
