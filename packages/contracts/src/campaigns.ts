import { z } from 'zod';
import { emailSchema, idSchema, timestampSchema } from './common.ts';
import { contactFilterSchema } from './contacts.ts';
import { mailTemplateVariantSchema } from './mailing.ts';

/**
 * Campaigns (issue 16, M-1, M-2): one email or SMS to everyone a persons-list filter matches
 * who agreed to marketing on that channel and can be reached there. Read and run with
 * `mailing.manage`.
 *
 * - GET    /api/campaigns                      ?cursor → campaignPageSchema (newest first, keyset)
 * - POST   /api/campaigns                      campaignCreateSchema → Campaign (201, a draft)
 * - GET    /api/campaigns/:id                  → Campaign (with live totals)
 * - PATCH  /api/campaigns/:id                  campaignUpdateSchema → Campaign (draft or scheduled; 409 stale)
 * - DELETE /api/campaigns/:id                  → { ok } (a draft only)
 * - POST   /api/campaigns/audience             audienceQuerySchema → AudienceCounts
 * - POST   /api/campaigns/:id/test             campaignTestSchema → { accepted, response } (email)
 * - POST   /api/campaigns/:id/send             campaignSendSchema → Campaign (sending or scheduled)
 * - POST   /api/campaigns/:id/pause | resume | cancel   { version } → Campaign
 * - GET    /api/campaigns/:id/recipients       ?state&cursor → recipientPageSchema
 *
 * Unsubscribe (public, no session; the token names the person and campaign):
 * - POST   /api/unsubscribe/:token             RFC 8058 one-click (body List-Unsubscribe=One-Click)
 * - GET    /unsubscribe/:token                 a page in the recipient's language with a button
 */
export const CAMPAIGN_CHANNELS = ['email', 'sms'] as const;
export const campaignChannelSchema = z.enum(CAMPAIGN_CHANNELS);
export type CampaignChannel = z.infer<typeof campaignChannelSchema>;

/**
 * draft → scheduled (a time is set) → sending → done; sending ⇄ paused; draft, scheduled,
 * sending or paused → cancelled (recipients not yet sent are skipped).
 */
export const CAMPAIGN_STATES = [
  'draft',
  'scheduled',
  'sending',
  'paused',
  'done',
  'cancelled',
] as const;
export const campaignStateSchema = z.enum(CAMPAIGN_STATES);
export type CampaignState = z.infer<typeof campaignStateSchema>;

/**
 * queued → sending (claimed: the mail is being handed over) → sent | failed; skipped: the
 * campaign was cancelled, or consent was withdrawn before their turn. `unknown`: the server
 * stopped while handing this one over, so whether it left is not known — it is never sent twice.
 */
export const RECIPIENT_STATES = [
  'queued',
  'sending',
  'sent',
  'failed',
  'skipped',
  'unknown',
] as const;
export const recipientStateSchema = z.enum(RECIPIENT_STATES);
export type RecipientState = z.infer<typeof recipientStateSchema>;

/**
 * The responses Spotter writes for a recipient itself, rather than a mail or SMS server's
 * answer: stored as these words, shown in the reader's language.
 */
export const RECIPIENT_NOTES = {
  consentWithdrawn: 'Consent withdrawn',
  personDeleted: 'Person deleted',
  cancelled: 'Cancelled',
  stoppedWhileSending: 'The server stopped while this message was being sent',
} as const;
export type RecipientNote = keyof typeof RECIPIENT_NOTES;

/** Which of RECIPIENT_NOTES a stored response is, if it is one. */
export function recipientNoteOf(response: string | null): RecipientNote | null {
  if (response === null) return null;
  const found = (Object.keys(RECIPIENT_NOTES) as RecipientNote[]).find(
    (k) => RECIPIENT_NOTES[k] === response,
  );
  return found ?? null;
}

/**
 * Who a campaign goes to: the persons list's filter, as its URL query has it (a tag, a status,
 * the list's current filter …), resolved when sending starts.
 */
export const campaignAudienceSchema = contactFilterSchema;
export type CampaignAudienceInput = z.input<typeof campaignAudienceSchema>;

/** The counts shown before sending; `reachable` get the campaign. */
export const audienceCountsSchema = z.object({
  /** Live persons the filter matches. */
  matched: z.number().int(),
  /** Without an email address (email) or a mobile number (SMS). */
  noAddress: z.number().int(),
  /** With an address but no marketing consent on this channel (and never unsubscribed). */
  noConsent: z.number().int(),
  /** Withdrew consent through an unsubscribe link or reply. */
  unsubscribed: z.number().int(),
  /** Their address bounced for good (email) or the gateway refused the number for good (SMS). */
  bounced: z.number().int(),
  /** Matched persons the campaign reaches: themselves, or (a minor) through a guardian. */
  reachable: z.number().int(),
  /**
   * Issue 17: of `reachable`, the minors reached through a consenting guardian (a minor with
   * guardians is never sent to directly; the groups above then describe their guardians).
   */
  viaGuardian: z.number().int(),
  /**
   * The messages that go out: one per person, a guardian of several matched children (or
   * matched themselves too) counted once.
   */
  messages: z.number().int(),
});
export type AudienceCounts = z.infer<typeof audienceCountsSchema>;

