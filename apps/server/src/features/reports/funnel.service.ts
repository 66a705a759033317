import {
  FUNNEL_STEPS,
  type FunnelReport,
  type FunnelStepCount,
  type LeadSourceFigures,
  type LeadSourcesReport,
  type funnelQuerySchema,
  type leadSourcesQuerySchema,
} from '@spotter/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { notFound } from '../../lib/errors.ts';
import { findOrganization } from '../organizations/index.ts';
import { funnelSteps } from './funnel-settings.service.ts';
import {
  funnelCounts,
  leadSourceFigures,
  type CohortFilter,
  type FunnelCounts,
  type LeadSourceFiguresRow,
} from './funnel.repo.ts';
import { resolvePeriod, type PeriodSpan } from './period.ts';

type FunnelQuery = z.output<typeof funnelQuerySchema>;
type LeadSourcesQuery = z.output<typeof leadSourcesQuerySchema>;

const ratio = (part: number, whole: number | undefined) =>
  whole === undefined || whole === 0 ? null : part / whole;

/** The four steps with conversion from the step before and from the leads. */
export function stepCounts(
  c: Pick<FunnelCounts, (typeof FUNNEL_STEPS)[number]>,
): FunnelStepCount[] {
  return FUNNEL_STEPS.map((step, i) => {
    const before = i === 0 ? undefined : c[FUNNEL_STEPS[i - 1]!];
    return {
      step,
      count: c[step],
      fromPrevious: ratio(c[step], before),
      fromFirst: ratio(c[step], c.lead),
    };
  });
}

const ZERO = { lead: 0, contacted: 0, trial: 0, bought: 0 };
const dayRange = (p: PeriodSpan) => ({ from: p.fromDay, to: p.toDay });

/** The organization's period and funnel steps: what both reports start from. */
async function context(db: Db, actor: Actor, query: FunnelQuery | LeadSourcesQuery, now: Date) {
  assertCan(actor, 'reports.read');
  const org = await findOrganization(db, actor.orgId);
  if (!org) throw notFound('Organization');
  const period = resolvePeriod(query, org.timezone, now);
  const { steps } = await funnelSteps(db, actor.orgId);
  const cohort = (span: PeriodSpan): CohortFilter => ({
    orgId: actor.orgId,
    from: span.from,
    to: span.to,
    sourceId: query.sourceId,
    responsibleId: query.responsibleId,
    branchId: query.branchId,
  });
  return { period, steps, cohort };
}

/** The sales funnel (seed 004) of the persons created in the period, grouped if asked. */
export async function funnelReport(
  db: Db,
  actor: Actor,
  query: FunnelQuery,
  now: Date,
): Promise<FunnelReport> {
  const { period, steps, cohort } = await context(db, actor, query, now);
  const rows = await funnelCounts(db, cohort(period), steps, query.groupBy);
  const total = rows.find((r) => r.isTotal) ?? { ...ZERO };
  const groups = rows.filter((r) => !r.isTotal);
  const report: FunnelReport = {
    period: dayRange(period),
    groupBy: query.groupBy,
    rows:
      query.groupBy === 'none'
        ? [{ groupId: null, name: null, steps: stepCounts(total) }]
        : groups
            .sort((a, b) => b.lead - a.lead || (a.name ?? '').localeCompare(b.name ?? ''))
            .map((g) => ({ groupId: g.groupId, name: g.name, steps: stepCounts(g) })),
    totals: stepCounts(total),
  };
  if (query.compare) {
    const before = await funnelCounts(db, cohort(period.previous), steps, 'none');
    report.previous = dayRange(period.previous);
    report.previousTotals = stepCounts(before[0] ?? ZERO);
  }
  return report;
}

function figures(r: LeadSourceFiguresRow | undefined): LeadSourceFigures {
  if (!r) {
    return {
      leads: 0,
      converted: 0,
      conversionRate: null,
      medianHoursToConvert: null,
      medianHoursToFirstContact: null,
    };
  }
  return {
    leads: r.leads,
    converted: r.converted,
    conversionRate: ratio(r.converted, r.leads),
    medianHoursToConvert: r.medianHoursToConvert,
    medianHoursToFirstContact: r.medianHoursToFirstContact,
  };
}

/** Leads per source, how many became customers, and how fast they were contacted and won. */
export async function leadSourcesReport(
  db: Db,
  actor: Actor,
  query: LeadSourcesQuery,
  now: Date,
): Promise<LeadSourcesReport> {
  const { period, steps, cohort } = await context(db, actor, query, now);
  const rows = await leadSourceFigures(db, cohort(period), steps);
  const report: LeadSourcesReport = {
    period: dayRange(period),
    rows: rows
      .filter((r) => !r.isTotal)
      .sort((a, b) => b.leads - a.leads || (a.name ?? '').localeCompare(b.name ?? ''))
      .map((r) => ({ sourceId: r.sourceId, name: r.name, ...figures(r) })),
    totals: figures(rows.find((r) => r.isTotal)),
  };
  if (query.compare) {
    const before = await leadSourceFigures(db, cohort(period.previous), steps);
    report.previous = dayRange(period.previous);
    report.previousTotals = figures(before.find((r) => r.isTotal));
  }
  return report;
}
