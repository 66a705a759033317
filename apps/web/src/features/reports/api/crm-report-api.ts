import type { CrmReport } from '@spotter/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import type { CrmReportSearch } from '../crm-search.ts';
import { periodQuery } from '../reports-search.ts';

/** Every report's answers live under `reports`. */
export const reportsKey = ['reports'] as const;

export function crmReportParams(s: CrmReportSearch): URLSearchParams {
  const q = new URLSearchParams(periodQuery(s));
  q.set('groupBy', s.groupBy ?? 'staff');
  for (const key of ['branchId', 'groupId', 'assigneeId', 'templateId'] as const) {
    const value = s[key];
    if (value) q.set(key, value);
  }
  return q;
}

export function useCrmReport(s: CrmReportSearch) {
  const qs = crmReportParams(s).toString();
  return useQuery({
    queryKey: [...reportsKey, 'crm', qs],
    queryFn: () => api.get<CrmReport>(`/api/reports/crm?${qs}`),
    placeholderData: keepPreviousData,
  });
}
