import { z } from 'zod';
import { idSchema, nameSchema, timeOfDaySchema, timestampSchema } from './common.ts';
import { LOOKUP_KINDS } from './enums.ts';
import { EXTRA_REPORT_ROLES, ROLES, roleSchema } from './roles.ts';

/** Persons and companies share statuses, tags, custom fields … each scoped to one or both. */
export const CONTACT_KINDS = ['person', 'company'] as const;
export const contactKindSchema = z.enum(CONTACT_KINDS);
export type ContactKind = z.infer<typeof contactKindSchema>;

export const SCOPES = ['person', 'company', 'both'] as const;
export const scopeSchema = z.enum(SCOPES);
export type Scope = z.infer<typeof scopeSchema>;

/** `#rgb` or `#rrggbb`, stored lower-case. */
export const colorSchema = z
  .string()
  .trim()
  .regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/)
  .transform((v) => v.toLowerCase());

// ---------------------------------------------------------------- statuses (C-6)

export const statusSchema = z.object({
  id: idSchema,
  entity: contactKindSchema,
  name: z.string(),
  abbreviation: z.string(),
  color: z.string(),
  background: z.string(),
  position: z.number().int(),
  archived: z.boolean(),
});
export type Status = z.infer<typeof statusSchema>;

export const statusCreateSchema = z.strictObject({
  entity: contactKindSchema,
  name: nameSchema(60),
  abbreviation: z.string().trim().max(6).default(''),
  color: colorSchema.default('#1f2937'),
  background: colorSchema.default('#e5e7eb'),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type StatusCreate = z.input<typeof statusCreateSchema>;

export const statusUpdateSchema = z.strictObject({
  name: nameSchema(60).optional(),
  abbreviation: z.string().trim().max(6).optional(),
  color: colorSchema.optional(),
  background: colorSchema.optional(),
  position: z.number().int().min(0).max(10_000).optional(),
  archived: z.boolean().optional(),
});
export type StatusUpdate = z.input<typeof statusUpdateSchema>;

export const statusListQuerySchema = z.strictObject({
  entity: contactKindSchema.optional(),
  includeArchived: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
export const statusListSchema = z.object({ items: z.array(statusSchema) });

// ---------------------------------------------------------------- simple lists (C-4, C-5, C-8, C-9)

/**
 * Tags, categories, industries, sources, products of interest and history event types are
 * all "a named, ordered, optionally coloured entry of a configurable list".
 */
export { LOOKUP_KINDS };
export const lookupKindSchema = z.enum(LOOKUP_KINDS);
export type LookupKind = z.infer<typeof lookupKindSchema>;

/** Which lists carry a scope (persons, companies or both). */
export const SCOPED_LOOKUPS: readonly LookupKind[] = ['tags', 'categories'];

export const lookupSchema = z.object({
  id: idSchema,
  kind: lookupKindSchema,
  name: z.string(),
  color: z.string().nullable(),
  scope: scopeSchema,
  position: z.number().int(),
  archived: z.boolean(),
  /** How many live persons and companies use it (tags, categories, industries, sources, products). */
  usage: z.number().int().optional(),
});
export type Lookup = z.infer<typeof lookupSchema>;

export const lookupCreateSchema = z.strictObject({
  name: nameSchema(60),
  color: colorSchema.nullable().optional(),
  scope: scopeSchema.default('both'),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type LookupCreate = z.input<typeof lookupCreateSchema>;

export const lookupUpdateSchema = z.strictObject({
  name: nameSchema(60).optional(),
  color: colorSchema.nullable().optional(),
  scope: scopeSchema.optional(),
  position: z.number().int().min(0).max(10_000).optional(),
  archived: z.boolean().optional(),
});
export type LookupUpdate = z.input<typeof lookupUpdateSchema>;

export const lookupKindParamsSchema = z.strictObject({ kind: lookupKindSchema });
export const lookupParamsSchema = z.strictObject({ kind: lookupKindSchema, id: idSchema });
export const lookupListQuerySchema = statusListQuerySchema.omit({ entity: true }).extend({
  withUsage: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
export const lookupListSchema = z.object({ items: z.array(lookupSchema) });

/** "Move all companies of industry A to industry B" (seed 001); also works for sources. */
export const lookupMoveSchema = z.strictObject({ targetId: idSchema });
export const lookupMoveResultSchema = z.object({ moved: z.number().int() });

// ---------------------------------------------------------------- custom fields (C-7)

export const CUSTOM_FIELD_TYPES = ['text', 'money', 'date', 'number', 'dropdown'] as const;
export const customFieldTypeSchema = z.enum(CUSTOM_FIELD_TYPES);
export type CustomFieldType = z.infer<typeof customFieldTypeSchema>;

export const customFieldOptionSchema = z.object({
  id: idSchema,
  name: z.string(),
  abbreviation: z.string(),
  color: z.string(),
  background: z.string(),
});
export type CustomFieldOption = z.infer<typeof customFieldOptionSchema>;

export const customFieldOptionInputSchema = z.strictObject({
  /** Absent for a new option; kept for an existing one so stored values stay valid. */
  id: idSchema.optional(),
  name: nameSchema(60),
  abbreviation: z.string().trim().max(6).default(''),
  color: colorSchema.default('#1f2937'),
  background: colorSchema.default('#e5e7eb'),
});

export const customFieldSchema = z.object({
  id: idSchema,
  entity: contactKindSchema,
  name: z.string(),
  type: customFieldTypeSchema,
  options: z.array(customFieldOptionSchema),
  position: z.number().int(),
  archived: z.boolean(),
});
export type CustomField = z.infer<typeof customFieldSchema>;

export const customFieldCreateSchema = z.strictObject({
  entity: contactKindSchema,
  name: nameSchema(60),
  type: customFieldTypeSchema,
  options: z.array(customFieldOptionInputSchema).max(200).default([]),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type CustomFieldCreate = z.input<typeof customFieldCreateSchema>;

/** The type cannot change once values may exist; options can. */
export const customFieldUpdateSchema = z.strictObject({
  name: nameSchema(60).optional(),
  options: z.array(customFieldOptionInputSchema).max(200).optional(),
  position: z.number().int().min(0).max(10_000).optional(),
  archived: z.boolean().optional(),
});
export type CustomFieldUpdate = z.input<typeof customFieldUpdateSchema>;

export const customFieldListSchema = z.object({ items: z.array(customFieldSchema) });

/**
 * Stored values by field id: text → string, money and number → number, date → "YYYY-MM-DD",
 * dropdown → option id. The server checks each against its field's type.
 */
export const customValuesSchema = z.record(
  idSchema,
  z.union([z.string().max(2000), z.number(), z.null()]),
);
export type CustomValues = z.infer<typeof customValuesSchema>;

// ---------------------------------------------------------------- CRM settings

/** Where day-based follow-ups land until a club says when its working day starts. */
export const DEFAULT_WORKDAY_START = '10:00';

export const NEW_CALLER_RESPONSIBLE = ['taker', 'none'] as const;
export const newCallerResponsibleSchema = z.enum(NEW_CALLER_RESPONSIBLE);
export type NewCallerResponsible = z.infer<typeof newCallerResponsibleSchema>;

/** A set of roles, each at most once. */
const rolesSchema = z
  .array(roleSchema)
  .max(ROLES.length)
  .refine((roles) => new Set(roles).size === roles.length, { message: 'A role is listed twice' });

export const crmSettingsSchema = z.object({
  /** Deleted persons and companies are purged from the trash after this many days (C-12). */
  trashRetentionDays: z.number().int(),
  /** ISO 3166 country used to read phone numbers typed without a country code. */
  phoneRegion: z.string().nullable(),
  /**
   * The club's working day, "HH:MM" on the organization's clock. Follow-ups counted in days
   * (and "next working day") are due at its start.
   */
  workdayStart: z.string(),
  /**
   * Its end, or null: with an end, a follow-up counted in minutes or hours that would fall
   * outside [start, end] is moved to the next start; without one it keeps its time.
   */
  workdayEnd: z.string().nullable(),
  /**
   * The status of a person added from "New call" (issue 10). Null: the first person status by
   * order, whichever that is when the call is taken.
   */
  newCallerStatusId: idSchema.nullable(),
  /** Who is responsible for a person added from "New call": the staff member who took it, or nobody. */
  newCallerResponsible: newCallerResponsibleSchema,
  /** A person younger than this (whole years on the club's clock) is a minor (issue 17). */
  adultAge: z.number().int(),
  /** The roles that may use the CRM at all (U-2); a role left out gets 403 on CRM routes. */
  crmRoles: z.array(roleSchema),
  /** The roles that can be chosen as responsible for a contact or as a deal's owner (U-2). */
  responsibleRoles: z.array(roleSchema),
  /** The roles besides owners, admins and managers that see the reports and the team's numbers. */
  reportRoles: z.array(roleSchema),
  version: z.number().int(),
  updatedAt: timestampSchema,
});
export type CrmSettings = z.infer<typeof crmSettingsSchema>;

export const crmSettingsUpdateSchema = z.strictObject({
  trashRetentionDays: z.number().int().min(1).max(3650).optional(),
  phoneRegion: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/)
    .transform((v) => v.toUpperCase())
    .nullable()
    .optional(),
  /** The end must come after the start (checked with the stored value of the other). */
  workdayStart: timeOfDaySchema.optional(),
  workdayEnd: timeOfDaySchema.nullable().optional(),
  /** A live person status; null: the first by order. */
  newCallerStatusId: idSchema.nullable().optional(),
  newCallerResponsible: newCallerResponsibleSchema.optional(),
  adultAge: z.number().int().min(1).max(30).optional(),
  /** At least one role; the responsible roles must be among them (checked with the stored other). */
  crmRoles: rolesSchema.min(1).optional(),
  responsibleRoles: rolesSchema.min(1).optional(),
  /** Any of EXTRA_REPORT_ROLES (owners, admins and managers see the reports anyway); [] for none. */
  reportRoles: rolesSchema
    .refine((roles) => roles.every((r) => EXTRA_REPORT_ROLES.includes(r)), {
      message: 'Owners, admins and managers see the reports anyway',
    })
    .optional(),
  version: z.number().int().nonnegative(),
});
export type CrmSettingsUpdate = z.input<typeof crmSettingsUpdateSchema>;
