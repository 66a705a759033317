import { z } from 'zod';
import { familySchema, guardianRefSchema } from './families.ts';
import { emailSchema, idSchema, nameSchema, timestampSchema } from './common.ts';
import { coded } from './errors.ts';
import { contactKindSchema, customValuesSchema } from './contact-settings.ts';

// ---------------------------------------------------------------- parts

export const PHONE_LABELS = ['mobile', 'home', 'work', 'other'] as const;
export const EMAIL_LABELS = ['personal', 'work', 'other'] as const;

/** As typed: the server normalizes it to E.164 with the organization's phone region. */
export const phoneInputSchema = z.strictObject({
  number: z.string().trim().min(3).max(40),
  label: z.enum(PHONE_LABELS).default('mobile'),
});
export const phoneSchema = z.object({
  /** E.164 when the number could be read; otherwise the digits as typed. */
  number: z.string(),
  label: z.enum(PHONE_LABELS),
  valid: z.boolean(),
});
export type Phone = z.infer<typeof phoneSchema>;

export const emailInputSchema = z.strictObject({
  email: emailSchema,
  label: z.enum(EMAIL_LABELS).default('personal'),
});
export const contactEmailSchema = z.object({ email: z.string(), label: z.enum(EMAIL_LABELS) });
export type ContactEmail = z.infer<typeof contactEmailSchema>;

const line = (max = 200) => z.string().trim().max(max);

export const addressSchema = z.strictObject({
  street: line().default(''),
  postalCode: line(20).default(''),
  city: line(100).default(''),
  country: line(100).default(''),
});
export type Address = z.infer<typeof addressSchema>;

export const consentSchema = z.object({
  granted: z.boolean(),
  at: timestampSchema.nullable(),
  source: z.string().nullable(),
  /** For a minor: the guardian who gave it (issue 17); null when the person gave it. */
  by: z.object({ id: idSchema, name: z.string() }).nullable(),
});
export type Consent = z.infer<typeof consentSchema>;
export const consentInputSchema = z.strictObject({
  granted: z.boolean(),
  /** Where the consent came from: "signup form", "reception, on paper" … */
  source: line(120).nullable().optional(),
  /** A minor's consent is given by one of their guardians (issue 17): that guardian's id. */
  byId: idSchema.nullable().optional(),
});

const dateOnlySchema = z.iso.date();

/** A reference with what a list needs to show it without another request. */
export const refSchema = z.object({ id: idSchema, name: z.string() });

// ---------------------------------------------------------------- persons and companies

const contactBase = {
  id: idSchema,
  phones: z.array(phoneSchema),
  emails: z.array(contactEmailSchema),
  branchId: idSchema.nullable(),
  statusId: idSchema.nullable(),
  responsibleId: idSchema.nullable(),
  note: z.string(),
  tagIds: z.array(idSchema),
  categoryIds: z.array(idSchema),
  sourceId: idSchema.nullable(),
  productIds: z.array(idSchema),
  custom: customValuesSchema,
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  createdBy: refSchema.nullable(),
  /** Set on records in the trash. */
  deletedAt: timestampSchema.nullable(),
  /** Set once a person has been anonymized on request (C-16). */
  erasedAt: timestampSchema.nullable(),
};

export const personSchema = z.object({
  ...contactBase,
  kind: z.literal('person'),
  firstName: z.string(),
  lastName: z.string(),
  /** "First Last", or the first phone or email when there is no name. */
  displayName: z.string(),
  birthDate: dateOnlySchema.nullable(),
  address: addressSchema,
  companyId: idSchema.nullable(),
  company: refSchema.nullable(),
  consentEmail: consentSchema,
  consentSms: consentSchema,
  /** Whole years on the club's clock today; null without a birth date (issue 17). */
  age: z.number().int().nullable(),
  /** Younger than the organization's adult age (CRM settings); false without a birth date. */
  minor: z.boolean(),
  /** A child's primary guardian: who to call about them. Null for anyone without one. */
  guardian: guardianRefSchema.nullable(),
});
export type Person = z.infer<typeof personSchema>;

