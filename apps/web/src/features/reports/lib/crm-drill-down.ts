import type { CrmReport, CrmReportRow } from '@spotter/contracts';
import type { TasksSearch } from '../../tasks/index.ts';
import type { CrmReportSearch } from '../crm-search.ts';

export type CrmMetric = 'created' | 'done' | 'overdue';

const TIME = new Set(['day', 'week', 'month']);

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The row's own filter on the tasks list, or null when the list cannot say "none of these". */
function dimensionFilter(groupBy: string, key: string | null): Partial<TasksSearch> | null {
  switch (groupBy) {
    case 'staff':
      return key ? { assigneeId: key } : { unassigned: true };
    case 'template':
      return key ? { templateId: [key] } : null;
    case 'result':
      return key ? { resultId: [key] } : null;
    case 'group':
      return key ? { groupId: key } : null;
    case 'branch':
      return key ? { branchId: [key] } : null;
    default:
      return {};
  }
}

/**
 * Where a number of the CRM report leads: the task list filtered to exactly the tasks it
 * counted — the report's filters, the row's staff member (template …) or days, and the
 * figure's own rule (created / completed in the days, or open and due before the last day
 * ended). Round frames are left out, as the report leaves them out. `row` absent: the totals.
 */
export function crmDrillDown(
  metric: CrmMetric,
  report: Pick<CrmReport, 'period' | 'groupBy'>,
  search: CrmReportSearch,
  row?: Pick<CrmReportRow, 'key' | 'from' | 'to'>,
): TasksSearch | undefined {
  const own = row ? dimensionFilter(report.groupBy, row.key) : {};
  if (own === null) return undefined;
  const from = (row && TIME.has(report.groupBy) ? row.from : undefined) ?? report.period.from;
  const to = (row && TIME.has(report.groupBy) ? row.to : undefined) ?? report.period.to;
  const base: TasksSearch = {
    view: 'all',
    type: ['call', 'client', 'internal'],
    ...(search.branchId ? { branchId: [search.branchId] } : {}),
    ...(search.templateId ? { templateId: [search.templateId] } : {}),
    ...(search.assigneeId ? { assigneeId: search.assigneeId } : {}),
    ...(search.groupId ? { groupId: search.groupId } : {}),
    ...own,
  };
  switch (metric) {
    case 'created':
      return { ...base, state: 'all', createdFrom: from, createdTo: to };
    case 'done':
      return { ...base, state: 'done', doneFrom: from, doneTo: to };
    case 'overdue':
      return { ...base, state: 'overdue', dueBefore: nextDay(to) };
  }
}
