import { z } from 'zod';
import { idSchema } from './common.ts';
import { reportPeriodQuerySchema, reportPeriodSchema } from './reports.ts';

/**
 * The sales funnel's steps (seed 004): every person created in the period is a lead; the later
 * steps are reached through task results, person statuses and deal stages the club chooses.
 */
export const FUNNEL_STEPS = ['lead', 'contacted', 'trial', 'bought'] as const;
export const funnelStepSchema = z.enum(FUNNEL_STEPS);
export type FunnelStep = z.infer<typeof funnelStepSchema>;
/** The steps a club configures (a lead is every new person). */
export const CONFIGURABLE_FUNNEL_STEPS = ['contacted', 'trial', 'bought'] as const;
export type ConfigurableFunnelStep = (typeof CONFIGURABLE_FUNNEL_STEPS)[number];

const ids = z.array(idSchema).max(200);

/** What makes a person reach a step: any one of these, at any time after they were created. */
export const funnelStepCriteriaSchema = z.strictObject({
  /** A done task with one of these results. */
  resultIds: ids,
  /** One of these person statuses (at creation or changed to later). */
  statusIds: ids,
  /** A deal of the person entered one of these stages. */
  stageIds: ids,
});
export type FunnelStepCriteria = z.infer<typeof funnelStepCriteriaSchema>;

export const funnelStepsConfigSchema = z.strictObject({
  contacted: funnelStepCriteriaSchema,
  trial: funnelStepCriteriaSchema,
  bought: funnelStepCriteriaSchema,
});
export type FunnelStepsConfig = z.infer<typeof funnelStepsConfigSchema>;

export const funnelSettingsSchema = z.object({
  steps: funnelStepsConfigSchema,
  version: z.number().int(),
  updatedAt: z.string(),
});
export type FunnelSettings = z.infer<typeof funnelSettingsSchema>;

export const funnelSettingsUpdateSchema = z.strictObject({
  /** The version read; a newer one stored → 409 version_conflict. */
  version: z.number().int().min(0),
  steps: funnelStepsConfigSchema,
});
export type FunnelSettingsUpdate = z.infer<typeof funnelSettingsUpdateSchema>;

export const FUNNEL_GROUPS = ['none', 'source', 'responsible', 'branch'] as const;
export const funnelGroupSchema = z.enum(FUNNEL_GROUPS);
export type FunnelGroup = z.infer<typeof funnelGroupSchema>;

/** Narrow the persons counted: the new persons of one source, responsible or branch. */
const personFilters = {
  sourceId: idSchema.optional(),
  responsibleId: idSchema.optional(),
  branchId: idSchema.optional(),
};

export const funnelQuerySchema = reportPeriodQuerySchema.safeExtend({
  groupBy: funnelGroupSchema.default('none'),
  ...personFilters,
});
export type FunnelQuery = z.input<typeof funnelQuerySchema>;

export const funnelStepCountSchema = z.object({
  step: funnelStepSchema,
  count: z.number().int(),
  /** count ÷ the previous step's count (0…1); null for the first step or when that is 0. */
  fromPrevious: z.number().nullable(),
  /** count ÷ the leads (0…1); null when there are none. */
  fromFirst: z.number().nullable(),
});
export type FunnelStepCount = z.infer<typeof funnelStepCountSchema>;

export const funnelRowSchema = z.object({
  /** The source, responsible or branch; null: none set (or the whole funnel, ungrouped). */
  groupId: idSchema.nullable(),
  /** Its name; null when groupId is null. */
  name: z.string().nullable(),
  steps: z.array(funnelStepCountSchema),
});
export type FunnelRow = z.infer<typeof funnelRowSchema>;

export const funnelReportSchema = z.object({
  period: reportPeriodSchema,
  previous: reportPeriodSchema.optional(),
  groupBy: funnelGroupSchema,
  rows: z.array(funnelRowSchema),
  totals: z.array(funnelStepCountSchema),
  previousTotals: z.array(funnelStepCountSchema).optional(),
});
export type FunnelReport = z.infer<typeof funnelReportSchema>;

export const leadSourcesQuerySchema = reportPeriodQuerySchema.safeExtend(personFilters);
export type LeadSourcesQuery = z.input<typeof leadSourcesQuerySchema>;

export const leadSourceFiguresSchema = z.object({
  /** Persons created in the period. */
  leads: z.number().int(),
  /** Of those, how many reached the funnel's "bought" step. */
  converted: z.number().int(),
  /** converted ÷ leads (0…1); null without leads. */
  conversionRate: z.number().nullable(),
  /** Median hours from creation to the first "bought" event; null when nobody converted. */
  medianHoursToConvert: z.number().nullable(),
  /** Median hours from creation to the first done task or contacted-step event. */
  medianHoursToFirstContact: z.number().nullable(),
});
export type LeadSourceFigures = z.infer<typeof leadSourceFiguresSchema>;

export const leadSourceRowSchema = leadSourceFiguresSchema.extend({
  /** null: persons without a source. */
  sourceId: idSchema.nullable(),
  name: z.string().nullable(),
});
export type LeadSourceRow = z.infer<typeof leadSourceRowSchema>;

export const leadSourcesReportSchema = z.object({
  period: reportPeriodSchema,
  previous: reportPeriodSchema.optional(),
  rows: z.array(leadSourceRowSchema),
  totals: leadSourceFiguresSchema,
  previousTotals: leadSourceFiguresSchema.optional(),
});
export type LeadSourcesReport = z.infer<typeof leadSourcesReportSchema>;
