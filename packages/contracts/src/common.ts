import { z } from 'zod';
import { isEmailAddress, normalizeEmail } from './email.ts';
import { coded } from './errors.ts';
import { LOCALES } from './enums.ts';

export { LOCALES };
export const localeSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof localeSchema>;

export const idSchema = z.uuid();
export const idParamsSchema = z.strictObject({ id: idSchema });

/** A short human-entered text: trimmed, never empty, bounded so nobody can store megabytes. */
export const nameSchema = (max = 120) => z.string().trim().min(1).max(max);

/** RFC 6531: letters of any script are allowed on both sides of the @ (see email.ts). */
export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .transform(normalizeEmail)
  .pipe(
    // Reported as zod's own email format issue (no fixed message), so the browser says it in
    // the user's language like every other field error, and the server maps it to invalid_email.
    z.string().superRefine((value, ctx) => {
      if (!isEmailAddress(value)) {
        ctx.addIssue({ code: 'invalid_format', format: 'email', input: value });
      }
    }),
  );

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value.length > 0;
  } catch {
    return false;
  }
}

export const timezoneSchema = z
  .string()
  .trim()
  .max(64)
  .refine(isTimeZone, coded('unknown_timezone', 'Unknown time zone'));

const currencies = new Set(Intl.supportedValuesOf('currency'));
export const currencySchema = z
  .string()
  .trim()
  .length(3)
  .transform((v) => v.toUpperCase())
  .refine((v) => currencies.has(v), coded('unknown_currency', 'Unknown currency code'));

/** A time of day on the club's clock, 24-hour "HH:MM" ("09:30", "18:00"). */
export const timeOfDaySchema = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const okSchema = z.object({ ok: z.literal(true) });

export const timestampSchema = z.iso.datetime({ offset: true });
