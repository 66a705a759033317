import { z } from 'zod';
import { idSchema, timestampSchema } from './common.ts';
import { importRowErrorCodeSchema } from './errors.ts';
import { contactKindSchema } from './contact-settings.ts';

/**
 * Where a CSV column goes: a built-in field (`firstName`, `phone`, `email`, `status`, `tags` …),
 * a custom field (`cf:<fieldId>`), or nowhere (`skip`).
 */
export const importTargetSchema = z.string().min(1).max(60);

export const IMPORT_DUPLICATE_MODES = ['skip', 'update', 'create'] as const;

/** `queued`: the run waits for one of the organization's import slots (`dryRun` says which). */
export const importStatusSchema = z.enum([
  'uploaded',
  'queued',
  'validating',
  'validated',
  'running',
  'done',
  'failed',
]);

/**
 * How a problem affects its row: an `error` leaves the row out (nothing identifies the person,
 * or "skip rows with any problem" was chosen); a `warning` imports the row without the cell's
 * value; a `duplicate` names the existing contact the row was skipped for or updated.
 */
export const IMPORT_PROBLEM_SEVERITIES = ['error', 'warning', 'duplicate'] as const;
export const importProblemSeveritySchema = z.enum(IMPORT_PROBLEM_SEVERITIES);
export type ImportProblemSeverity = z.infer<typeof importProblemSeveritySchema>;

export const importRowErrorSchema = z.object({
  /** The data row, 1-based (the header is not a record). */
  record: z.number().int().optional(),
  /** 1-based physical line where the row starts, the header being line 1 (quoted cells may span lines). */
  line: z.number().int(),
  column: z.string().nullable(),
  /** In English, for API users; the UI translates `code` with `params` instead. */
  message: z.string(),
  /** invalid_email, unknown_status, custom_not_number … (see the web's imports locale). */
  code: importRowErrorCodeSchema.optional(),
  params: z.record(z.string(), z.string()).optional(),
  severity: importProblemSeveritySchema.optional(),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

/** One stored problem of a (dry) run, as the problems page and its CSV download list it. */
export const importProblemSchema = z.object({
  /** Position in the run's list; the keyset cursor of the next page. */
  n: z.number().int(),
  record: z.number().int(),
  line: z.number().int(),
  column: z.string().nullable(),
  severity: importProblemSeveritySchema,
  code: importRowErrorCodeSchema,
  message: z.string(),
  params: z.record(z.string(), z.string()),
  /** The cell as the file has it (cut to 200 characters); null for a problem of the whole row. */
  value: z.string().nullable(),
  /** For a duplicate: the existing contact it matched (null when it is a row of this file). */
  matchId: idSchema.nullable(),
  matchName: z.string().nullable(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

export const importProblemsQuerySchema = z.strictObject({
  severity: importProblemSeveritySchema.optional(),
  /** The `n` of the last problem of the previous page. */
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const importProblemPageSchema = z.object({
  items: z.array(importProblemSchema),
  /** Pass as `after` for the next page; null on the last one. */
  next: z.number().int().nullable(),
});
export type ImportProblemPage = z.infer<typeof importProblemPageSchema>;

/**
 * What to do with one value of a lookup column that the CRM does not know: use an existing
 * entry (`map`), create it when the import runs (`create`: statuses, categories, sources,
 * industries, dropdown options) or import the row without it (`empty`).
 */
export const importValueActionSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('map'), id: idSchema }),
  z.strictObject({ action: z.literal('create') }),
  z.strictObject({ action: z.literal('empty') }),
]);
export type ImportValueAction = z.infer<typeof importValueActionSchema>;
/** By column header, then by the value as written in the file (compared without case). */
export const importValueMapSchema = z.record(
  z.string().max(200),
  z.record(z.string().max(200), importValueActionSchema),
);
export type ImportValueMap = z.infer<typeof importValueMapSchema>;

export const IMPORT_LOOKUP_KINDS = [
  'status',
  'branch',
  'staff',
  'source',
  'industry',
  'category',
  'option',
] as const;
export type ImportLookupKind = (typeof IMPORT_LOOKUP_KINDS)[number];

/** The distinct values of each mapped lookup column that the CRM does not know yet. */
export const importUnknownValuesSchema = z.object({
  columns: z.array(
    z.object({
      column: z.string(),
      target: importTargetSchema,
      kind: z.enum(IMPORT_LOOKUP_KINDS),
      /** Whether "create it" is offered (staff and branches are never created by an import). */
      canCreate: z.boolean(),
      /** What an unknown value can be mapped to. */
      options: z.array(z.object({ id: idSchema, name: z.string() })),
      /** Most frequent first; `rows` counts the rows that have the value. */
      values: z.array(z.object({ value: z.string(), rows: z.number().int() })),
      /** More distinct values than listed (they stay unknown and are reported as warnings). */
      truncated: z.boolean(),
    }),
  ),
});
export type ImportUnknownValues = z.infer<typeof importUnknownValuesSchema>;
export const importUnknownValuesRequestSchema = z.strictObject({
  mapping: z.record(z.string().max(200), importTargetSchema),
});

export const importSchema = z.object({
  id: idSchema,
  kind: contactKindSchema,
  fileName: z.string(),
  status: importStatusSchema,
  /** Header of the file and the first rows, for the mapping step. */
  headers: z.array(z.string()),
  sample: z.array(z.array(z.string())),
  mapping: z.record(z.string(), importTargetSchema),
  duplicateMode: z.enum(IMPORT_DUPLICATE_MODES),
  dryRun: z.boolean(),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  /** Rows imported (or, in a dry run, to import) without some of their values. */
  warned: z.number().int(),
  /** The first problems, by line; all of them are paged at GET /api/imports/:id/problems. */
  errors: z.array(importRowErrorSchema),
  /** Every problem the run listed: errors, warnings and duplicates. */
  errorCount: z.number().int(),
  valueMap: importValueMapSchema,
  skipOnProblem: z.boolean(),
  createdAt: timestampSchema,
  finishedAt: timestampSchema.nullable(),
});
export type Import = z.infer<typeof importSchema>;

export const importUploadQuerySchema = z.strictObject({
  kind: contactKindSchema.default('person'),
  fileName: z.string().trim().min(1).max(200).default('import.csv'),
});

export const importRunSchema = z.strictObject({
  mapping: z.record(z.string().max(200), importTargetSchema),
  duplicateMode: z.enum(IMPORT_DUPLICATE_MODES).default('skip'),
  /** Check every row and report problems without writing anything. */
  dryRun: z.boolean().default(false),
  valueMap: importValueMapSchema.default({}),
  /** Leave out a row with any problem instead of importing it without the bad values. */
  skipOnProblem: z.boolean().default(false),
});
export type ImportRun = z.input<typeof importRunSchema>;

export const importTargetsSchema = z.object({
  items: z.array(z.object({ key: z.string(), label: z.string(), custom: z.boolean() })),
});

export type ImportTargets = z.infer<typeof importTargetsSchema>;
export type ImportStatus = z.infer<typeof importStatusSchema>;
export type ImportDuplicateMode = (typeof IMPORT_DUPLICATE_MODES)[number];

/** The organization's recent imports, newest first. */
export const importListSchema = z.object({ items: z.array(importSchema) });

export const importTargetsQuerySchema = z.strictObject({
  kind: contactKindSchema.default('person'),
});

/** What a mapping may point a column at besides a target: "don't import this column". */
export const IMPORT_SKIP_TARGET = 'skip';
/** Largest file the upload accepts, and most data rows in it. */
export const IMPORT_MAX_BYTES = 64 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 200_000;
