import { z } from 'zod';
import { timeOfDaySchema, timestampSchema } from './common.ts';
import { coded } from './field-errors.ts';

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

/** How the body template's values are escaped: JSON string escaping, or form URL encoding. */
export const SMS_CONTENT_TYPES = ['application/json', 'application/x-www-form-urlencoded'] as const;
export type SmsContentType = (typeof SMS_CONTENT_TYPES)[number];

/** What a gateway's URL and body template may name: the E.164 number, the text and the sender. */
export const SMS_PLACEHOLDERS = ['to', 'text', 'from'] as const;
export type SmsPlaceholder = (typeof SMS_PLACEHOLDERS)[number];

/** `{{to}}` or `{{ to }}`. */
export const SMS_PLACEHOLDER_PATTERN = /\{\{\s*([^{}\s]*)\s*\}\}/g;

/** The placeholder names a URL or template uses that are not `to`, `text` or `from`. */
export function unknownSmsPlaceholders(template: string): string[] {
  const out = new Set<string>();
  for (const m of template.matchAll(SMS_PLACEHOLDER_PATTERN)) {
    if (!(SMS_PLACEHOLDERS as readonly string[]).includes(m[1]!)) out.add(m[1]!);
  }
  return [...out];
}

/**
 * Fills `{{to}}`, `{{text}}` and `{{from}}`, each value passed through `escape` (JSON string
 * escaping for a JSON body, URL encoding for a form body or a URL). The server sends what
 * this answers; the settings page shows it as the example.
 */
export function fillSmsTemplate(
  template: string,
  values: Record<SmsPlaceholder, string>,
  escape: (value: string) => string,
): string {
  return template.replace(SMS_PLACEHOLDER_PATTERN, (whole, name: string) =>
    (SMS_PLACEHOLDERS as readonly string[]).includes(name)
      ? escape(values[name as SmsPlaceholder])
      : whole,
  );
}

export const jsonStringEscape = (v: string) => JSON.stringify(v).slice(1, -1);
export const formEscape = (v: string) => encodeURIComponent(v);
export const smsBodyEscape = (contentType: SmsContentType) =>
  contentType === 'application/json' ? jsonStringEscape : formEscape;

/** RFC 7230 `token`: the characters a header name may have. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Set by Spotter from the request itself, or by the connection: never by the settings. */
const RESERVED_HEADERS = new Set([
  'host',
  'content-length',
  'content-type',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'expect',
]);

export const smsHeaderInputSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .refine(
      (v) => HEADER_NAME.test(v),
      coded('invalid_characters', "Letters, digits and !#$%&'*+-.^_`|~ only"),
    )
    .refine(
      (v) => !RESERVED_HEADERS.has(v.toLowerCase()),
      coded('not_allowed', 'Spotter sets this header itself'),
    ),
  /** Absent: keep the value stored under this name. */
  value: z
    .string()
    .max(4000)
    .refine(
      (v) => !/[\r\n\0]/.test(v),
      coded('invalid_characters', 'One line, without line breaks'),
    )
    .optional(),
});
export type SmsHeaderInput = z.infer<typeof smsHeaderInputSchema>;

const smsUrlSchema = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .superRefine((v, ctx) => {
    // Unknown placeholders are named by the service (the answer lists them).
    const filled = fillSmsTemplate(v, { to: '1', text: 'x', from: 'x' }, formEscape);
    if (!z.url({ protocol: /^https?$/ }).safeParse(filled).success) {
      ctx.addIssue({
        code: 'custom',
        ...coded('invalid_format', 'Enter an http:// or https:// address'),
      });
    } else if (/^https?:\/\/[^/?#]*@/i.test(filled)) {
      ctx.addIssue({
        code: 'custom',
        ...coded('not_allowed', 'Put credentials in a header, not in the address'),
      });
    }
  });

const needsText = coded('required', 'Put {{text}} where the message goes');

export const smsSettingsUpdateSchema = z
  .strictObject({
    url: smsUrlSchema,
    method: z.enum(SMS_METHODS),
    /** POST: how the body is written and escaped; GET sends no body. */
    contentType: z.enum(SMS_CONTENT_TYPES).nullable(),
    headers: z.array(smsHeaderInputSchema).max(20),
    bodyTemplate: z
      .string()
      .trim()
      .max(5000)
      .transform((v) => (v === '' ? null : v))
      .nullable(),
    sender: z
      .string()
      .trim()
      .max(40)
      .transform((v) => (v === '' ? null : v))
      .nullable(),
    quietHours: quietHoursSchema.nullable(),
    version: z.number().int().nonnegative(),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.headers.forEach((h, i) => {
      const key = h.name.toLowerCase();
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['headers', i, 'name'],
          ...coded('duplicate', 'Named twice'),
        });
      }
      seen.add(key);
    });
    if (v.method === 'GET') {
      if (!/\{\{\s*text\s*\}\}/.test(v.url)) {
        ctx.addIssue({ code: 'custom', path: ['url'], ...needsText });
      }
      return;
    }
    if (!v.contentType) {
      ctx.addIssue({
        code: 'custom',
        path: ['contentType'],
        ...coded('required', 'Choose how the body is sent'),
      });
    }
    if (!v.bodyTemplate) {
      ctx.addIssue({
        code: 'custom',
        path: ['bodyTemplate'],
        ...coded('required', 'A POST gateway needs a body'),
      });
      return;
    }
    if (unknownSmsPlaceholders(v.bodyTemplate).length > 0) return;
    if (!/\{\{\s*text\s*\}\}/.test(v.bodyTemplate + v.url)) {
      ctx.addIssue({ code: 'custom', path: ['bodyTemplate'], ...needsText });
    } else if (v.contentType === 'application/json') {
      const sample = fillSmsTemplate(
        v.bodyTemplate,
        { to: '+46700000000', text: 'x', from: 'x' },
        jsonStringEscape,
      );
      try {
        JSON.parse(sample);
      } catch {
        ctx.addIssue({
          code: 'custom',
          path: ['bodyTemplate'],
          ...coded(
            'invalid_format',
            'Not JSON once filled in: put placeholders in quotes, "{{text}}"',
          ),
        });
      }
    }
  });
export type SmsSettingsUpdate = z.input<typeof smsSettingsUpdateSchema>;

export const smsTestSchema = z.strictObject({ to: z.string().trim().min(3).max(40) });
export type SmsTest = z.infer<typeof smsTestSchema>;

/** What the gateway answered the test: its HTTP status and the start of its body. */
export const smsTestResultSchema = z.object({ status: z.number().int(), response: z.string() });
export type SmsTestResult = z.infer<typeof smsTestResultSchema>;
