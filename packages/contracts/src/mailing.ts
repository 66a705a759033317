import { z } from 'zod';
import { emailSchema, idSchema, localeSchema, timestampSchema } from './common.ts';

/**
 * Sending settings (issue 16, M-1): how an organization's mail leaves Spotter. Read and changed
 * with `settings.manage`; the SMTP password and the DKIM key are stored sealed and never
 * returned, only whether they are set.
 *
 * - GET  /api/mail-settings        → mailSettingsSchema
 * - PUT  /api/mail-settings        mailSettingsUpdateSchema → mailSettingsSchema (409 on a stale version)
 * - POST /api/mail-settings/test   mailTestSchema → mailTestResultSchema (422 smtp_failed with the server's answer)
 */

/** `tls`: TLS from the first byte (port 465); `starttls`: upgrade required (587); `none`: plain. */
export const SMTP_SECURITY = ['starttls', 'tls', 'none'] as const;
export const smtpSecuritySchema = z.enum(SMTP_SECURITY);
export type SmtpSecurity = z.infer<typeof smtpSecuritySchema>;

/** A host name or an address, as a mail provider's setup page gives it. */
const hostSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(253)
  .regex(/^(\[[0-9a-f:.]+\]|[\p{L}\p{N}](?:[\p{L}\p{N}.-]*[\p{L}\p{N}])?)$/u, {
    message: 'Enter a host name such as smtp.example.com',
  });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable();

/** A DKIM selector or domain label set (RFC 6376): letters, digits, dots and hyphens. */
const dkimNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/, { message: 'Letters, digits, dots and hyphens' })
  .max(253);

export const mailSettingsSchema = z.object({
  /** Host, sender address and port are set: mail can be sent. */
  configured: z.boolean(),
  smtpHost: z.string().nullable(),
  smtpPort: z.number().int(),
  smtpSecurity: smtpSecuritySchema,
  smtpUser: z.string().nullable(),
  hasPassword: z.boolean(),
  fromName: z.string(),
  fromAddress: z.string().nullable(),
  replyTo: z.string().nullable(),
  /** The club's postal address, printed in the footer of marketing mail. */
  postalAddress: z.string().nullable(),
  dkimDomain: z.string().nullable(),
  dkimSelector: z.string().nullable(),
  hasDkimKey: z.boolean(),
  /** 0: never saved. */
  version: z.number().int(),
  updatedAt: timestampSchema.nullable(),
});
export type MailSettings = z.infer<typeof mailSettingsSchema>;

export const mailSettingsUpdateSchema = z
  .strictObject({
    smtpHost: hostSchema,
    smtpPort: z.number().int().min(1).max(65_535),
    smtpSecurity: smtpSecuritySchema,
    smtpUser: optionalText(320),
    /** Absent: keep the stored one; null: remove it; a string: replace it. */
    smtpPassword: z.string().min(1).max(1000).nullable().optional(),
    fromName: z.string().trim().min(1).max(120),
    fromAddress: emailSchema,
    replyTo: emailSchema.nullable(),
    postalAddress: optionalText(500),
    dkimDomain: dkimNameSchema.nullable(),
    dkimSelector: dkimNameSchema.nullable(),
    /** A PEM private key. Absent: keep the stored one; null: remove it. */
    dkimPrivateKey: z
      .string()
      .trim()
      .max(10_000)
      .regex(
        /^-----BEGIN (RSA |EC )?PRIVATE KEY-----[\s\S]+-----END (RSA |EC )?PRIVATE KEY-----$/,
        {
          message: 'Paste the private key in PEM form (-----BEGIN PRIVATE KEY----- …)',
        },
      )
      .nullable()
      .optional(),
    version: z.number().int().nonnegative(),
  })
  .superRefine((v, ctx) => {
    // Signing needs the domain and the selector; the key may already be stored.
    if ((v.dkimDomain === null) !== (v.dkimSelector === null)) {
      const path = v.dkimDomain === null ? 'dkimDomain' : 'dkimSelector';
      ctx.addIssue({
        code: 'custom',
        path: [path],
        message: 'DKIM needs both domain and selector',
      });
    }
  });
export type MailSettingsUpdate = z.input<typeof mailSettingsUpdateSchema>;

export const mailTestSchema = z.strictObject({ to: emailSchema });
export type MailTest = z.infer<typeof mailTestSchema>;

/** What the SMTP server said when it took the test mail. */
export const mailTestResultSchema = z.object({
  accepted: z.array(z.string()),
  response: z.string(),
});
export type MailTestResult = z.infer<typeof mailTestResultSchema>;

/**
 * Templates (M-1): a subject and a body in markdown with placeholders such as
 * `{{ firstName | friend }}` (the value, or the default after the bar when it is empty), in one
 * or more languages. Read and written with `mailing.manage`.
 *
 * - GET    /api/mail-templates            → { items: MailTemplate[] }
 * - POST   /api/mail-templates            mailTemplateCreateSchema → MailTemplate (201)
 * - GET    /api/mail-templates/:id        → MailTemplate
 * - PATCH  /api/mail-templates/:id        mailTemplateUpdateSchema → MailTemplate (409 on a stale version)
 * - DELETE /api/mail-templates/:id        → { ok }
 * - POST   /api/mail-templates/preview    mailPreviewSchema → mailPreviewResultSchema
 */
export const MAIL_PLACEHOLDERS = [
  'firstName',
  'lastName',
  'fullName',
  'clubName',
  'responsibleName',
  'branchName',
] as const;
export type MailPlaceholder = (typeof MAIL_PLACEHOLDERS)[number];

export const mailTemplateVariantSchema = z.strictObject({
  locale: localeSchema,
  subject: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(50_000),
});
export type MailTemplateVariant = z.infer<typeof mailTemplateVariantSchema>;

const variantsSchema = z
  .array(mailTemplateVariantSchema)
  .min(1)
  .max(5)
  .superRefine((variants, ctx) => {
    const seen = new Set<string>();
    variants.forEach((v, i) => {
      if (seen.has(v.locale)) {
        ctx.addIssue({ code: 'custom', path: [i, 'locale'], message: 'One text per language' });
      }
      seen.add(v.locale);
    });
  });

export const mailTemplateSchema = z.object({
  id: idSchema,
  name: z.string(),
  /** The first is the template's main language. */
  variants: z.array(mailTemplateVariantSchema),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type MailTemplate = z.infer<typeof mailTemplateSchema>;

export const mailTemplateCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  variants: variantsSchema,
});
export type MailTemplateCreate = z.input<typeof mailTemplateCreateSchema>;

export const mailTemplateUpdateSchema = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  variants: variantsSchema.optional(),
  version: z.number().int().nonnegative(),
});
export type MailTemplateUpdate = z.input<typeof mailTemplateUpdateSchema>;

/** A text as it is being written, filled in with one person's data (or none: the defaults). */
export const mailPreviewSchema = z.strictObject({
  subject: z.string().max(200),
  body: z.string().max(50_000),
  personId: idSchema.nullable(),
});
export type MailPreview = z.infer<typeof mailPreviewSchema>;

export const mailPreviewResultSchema = z.object({
  subject: z.string(),
  html: z.string(),
  text: z.string(),
  /** Placeholders with neither a value nor a default: they print as nothing. */
  missing: z.array(z.enum(MAIL_PLACEHOLDERS)),
});
export type MailPreviewResult = z.infer<typeof mailPreviewResultSchema>;