export const companySchema = z.object({
  ...contactBase,
  kind: z.literal('company'),
  name: z.string(),
  displayName: z.string(),
  orgNumber: z.string(),
  billingAddress: addressSchema,
  visitingAddress: addressSchema,
  industryId: idSchema.nullable(),
  /** Contact persons: the persons linked to this company. */
  contactPersons: z.array(
    z.object({ id: idSchema, displayName: z.string(), phone: z.string().nullable() }),
  ),
});
export type Company = z.infer<typeof companySchema>;

const commonInput = {
  phones: z.array(phoneInputSchema).max(10).optional(),
  emails: z.array(emailInputSchema).max(10).optional(),
  branchId: idSchema.nullable().optional(),
  statusId: idSchema.nullable().optional(),
  responsibleId: idSchema.nullable().optional(),
  note: z.string().max(10_000).optional(),
  tagIds: z.array(idSchema).max(100).optional(),
  categoryIds: z.array(idSchema).max(100).optional(),
  sourceId: idSchema.nullable().optional(),
  productIds: z.array(idSchema).max(100).optional(),
  custom: customValuesSchema.optional(),
};

const personFields = {
  ...commonInput,
  firstName: line(100).optional(),
  lastName: line(100).optional(),
  birthDate: dateOnlySchema.nullable().optional(),
  address: addressSchema.optional(),
  companyId: idSchema.nullable().optional(),
  consentEmail: consentInputSchema.optional(),
  consentSms: consentInputSchema.optional(),
};

/** C-1: nothing is required but enough to identify the person: a name, a phone or an email. */
const identifies = (p: {
  firstName?: string;
  lastName?: string;
  phones?: unknown[];
  emails?: unknown[];
}) => Boolean(p.firstName || p.lastName || p.phones?.length || p.emails?.length);

const identifyIssue = {
  ...coded('identify_required', 'Enter a name, a phone or an email'),
  path: ['firstName'],
};

export const personCreateSchema = z
  .strictObject({
    ...personFields,
    /**
     * How the person came in. `new_call`: added while taking a call ("New call"), so a status
     * and a responsible the body leaves out come from the CRM settings' new-caller defaults.
     */
    intake: z.enum(['new_call']).optional(),
  })
  .refine(identifies, identifyIssue);
export type PersonCreate = z.input<typeof personCreateSchema>;

export const personUpdateSchema = z.strictObject({
  ...personFields,
  version: z.number().int().nonnegative(),
  /** Save anyway over someone else's newer change (the UI asks first). */
  force: z.boolean().optional(),
});
export type PersonUpdate = z.input<typeof personUpdateSchema>;

const companyFields = {
  ...commonInput,
  name: line(200).optional(),
  orgNumber: line(40).optional(),
  billingAddress: addressSchema.optional(),
  visitingAddress: addressSchema.optional(),
  industryId: idSchema.nullable().optional(),
};

export const companyCreateSchema = z.strictObject({
  ...companyFields,
  name: z.string().trim().min(1).max(200),
  /** Create the company's contact person in the same form (C-2). */
  contactPerson: z
    .strictObject({
      firstName: line(100).optional(),
      lastName: line(100).optional(),
      phones: z.array(phoneInputSchema).max(10).optional(),
      emails: z.array(emailInputSchema).max(10).optional(),
    })
    .refine(identifies, identifyIssue)
    .optional(),
});
export type CompanyCreate = z.input<typeof companyCreateSchema>;

export const companyUpdateSchema = z.strictObject({
  ...companyFields,
  name: z.string().trim().min(1).max(200).optional(),
  version: z.number().int().nonnegative(),
  force: z.boolean().optional(),
});
export type CompanyUpdate = z.input<typeof companyUpdateSchema>;

