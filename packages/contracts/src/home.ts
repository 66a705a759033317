import { z } from 'zod';
import { idSchema, timestampSchema } from './common.ts';
import { taskTypeSchema } from './task-settings.ts';

/**
 * `GET /api/home` (S-6): the home page's numbers, each block only for those who may see it —
 * `my` with tasks.read, `team` with reports.read, `pipeline` with deals.read and reports.read.
 * Every number is what the list it links to counts (the same filters, the same visibility).
 */

/** A call or task on the home page: enough to show it and open it in one click. */
export const homeTaskSchema = z.object({
  id: idSchema,
  type: taskTypeSchema,
  templateName: z.string(),
  contact: z.object({ id: idSchema, name: z.string() }).nullable(),
  comment: z.string(),
  dueAt: timestampSchema.nullable(),
  overdue: z.boolean(),
});
export type HomeTask = z.infer<typeof homeTaskSchema>;

/** A person waiting for the club's first contact after a lead form (decision 0029). */
export const homeWaitingLeadSchema = z.object({
  id: idSchema,
  name: z.string(),
  waitingSince: timestampSchema,
});
export type HomeWaitingLead = z.infer<typeof homeWaitingLeadSchema>;

export const HOME_LIST_SIZE = 5;

export const homeMySchema = z.object({
  /** My open tasks due before now (`/tasks?state=overdue&assigneeId=me`). */
  overdue: z.number().int(),
  /** My open tasks due later today (`/tasks?state=today&assigneeId=me`). */
  today: z.number().int(),
  /** The next ones to do, overdue first, at most HOME_LIST_SIZE: the first is the next call. */
  next: z.array(homeTaskSchema),
  /** Persons waiting for the club's first contact after a lead form (`/persons?waiting=true`). */
  waitingLeads: z.number().int(),
  /** The longest-waiting of them, at most HOME_LIST_SIZE. */
  waiting: z.array(homeWaitingLeadSchema),
});
export type HomeMy = z.infer<typeof homeMySchema>;

export const homeResultCountSchema = z.object({
  /** null: done without a result. */
  id: idSchema.nullable(),
  name: z.string(),
  color: z.string(),
  count: z.number().int(),
});

export const homeTrialSchema = z.object({
  contact: z.object({ id: idSchema, name: z.string() }).nullable(),
  className: z.string(),
  startsAt: timestampSchema,
});

export const homeTeamSchema = z.object({
  /** Every open task due before now that the caller may see (`/tasks?state=overdue`). */
  overdue: z.number().int(),
  /** Tasks completed today (`/tasks?state=done&doneFrom=today&doneTo=today`). */
  doneToday: z.number().int(),
  /** The same, by result, most frequent first. */
  results: z.array(homeResultCountSchema),
  /** Persons created today (`/persons?createdFrom=today&createdTo=today`). */
  newLeads: z.number().int(),
  /** Trial classes booked through a connected club system that start today. */
  trials: z.number().int(),
  trialList: z.array(homeTrialSchema),
});
export type HomeTeam = z.infer<typeof homeTeamSchema>;

/** Sums in one currency's minor units. */
export const homeMoneySchema = z.object({
  currency: z.string(),
  /** Open deals (`/deals`). */
  open: z.number().int(),
  openCount: z.number().int(),
  /** Open deals, amount × probability. */
  weighted: z.number().int(),
  /** Open deals expected to close this month, weighted (`/deals?closeMonth=…`). */
  thisMonth: z.number().int(),
  nextMonth: z.number().int(),
  /** Deals won this month (`/deals?state=won&closeMonth=…`). */
  wonThisMonth: z.number().int(),
});

export const homePipelineSchema = z.object({
  thisMonth: z.string(),
  nextMonth: z.string(),
  /** The organization's currency first. */
  money: z.array(homeMoneySchema),
});
export type HomePipeline = z.infer<typeof homePipelineSchema>;

export const homeSchema = z.object({
  /** The club's today, YYYY-MM-DD: the lists' day filters use it. */
  today: z.string(),
  timezone: z.string(),
  my: homeMySchema.optional(),
  team: homeTeamSchema.optional(),
  pipeline: homePipelineSchema.optional(),
});
export type Home = z.infer<typeof homeSchema>;