export const audienceQuerySchema = z.strictObject({
  channel: campaignChannelSchema,
  audience: z.record(z.string(), z.unknown()),
});
export type AudienceQuery = z.input<typeof audienceQuerySchema>;

export const recipientTotalsSchema = z.object({
  total: z.number().int(),
  queued: z.number().int(),
  sending: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
  unknown: z.number().int(),
});
export type RecipientTotals = z.infer<typeof recipientTotalsSchema>;

/** At most this many messages a minute (the club's provider's limit); null: as fast as it goes. */
export const ratePerMinuteSchema = z.number().int().min(1).max(100_000).nullable();

/** An SMS text: placeholders as in mail templates; long texts go as several segments. */
export const smsTextSchema = z.string().trim().min(1).max(1600);

export const campaignSchema = z.object({
  id: idSchema,
  name: z.string(),
  channel: campaignChannelSchema,
  state: campaignStateSchema,
  /** Email: the template its texts came from (null once that template is deleted). */
  templateId: idSchema.nullable(),
  /** Email: the texts per language, copied from the template and editable per campaign. */
  variants: z.array(mailTemplateVariantSchema),
  /** SMS: the text. */
  smsText: z.string().nullable(),
  /** The persons-list filter (query form). */
  audience: z.record(z.string(), z.unknown()),
  /** The counts taken when sending started (null before). */
  audienceCounts: audienceCountsSchema.nullable(),
  ratePerMinute: ratePerMinuteSchema,
  /** When sending starts (scheduled), in UTC; null: not scheduled. */
  scheduledAt: timestampSchema.nullable(),
  startedAt: timestampSchema.nullable(),
  finishedAt: timestampSchema.nullable(),
  totals: recipientTotalsSchema,
  createdBy: z.object({ id: idSchema, name: z.string() }).nullable(),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Campaign = z.infer<typeof campaignSchema>;

export const campaignPageSchema = z.object({
  items: z.array(campaignSchema),
  nextCursor: z.string().nullable(),
});
export type CampaignPage = z.infer<typeof campaignPageSchema>;

export const campaignCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  channel: campaignChannelSchema,
  /** Email: copy the texts from this template (or give `variants`). */
  templateId: idSchema.nullable().optional(),
  variants: z.array(mailTemplateVariantSchema).max(5).optional(),
  smsText: smsTextSchema.nullable().optional(),
  audience: z.record(z.string(), z.unknown()).default({}),
  ratePerMinute: ratePerMinuteSchema.default(null),
});
export type CampaignCreate = z.input<typeof campaignCreateSchema>;

export const campaignUpdateSchema = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  templateId: idSchema.nullable().optional(),
  variants: z.array(mailTemplateVariantSchema).max(5).optional(),
  smsText: smsTextSchema.nullable().optional(),
  audience: z.record(z.string(), z.unknown()).optional(),
  ratePerMinute: ratePerMinuteSchema.optional(),
  version: z.number().int().nonnegative(),
});
export type CampaignUpdate = z.input<typeof campaignUpdateSchema>;

/** A test to the sender (email): filled in with this person's data, or the defaults. */
export const campaignTestSchema = z.strictObject({
  to: emailSchema,
  personId: idSchema.nullable().default(null),
});
export type CampaignTest = z.input<typeof campaignTestSchema>;

export const campaignSendSchema = z.strictObject({
  /** null: now; a time: then (the UI picks it in the organization's zone). */
  at: timestampSchema.nullable().default(null),
  version: z.number().int().nonnegative(),
});
export type CampaignSend = z.input<typeof campaignSendSchema>;

export const campaignVersionSchema = z.strictObject({ version: z.number().int().nonnegative() });

export const recipientSchema = z.object({
  personId: idSchema,
  name: z.string(),
  /** The email address or E.164 number it went (or goes) to. */
  address: z.string(),
  state: recipientStateSchema,
  attempts: z.number().int(),
  /** What the server or gateway answered last (a failure's reason). */
  response: z.string().nullable(),
  sentAt: timestampSchema.nullable(),
  updatedAt: timestampSchema,
});
export type Recipient = z.infer<typeof recipientSchema>;

export const recipientListQuerySchema = z.strictObject({
  state: recipientStateSchema.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const recipientPageSchema = z.object({
  items: z.array(recipientSchema),
  nextCursor: z.string().nullable(),
});
export type RecipientPage = z.infer<typeof recipientPageSchema>;

/**
 * One email to one person (from their page or the expanded card), `mailing.send`, written to
 * their history. Not marketing: no consent needed, no unsubscribe link.
 *
 * - POST /api/persons/:id/email   personEmailSchema → messageResultSchema (422 mail_not_configured, smtp_failed)
 */
export const personEmailSchema = z.strictObject({
  subject: z.string().trim().min(1).max(200),
  /** Markdown with placeholders, as in templates. */
  body: z.string().trim().min(1).max(50_000),
});
export type PersonEmail = z.infer<typeof personEmailSchema>;

/** POST /api/persons/:id/sms (`mailing.send`): one SMS, written to history. */
export const personSmsSchema = z.strictObject({ text: smsTextSchema });
export type PersonSms = z.infer<typeof personSmsSchema>;

/** What the SMTP server or the SMS gateway answered. */
export const messageResultSchema = z.object({ response: z.string() });
export type MessageResult = z.infer<typeof messageResultSchema>;