/** Returned with 201 so the form can warn "this phone or email is already in the CRM" (C-13). */
export const duplicateSchema = z.object({
  id: idSchema,
  kind: contactKindSchema,
  displayName: z.string(),
  matchedOn: z.enum(['phone', 'email']),
  value: z.string(),
});
export type Duplicate = z.infer<typeof duplicateSchema>;

/** 201 of a create: the new record and anything it may duplicate (the UI offers to open it). */
export const personCreatedSchema = z.object({
  person: personSchema,
  duplicates: z.array(duplicateSchema),
});
export const companyCreatedSchema = z.object({
  company: companySchema,
  duplicates: z.array(duplicateSchema),
  /** The contact person created in the same form, if one was given. */
  contactPersonId: idSchema.nullable(),
});

export const duplicateCheckSchema = z.strictObject({
  kind: contactKindSchema.default('person'),
  phones: z.array(z.string().trim().max(40)).max(10).default([]),
  emails: z.array(z.string().trim().max(254)).max(10).default([]),
  /** Leave this record out (the one being edited). */
  excludeId: idSchema.optional(),
});
export const duplicateListSchema = z.object({ items: z.array(duplicateSchema) });

// ---------------------------------------------------------------- lists (C-10)

export const PERSON_SORTS = [
  'name',
  'createdAt',
  'updatedAt',
  'birthDate',
  'status',
  'responsible',
  'city',
] as const;
export const COMPANY_SORTS = [
  'name',
  'createdAt',
  'updatedAt',
  'status',
  'responsible',
  'orgNumber',
] as const;

const csv = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean));
const idList = csv.pipe(z.array(idSchema).max(100));

/**
 * A custom-field filter `<fieldId>:<op>:<value>`; ops: eq (text, dropdown: value is the option
 * id; several option ids joined by `|`), contains (text), gte / lte (number, money, date), set, unset.
 */
export const customFilterSchema = z
  .string()
  .regex(
    /^[0-9a-fA-F-]{36}:(eq|contains|gte|lte|set|unset)(:.{0,200})?$/,
    'Expected <fieldId>:<op>:<value>',
  );
export const CUSTOM_FILTER_OPS = ['eq', 'contains', 'gte', 'lte', 'set', 'unset'] as const;

