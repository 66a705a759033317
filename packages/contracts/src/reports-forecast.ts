import { z } from 'zod';
import { idSchema } from './common.ts';

/**
 * Two reports of issue 15: the sales forecast (S-3) and the retention list.
 *
 * - GET  /api/reports/forecast              forecastQuerySchema → forecastReportSchema
 * - GET  /api/reports/retention             retentionQuerySchema → retentionPageSchema
 * - POST /api/reports/retention/call-round  retentionCallRoundSchema → retentionCallRoundResultSchema
 *
 * Money is in minor units of `currency` (the organization's), as everywhere in deals.
 */

const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

const idList = z
  .union([idSchema, z.array(idSchema).max(100)])
  .transform((v) => (Array.isArray(v) ? v : [v]));

/** How the forecast's rows are cut: one per month, per owner or per group. */
export const FORECAST_GROUPINGS = ['month', 'owner', 'group'] as const;
export type ForecastGrouping = (typeof FORECAST_GROUPINGS)[number];

/** The most months one forecast covers. */
export const FORECAST_MAX_MONTHS = 36;

export const forecastQuerySchema = z.strictObject({
  /** YYYY-MM, first month shown; default six months back. */
  fromMonth: monthSchema.optional(),
  /** YYYY-MM, last month shown; default five months ahead (12 months with the current one). */
  toMonth: monthSchema.optional(),
  by: z.enum(FORECAST_GROUPINGS).default('month'),
  pipelineId: idSchema.optional(),
  ownerId: idList.optional(),
  /** Deals of these groups and their sub-groups. */
  groupId: idList.optional(),
  branchId: idList.optional(),
});
export type ForecastQuery = z.output<typeof forecastQuerySchema>;
export type ForecastQueryInput = z.input<typeof forecastQuerySchema>;

const forecastNumbers = {
  /** Open deals expected to close in the month(s). */
  openCount: z.number().int(),
  openAmount: z.number().int(),
  /** Σ amount × probability of those open deals: what the pipeline still expects. */
  openWeighted: z.number().int(),
  /**
   * Σ amount × probability of every deal expected to close in the month(s), open or closed; a
   * closed deal counts with the probability of the stage it left when it closed (what the
   * pipeline said just before), an open one with its probability now.
   */
  forecast: z.number().int(),
  /** Deals won (moved to a won stage) in the month(s), by the day they were won. */
  wonCount: z.number().int(),
  wonAmount: z.number().int(),
};

export const forecastRowSchema = z.object({
  /** YYYY-MM, an owner's or a group's id; null: deals without an owner or a group. */
  key: z.string().nullable(),
  /** The owner's or group's name; the month itself for months. */
  label: z.string(),
  ...forecastNumbers,
});
export type ForecastRow = z.infer<typeof forecastRowSchema>;

export const forecastReportSchema = z.object({
  fromMonth: monthSchema,
  toMonth: monthSchema,
  /** The club's current month: months before it are past (won vs forecast). */
  currentMonth: monthSchema,
  currency: z.string(),
  by: z.enum(FORECAST_GROUPINGS),
  rows: z.array(forecastRowSchema),
  totals: z.object(forecastNumbers),
});
export type ForecastReport = z.infer<typeof forecastReportSchema>;

// ---------------------------------------------------------------- retention

/** Why a member is on the list. */
export const RETENTION_REASONS = ['visits_dropped', 'contract_ending'] as const;
export type RetentionReason = (typeof RETENTION_REASONS)[number];

const retentionFilterFields = {
  branchId: idList.optional(),
  reason: z.enum(RETENTION_REASONS).optional(),
  /** A contract ending within this many days (from today, the club's day) counts. */
  days: z.coerce.number().int().min(1).max(365).default(30),
};

export const retentionQuerySchema = z.strictObject({
  ...retentionFilterFields,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The `nextCursor` of a page read with the same filters. */
  cursor: z.string().max(500).optional(),
});
export type RetentionQuery = z.output<typeof retentionQuerySchema>;
export type RetentionQueryInput = z.input<typeof retentionQuerySchema>;

export const retentionRowSchema = z.object({
  personId: idSchema,
  name: z.string(),
  phone: z.string().nullable(),
  branchId: idSchema.nullable(),
  reasons: z.array(z.enum(RETENTION_REASONS)),
  /** Check-ins in the four weeks before today and in the four weeks before those. */
  visitsRecent: z.number().int(),
  visitsBefore: z.number().int(),
  /** The day the member's last live contract ends, if it ends within `days`. */
  contractEndsOn: z.string().nullable(),
  /** An open call or client task on the person: a call round skips them. */
  hasOpenTask: z.boolean(),
});
export type RetentionRow = z.infer<typeof retentionRowSchema>;

export const retentionPageSchema = z.object({
  /** The club's today and the windows the visits were counted in (YYYY-MM-DD, inclusive). */
  today: z.string(),
  recentFrom: z.string(),
  beforeFrom: z.string(),
  items: z.array(retentionRowSchema),
  nextCursor: z.string().nullable(),
});
export type RetentionPage = z.infer<typeof retentionPageSchema>;

/** One call per person: the selected ones, or (no `personIds`) everyone the filters list. */
export const retentionCallRoundSchema = z.strictObject({
  /** A call round template; default: the organization's default one. */
  templateId: idSchema.optional(),
  personIds: z.array(idSchema).min(1).max(5000).optional(),
  branchId: z.array(idSchema).max(100).optional(),
  reason: z.enum(RETENTION_REASONS).optional(),
  days: z.number().int().min(1).max(365).default(30),
  assigneeId: idSchema.nullable().optional(),
  /** The club day the calls are for (default today). */
  dueDate: z.iso.date().optional(),
  comment: z.string().trim().max(4000).optional(),
});
export type RetentionCallRound = z.input<typeof retentionCallRoundSchema>;

export const retentionCallRoundResultSchema = z.object({
  /** The new call round; null when everyone already had an open task. */
  roundId: idSchema.nullable(),
  created: z.number().int(),
  /** Persons left out: they already had an open call or client task. */
  skipped: z.number().int(),
});
export type RetentionCallRoundResult = z.infer<typeof retentionCallRoundResultSchema>;
