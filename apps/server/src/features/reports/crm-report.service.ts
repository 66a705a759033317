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

const TIME = new Set<CrmReportQuery['groupBy']>(['day', 'week', 'month']);

/**
 * A period's rows and totals. Each task has one staff member, template, result, branch and
 * one step of time, so the totals add up from the rows (overdue by time: the last step's
 * backlog) and the tasks are read once; only by group, where a task counts in each of its
 * assignee's groups, are the totals counted on their own.
 */
async function countsOf(db: Db, scope: CrmScope, w: CrmWindow, q: CrmReportQuery) {
  const { groupBy } = q;
  if (groupBy === 'group') {
    const [rows, totals] = await Promise.all([
      crmRowsByEntity(db, scope, w, groupBy),
      crmTotals(db, scope, w),
    ]);
    return { rows, totals };
  }
  const rows =
    groupBy === 'day' || groupBy === 'week' || groupBy === 'month'
      ? await crmRowsByTime(db, scope, w, groupBy)
      : await crmRowsByEntity(db, scope, w, groupBy);
  const sum = (m: 'created' | 'done') => rows.reduce((n, r) => n + r[m], 0);
  const overdue = TIME.has(groupBy)
    ? (rows.at(-1)?.overdue ?? 0)
    : rows.reduce((n, r) => n + r.overdue, 0);
  return { rows, totals: { created: sum('created'), done: sum('done'), overdue } };
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
  // Both periods at once; each answer is one statement per figure.
  const [current, before] = await Promise.all([
    countsOf(db, scope, windowOf(period, timezone, now), q),
    q.compare ? countsOf(db, scope, windowOf(period.previous, timezone, now), q) : undefined,
  ]);
  const report: CrmReport = {
    period: { from: period.fromDay, to: period.toDay },
    groupBy: q.groupBy,
    rows: current.rows,
    totals: current.totals,
  };
  if (!before) return report;
  report.previous = { from: period.previous.fromDay, to: period.previous.toDay };
  report.previousTotals = before.totals;
  // Staff, templates … are the same keys in both periods; days and weeks are not.
  if (!TIME.has(q.groupBy)) {
    const zero = { created: 0, done: 0, overdue: 0 };
    const byKey = new Map(before.rows.map((r) => [r.key, counts(r)]));
    for (const row of report.rows) row.previous = byKey.get(row.key) ?? zero;
  }
  return report;
}