/** The filters of a contact list; the same object drives export and bulk actions. */
export const contactFilterSchema = z.strictObject({
  search: z.string().trim().max(200).optional(),
  statusId: idList.optional(),
  /** Persons with no status. */
  noStatus: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  responsibleId: idList.optional(),
  /** Persons nobody is responsible for. */
  noResponsible: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  tagId: idList.optional(),
  /** `any` (default): at least one of the tags; `all`: every one of them. */
  tagMode: z.enum(['any', 'all']).default('any'),
  categoryId: idList.optional(),
  branchId: idList.optional(),
  sourceId: idList.optional(),
  industryId: idList.optional(),
  companyId: idSchema.optional(),
  createdFrom: z.iso.date().optional(),
  createdTo: z.iso.date().optional(),
  /** Persons waiting for the club's first contact after a lead form (decision 0029). */
  waiting: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  /**
   * Persons who reached this step of the sales funnel (or a later one) by the organization's
   * funnel settings: the drill-down of the funnel report, with createdFrom / createdTo.
   */
  funnelStep: z.enum(['contacted', 'trial', 'bought']).optional(),
  /** Persons at least / at most this many whole years old on the club's clock (issue 17). */
  ageFrom: z.coerce.number().int().min(0).max(130).optional(),
  ageTo: z.coerce.number().int().min(0).max(130).optional(),
  /** `true`: minors only (younger than the adult age); `false`: adults only. Needs a birth date. */
  minor: z.enum(['true', 'false']).optional(),
  cf: z
    .union([customFilterSchema, z.array(customFilterSchema).max(20)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional(),
});
export type ContactFilter = z.output<typeof contactFilterSchema>;
export type ContactFilterInput = z.input<typeof contactFilterSchema>;

/** Counts stop here: past it a list says "10,000+" (`capped`), which is all a person needs. */
export const LIST_COUNT_CAP = 10_000;

const pageQuery = {
  /** A column, `-column` for descending, or `cf:<fieldId>` / `-cf:<fieldId>`. */
  sort: z.string().max(60).default('name'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The `nextCursor` or `prevCursor` of a page read with the same filters and sort. */
  cursor: z.string().max(2000).optional(),
  /** `true`: also count the matching rows, up to LIST_COUNT_CAP (the answer's `total`). */
  count: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
};

export const personListQuerySchema = contactFilterSchema.extend(pageQuery);
export const companyListQuerySchema = contactFilterSchema.extend(pageQuery);
export type ContactListQuery = z.input<typeof personListQuerySchema>;

const listPaging = {
  /** The page after this one, or null on the last page. */
  nextCursor: z.string().nullable(),
  /** The page before this one, or null on the first page. */
  prevCursor: z.string().nullable(),
  /** Only with `count=true`: the matching rows, at most LIST_COUNT_CAP. */
  total: z.number().int().optional(),
  /** Only with `count=true`: more rows match than `total` says. */
  capped: z.boolean().optional(),
};
export const personListSchema = z.object({ items: z.array(personSchema), ...listPaging });
export const companyListSchema = z.object({ items: z.array(companySchema), ...listPaging });

// ---------------------------------------------------------------- bulk actions and export

export const bulkActionSchema = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('addTag'),
    /** An existing tag, or … */
    tagId: idSchema.optional(),
    /** … a tag by name, created for this list's kind when there is none by that name yet. */
    tagName: nameSchema(60).optional(),
  }),
  z.strictObject({ action: z.literal('removeTag'), tagId: idSchema }),
  z.strictObject({ action: z.literal('setStatus'), statusId: idSchema.nullable() }),
  z.strictObject({ action: z.literal('setResponsible'), responsibleId: idSchema.nullable() }),
  z.strictObject({ action: z.literal('delete') }),
]);

export const bulkBodySchema = z.strictObject({
  /** Either the selected ids, or every record the filter matches. */
  ids: z.array(idSchema).min(1).max(1000).optional(),
  filter: contactFilterSchema.optional(),
  change: bulkActionSchema,
});
export type BulkBody = z.input<typeof bulkBodySchema>;
export const bulkResultSchema = z.object({
  affected: z.number().int(),
  /** Adding a tag by `tagName`: the tag's id (it exists from now on). */
  tagId: idSchema.optional(),
});

export const exportQuerySchema = contactFilterSchema.extend({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  sort: z.string().max(60).default('name'),
  /** The visible columns, in order: built-in column keys and `cf:<fieldId>`. */
  columns: csv.optional(),
});

// ---------------------------------------------------------------- search (C-11)

