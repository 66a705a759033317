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

export const importRowErrorSchema = z.object({
  /** 1-based line in the file, counting the header as line 1. */
  line: z.number().int(),
  column: z.string().nullable(),
  /** In English, for API users; the UI translates `code` with `params` instead. */
  message: z.string(),
  /** invalid_email, unknown_status, custom_not_number … (see the web's imports locale). */
  code: importRowErrorCodeSchema.optional(),
  params: z.record(z.string(), z.string()).optional(),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

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
  /** The first rows' problems, by line (a dry run reports them without writing). */
  errors: z.array(importRowErrorSchema),
  errorCount: z.number().int(),
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
