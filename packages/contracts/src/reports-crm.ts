import { z } from 'zod';
import { idSchema } from './common.ts';
import { reportPeriodQuerySchema, reportPeriodSchema } from './reports.ts';

/**
 * The general CRM report (S-5, seed 004): tasks created, done and overdue in a period, by one
 * dimension, for the tasks the asker may see.
 *
 * - created: created in the period;
 * - done: completed in the period;
 * - overdue: still open and due before the period's end (or before now, if that is earlier).
 *   By day, week or month it is the backlog at the end of each step: the last step's figure
 *   is the period's.
 */
export const CRM_REPORT_DIMENSIONS = [
  'staff',
  'template',
  'result',
  'group',
  'branch',
  'day',
  'week',
  'month',
] as const;
export const crmReportDimensionSchema = z.enum(CRM_REPORT_DIMENSIONS);
export type CrmReportDimension = z.infer<typeof crmReportDimensionSchema>;
export const CRM_REPORT_TIME_DIMENSIONS: readonly CrmReportDimension[] = ['day', 'week', 'month'];

export const crmReportQuerySchema = reportPeriodQuerySchema.safeExtend({
  groupBy: crmReportDimensionSchema.default('staff'),
  /** Tasks of this branch. */
  branchId: idSchema.optional(),
  /** Tasks assigned to a member (or manager) of this group. */
  groupId: idSchema.optional(),
  /** Tasks assigned to this staff member. */
  assigneeId: idSchema.optional(),
  templateId: idSchema.optional(),
});
export type CrmReportQuery = z.output<typeof crmReportQuerySchema>;
export type CrmReportQueryInput = z.input<typeof crmReportQuerySchema>;

export const crmReportCountsSchema = z.object({
  created: z.number().int(),
  done: z.number().int(),
  overdue: z.number().int(),
});
export type CrmReportCounts = z.infer<typeof crmReportCountsSchema>;

export const crmReportRowSchema = crmReportCountsSchema.extend({
  /**
   * The dimension's id (staff member, template, result, group, branch), null for "none"; by
   * day, week or month the first day of the step.
   */
  key: z.string().nullable(),
  /** The name to show; empty for "none" and for the steps of time (the UI writes the date). */
  label: z.string(),
  /** By day, week or month: the step's days inside the period, both included. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** The same key's counts in the previous period (by staff, template … with `compare`). */
  previous: crmReportCountsSchema.optional(),
});
export type CrmReportRow = z.infer<typeof crmReportRowSchema>;

export const crmReportSchema = z.object({
  period: reportPeriodSchema,
  previous: reportPeriodSchema.optional(),
  groupBy: crmReportDimensionSchema,
  rows: z.array(crmReportRowSchema),
  /** Each task once (a staff member in two groups counts in both groups' rows). */
  totals: crmReportCountsSchema,
  previousTotals: crmReportCountsSchema.optional(),
});
export type CrmReport = z.infer<typeof crmReportSchema>;
