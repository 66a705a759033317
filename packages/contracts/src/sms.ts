import { z } from 'zod';
import { timeOfDaySchema, timestampSchema } from './common.ts';

/**
 * SMS (issue 16, M-2): an organization's HTTP gateway and what a text costs in segments.
 *
 * - GET  /api/sms-settings         → smsSettingsSchema (settings.manage)
 * - PUT  /api/sms-settings         smsSettingsUpdateSchema → smsSettingsSchema (409 on a stale version)
 * - POST /api/sms-settings/test    smsTestSchema → smsSendResultSchema (422 sms_failed with the gateway's answer)
 * - POST /api/persons/:id/sms      personSmsSchema → smsSendResultSchema (mailing.send; history)
 */

// GSM 03.38: the basic set is one septet per character; the extension set takes two.
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€\f';
const gsmBasic = new Set(GSM_BASIC);
const gsmExtended = new Set(GSM_EXTENDED);

export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SmsSegments {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. */
  units: number;
  segments: number;
  /** Units left in the last segment before another one starts. */
  remaining: number;
  /** Units a segment holds at this length (160/153 GSM-7, 70/67 UCS-2). */
  perSegment: number;
}

/**
 * How a text travels: GSM-7 when every character is in the GSM alphabet (Swedish å ä ö are),
 * otherwise UCS-2 (Polish ą ę ł, Cyrillic, emoji). A long text is split into concatenated
 * segments with a header, so each holds 153 septets or 67 units; an extension character's two
 * septets and a surrogate pair are never split across segments.
 */
export function smsSegments(text: string): SmsSegments {
  const chars = [...text];
  const gsm = chars.every((c) => gsmBasic.has(c) || gsmExtended.has(c));
  const sizes = chars.map((c) => (gsm ? (gsmExtended.has(c) ? 2 : 1) : c.length));
  const units = sizes.reduce((a, b) => a + b, 0);
  const single = gsm ? 160 : 70;
  const multi = gsm ? 153 : 67;
  if (units <= single) {
    return {
      encoding: gsm ? 'gsm7' : 'ucs2',
      units,
      segments: units === 0 ? 0 : 1,
      remaining: single - units,
      perSegment: single,
    };
  }
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > multi) {
      segments++;
      used = 0;
    }
    used += size;
  }
  return {
    encoding: gsm ? 'gsm7' : 'ucs2',
    units,
    segments,
    remaining: multi - used,
    perSegment: multi,
  };
}

export const SMS_METHODS = ['POST', 'GET'] as const;

/** Quiet hours on the club's clock: campaign messages wait until they end. */
export const quietHoursSchema = z
  .strictObject({ from: timeOfDaySchema, to: timeOfDaySchema })
  .refine((v) => v.from !== v.to, { message: 'Start and end must differ', path: ['to'] });
export type QuietHours = z.infer<typeof quietHoursSchema>;

export const smsSettingsSchema = z.object({
  configured: z.boolean(),
  /** The gateway's address; `{{to}}` and `{{text}}` may appear in it (GET gateways). */
  url: z.string().nullable(),
  method: z.enum(SMS_METHODS),
  /** Header names only: values may hold API keys and are stored sealed, never returned. */
  headerNames: z.array(z.string()),
  /** The request body with `{{to}}`, `{{text}}` and `{{from}}`, JSON- or form-escaped by its content type. */
  bodyTemplate: z.string().nullable(),
  contentType: z.string().nullable(),
  /** The sender name or number the gateway shows. */
  sender: z.string().nullable(),
  quietHours: quietHoursSchema.nullable(),
  version: z.number().int(),
  updatedAt: timestampSchema.nullable(),
});
export type SmsSettings = z.infer<typeof smsSettingsSchema>;
