import { z } from 'zod';
import { idSchema, nameSchema, timestampSchema } from './common.ts';
import { coded } from './errors.ts';
import { LOCALES } from './enums.ts';
import { roleSchema } from './roles.ts';

/**
 * The website's lead form (PRODUCT A-5, decision 0029): an admin builds it, Spotter serves it
 * at `/f/<publicId>` as a plain HTML page, and each submission creates or updates a person and
 * makes a task for the chosen assignee.
 */

/** The person's fields a form may ask for; custom fields are `custom:<field id>`. */
export const LEAD_FORM_STANDARD_FIELDS = [
  'firstName',
  'lastName',
  'phone',
  'email',
  'birthDate',
  'branch',
  'message',
] as const;
export type LeadFormStandardField = (typeof LEAD_FORM_STANDARD_FIELDS)[number];

const CUSTOM_KEY = /^custom:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const leadFormFieldSchema = z.strictObject({
  key: z
    .string()
    .refine(
      (k) => (LEAD_FORM_STANDARD_FIELDS as readonly string[]).includes(k) || CUSTOM_KEY.test(k),
      coded('invalid_option', 'Unknown field'),
    ),
  required: z.boolean().default(false),
});
export type LeadFormField = z.infer<typeof leadFormFieldSchema>;

/**
 * A consent checkbox: `email` and `sms` set the person's marketing consent (C-16) with the form
 * as its source; `terms` (privacy policy, terms of a trial) is recorded on the submission and in
 * the history with the text the visitor saw.
 */
export const LEAD_FORM_CONSENT_KINDS = ['email', 'sms', 'terms'] as const;
export const leadFormConsentSchema = z.strictObject({
  /** Stable within the form: the texts of each language refer to it. */
  id: z.string().regex(/^[a-z0-9]{1,12}$/),
  kind: z.enum(LEAD_FORM_CONSENT_KINDS),
  required: z.boolean().default(false),
});
export type LeadFormConsent = z.infer<typeof leadFormConsentSchema>;

const textSchema = (max: number) => z.string().trim().max(max);

/** What the visitor reads, in one language. */
export const leadFormTextsSchema = z.strictObject({
  title: textSchema(200),
  intro: textSchema(2000).default(''),
  submit: textSchema(60).default(''),
  thankYou: textSchema(2000).default(''),
  /** Consent id → the checkbox's text. */
  consents: z.record(z.string(), textSchema(1000)).default({}),
  /** Field key → its label instead of the standard one. */
  labels: z.record(z.string(), textSchema(200)).default({}),
});
export type LeadFormTexts = z.infer<typeof leadFormTextsSchema>;

export const LEAD_FORM_ASSIGNEE_MODES = ['template', 'user', 'turns'] as const;

/**
 * Who gets the task: the template's default assignee, a named user, or staff in turn (round
 * robin) among a role (any role that works tasks when none) who work in the lead's branch.
 */
export const leadFormAssigneeSchema = z.strictObject({
  mode: z.enum(LEAD_FORM_ASSIGNEE_MODES),
  userId: idSchema.nullable().default(null),
  role: roleSchema.nullable().default(null),
});

/** An http:// or https:// address (a `javascript:` or `data:` one is refused). */
const httpUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .pipe(z.url({ protocol: /^https?$/ }));

export const leadFormBodySchema = z.strictObject({
  name: nameSchema(120),
  enabled: z.boolean().default(true),
  fields: z.array(leadFormFieldSchema).min(1).max(30),
  consents: z.array(leadFormConsentSchema).max(6).default([]),
  /** Language → texts; at least one language. */
  texts: z.partialRecord(z.enum(LOCALES), leadFormTextsSchema),
  /** After a submission: this page instead of the thank-you text. */
  redirectUrl: httpUrlSchema.nullable().default(null),
  sourceId: idSchema.nullable().default(null),
  tagIds: z.array(idSchema).max(20).default([]),
  /** The lead's branch when the form does not let the visitor choose one. */
  branchId: idSchema.nullable().default(null),
  /** Null: the organization's default personal-call template. */
  templateId: idSchema.nullable().default(null),
  assignee: leadFormAssigneeSchema.default({ mode: 'template', userId: null, role: null }),
});
export type LeadFormBody = z.input<typeof leadFormBodySchema>;
export const leadFormUpdateSchema = leadFormBodySchema.extend({ version: z.number().int() });
export type LeadFormUpdate = z.input<typeof leadFormUpdateSchema>;

export const leadFormSchema = z.object({
  id: idSchema,
  publicId: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  fields: z.array(leadFormFieldSchema),
  consents: z.array(leadFormConsentSchema),
  texts: z.partialRecord(z.enum(LOCALES), leadFormTextsSchema),
  redirectUrl: z.string().nullable(),
  sourceId: idSchema.nullable(),
  tagIds: z.array(idSchema),
  branchId: idSchema.nullable(),
  templateId: idSchema.nullable(),
  assignee: leadFormAssigneeSchema,
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type LeadForm = z.infer<typeof leadFormSchema>;

export const leadFormListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  /** The `nextCursor` of the previous page. */
  cursor: z.string().max(200).optional(),
});
export const leadFormPageSchema = z.object({
  items: z.array(leadFormSchema),
  nextCursor: z.string().nullable(),
});

/** Speed to lead (decision 0029): how long a person has waited, and how long the last one took. */
export const leadWaitSchema = z.object({
  /** The oldest submission not yet answered by a contact; null when nobody is waiting. */
  waitingSince: timestampSchema.nullable(),
  /** The latest answered submission: when it came and when the first contact was. */
  lastAnswered: z
    .object({
      submittedAt: timestampSchema,
      firstContactAt: timestampSchema,
      seconds: z.number().int(),
    })
    .nullable(),
});
export type LeadWait = z.infer<typeof leadWaitSchema>;
