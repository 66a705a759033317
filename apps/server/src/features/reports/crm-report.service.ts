import type { CrmReport, CrmReportQuery } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { findOrganization } from '../organizations/index.ts';
import {
  crmRowsByEntity,
  crmRowsByTime,
  crmTotals,
  type CrmCountsRow,
  type CrmScope,
  type CrmWindow,
} from './crm-report.repo.ts';
import { resolvePeriod, type PeriodSpan } from './period.ts';
import { teamTaskScope } from './team-scope.ts';

const windowOf = (span: PeriodSpan, timezone: string, now: Date): CrmWindow => ({
  from: span.from,
  to: span.to,
  overdueBefore: new Date(Math.min(span.to.getTime(), now.getTime())),
  fromDay: span.fromDay,
  toDay: span.toDay,
  timezone,
});

function rowsFor(db: Db, scope: CrmScope, w: CrmWindow, q: CrmReportQuery) {
  return q.groupBy === 'day' || q.groupBy === 'week' || q.groupBy === 'month'
    ? crmRowsByTime(db, scope, w, q.groupBy)
    : crmRowsByEntity(db, scope, w, q.groupBy);
}

/** A row's counts without its key and label (the previous period's beside the current). */
const counts = (r: CrmCountsRow) => ({ created: r.created, done: r.done, overdue: r.overdue });

/**
 * S-5, seed 004's general CRM report: tasks created, done and overdue in a period of the
 * club's calendar, by staff member, template, result, group, branch, day, week or month, for
 * the tasks the asker's team numbers cover (`teamTaskScope`).
 */
export async function crmReport(
  db: Db,
  actor: Actor,
  q: CrmReportQuery,
  now: Date,
): Promise<CrmReport> {
  assertCan(actor, 'reports.read');
  const [org, visible] = await Promise.all([
    findOrganization(db, actor.orgId),
    teamTaskScope(db, actor),
  ]);
  const timezone = org?.timezone ?? 'UTC';
  const period = resolvePeriod(q, timezone, now);
  const scope: CrmScope = {
    orgId: actor.orgId,
    visible,
    branchId: q.branchId,
    groupId: q.groupId,
    assigneeId: q.assigneeId,
    templateId: q.templateId,
  };
  const current = windowOf(period, timezone, now);
  const [rows, totals] = await Promise.all([
    rowsFor(db, scope, current, q),
    crmTotals(db, scope, current),
  ]);
  const report: CrmReport = {
    period: { from: period.fromDay, to: period.toDay },
    groupBy: q.groupBy,
    rows,
    totals,
  };
  if (!q.compare) return report;

  const before = windowOf(period.previous, timezone, now);
  const [previousRows, previousTotals] = await Promise.all([
    rowsFor(db, scope, before, q),
    crmTotals(db, scope, before),
  ]);
  report.previous = { from: period.previous.fromDay, to: period.previous.toDay };
  report.previousTotals = previousTotals;
  // Staff, templates … are the same keys in both periods; days and weeks are not.
  if (!['day', 'week', 'month'].includes(q.groupBy)) {
    const zero = { created: 0, done: 0, overdue: 0 };
    const byKey = new Map(previousRows.map((r) => [r.key, counts(r)]));
    for (const row of rows) row.previous = byKey.get(row.key) ?? zero;
  }
  return report;
}