export const searchQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  kind: contactKindSchema.optional(),
});
export const searchHitSchema = z.object({
  id: idSchema,
  kind: contactKindSchema,
  displayName: z.string(),
  /** The phone, email or organization number that matched, or the first phone. */
  detail: z.string().nullable(),
  statusId: idSchema.nullable(),
  /**
   * Found through a relative (issue 17): a child found by their guardian's phone has the
   * guardian here (`as: 'guardian'`), a guardian found by their child's name the child.
   */
  via: z
    .object({ id: idSchema, displayName: z.string(), as: z.enum(['guardian', 'child']) })
    .nullable(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;
export const searchResultSchema = z.object({ items: z.array(searchHitSchema) });

// ---------------------------------------------------------------- merge (C-13)

export const mergeBodySchema = z.strictObject({
  /** The record that stays. */
  targetId: idSchema,
  /** The record merged into it; it goes away (not to the trash). */
  sourceId: idSchema,
});

// ---------------------------------------------------------------- history (C-9)

export const HISTORY_EVENTS = [
  'note',
  'created',
  'updated',
  'status_changed',
  'responsible_changed',
  'merged',
  'deleted',
  'restored',
  'imported',
  'erased',
  'exported',
  /** A task was completed with a result (T-4): `{ taskId, template, result, fields }`. */
  'task_result',
  /**
   * Something a connected club system reported that staff should see: `{ type, … }` with
   * the event type ('booking.created' with `{ className, startsAt, trial }`, 'payment.failed'
   * with `{ amount, currency, reason }`, 'contract.ended' with `{ service, endsOn }` …).
   */
  'club_event',
  /**
   * A lead form submission: `{ formId, formName, message, fields, consents, created }`,
   * the consents as `{ kind, text }` in the language the visitor read.
   */
  'lead_form',
  /**
   * A deal of this person or company (S-1): `{ dealId, title, stageId, stageName }`; a stage
   * change adds `fromStageId` and `fromStageName`; a lost deal `lostReasonName` and
   * `lostComment`. Names as they were when it happened.
   */
  'deal_created',
  'deal_stage_changed',
  'deal_won',
  'deal_lost',
  /**
   * A mail went to this person (issue 16), from a campaign or one staff member; text: the
   * subject; `{ campaignId, campaignName }` or `{ subject, to }` (the author wrote it).
   */
  'email_sent',
  /** An SMS went to this person (issue 16); text: the text sent; `{ campaignId, campaignName }` or `{ to }`. */
  'sms_sent',
  /**
   * Marketing consent withdrawn by the person (an unsubscribe link, issue 16):
   * `{ channel, source, campaignId, campaignName }`.
   */
  'consent_withdrawn',
  /**
   * A guardian ↔ child link was made or removed (issue 17), written on both persons:
   * `{ relationId, personId, personName, as }`, `as` being what the other person is to this one
   * ('child' or 'guardian'), `roleName` when it has a role.
   */
  'relation_added',
  'relation_removed',
] as const;
export const historyEventSchema = z.enum(HISTORY_EVENTS);

export const historyEntrySchema = z.object({
  id: idSchema,
  event: historyEventSchema,
  typeId: idSchema.nullable(),
  text: z.string(),
  /** Event details: `{ from, to }` for changes, `{ mergedName }` for a merge … */
  data: z.record(z.string(), z.unknown()),
  author: refSchema.nullable(),
  createdAt: timestampSchema,
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const historyQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** The `nextCursor` of the previous page. */
  cursor: z.string().max(100).optional(),
});
export const historyPageSchema = z.object({
  items: z.array(historyEntrySchema),
  nextCursor: z.string().nullable(),
});
export const noteCreateSchema = z.strictObject({
  text: z.string().trim().min(1).max(10_000),
  typeId: idSchema.nullable().optional(),
});

// ---------------------------------------------------------------- trash (C-12)

export const trashItemSchema = z.object({
  id: idSchema,
  kind: contactKindSchema,
  displayName: z.string(),
  deletedAt: timestampSchema,
  deletedBy: refSchema.nullable(),
  purgeAt: timestampSchema,
});
export const trashQuerySchema = z.strictObject({
  kind: contactKindSchema.optional(),
  search: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export const trashListSchema = z.object({
  items: z.array(trashItemSchema),
  total: z.number().int(),
});

// ---------------------------------------------------------------- privacy (C-16)

export const personExportSchema = z.object({
  exportedAt: timestampSchema,
  person: personSchema,
  /** Their guardians, children and siblings (issue 17). */
  family: familySchema,
  history: z.array(historyEntrySchema),
});

/**
 * Body of POST /api/persons/:id/erase (optional): why, e.g. "request by email of 3 May"; kept on
 * the 'erased' history entry, so write no personal data in it.
 */
export const personEraseSchema = z
  .strictObject({ reason: z.string().trim().max(500).optional() })
  .nullish();
