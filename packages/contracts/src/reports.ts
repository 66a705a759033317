import { z } from 'zod';

/**
 * Reports (S-3, S-5) and the home page's team numbers (S-6). Every report is read with
 * `reports.read` and answers for a period of club calendar days in the organization's zone.
 *
 * - GET /api/reports/<name>?preset=…&from=…&to=…&compare=true&<filters>
 *     → { period, previous?, rows, totals, previousTotals? }
 */

export const REPORT_PRESETS = [
  'today',
  'this-week',
  'last-week',
  'this-month',
  'last-month',
  'this-quarter',
  'this-year',
  'custom',
] as const;
export const reportPresetSchema = z.enum(REPORT_PRESETS);
export type ReportPreset = z.infer<typeof reportPresetSchema>;

const reportDaySchema = z.iso.date();

/** The period part of every report's query string. `custom` needs both days; at most 3 years. */
export const reportPeriodQuerySchema = z
  .object({
    preset: reportPresetSchema.default('this-month'),
    from: reportDaySchema.optional(),
    to: reportDaySchema.optional(),
    /** Also answer for the period just before, as long as this one. */
    compare: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
  })
  .superRefine((q, ctx) => {
    if (q.preset !== 'custom') return;
    if (!q.from) ctx.addIssue({ code: 'custom', path: ['from'], message: 'Choose the first day' });
    if (!q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Choose the last day' });
    if (q.from && q.to && q.from > q.to) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'The last day comes before the first',
      });
    }
    if (q.from && q.to && Date.parse(q.to) - Date.parse(q.from) > 3 * 366 * 86_400_000) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'A period is at most three years' });
    }
  });
export type ReportPeriodQuery = z.input<typeof reportPeriodQuerySchema>;

/** The days a report covers, both included, in the organization's calendar. */
export const reportPeriodSchema = z.object({
  from: reportDaySchema,
  to: reportDaySchema,
});
export type ReportPeriod = z.infer<typeof reportPeriodSchema>;
