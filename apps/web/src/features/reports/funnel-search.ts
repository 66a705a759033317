import * as z from 'zod/mini';
import { id, lenient } from '../../lib/search-params.ts';
import { reportPeriodSearchFields, type ReportPeriodSearch } from './reports-search.ts';

/** The contracts' FUNNEL_GROUPS, spelled here to keep the contracts out of the first download. */
export const FUNNEL_GROUPS = ['none', 'source', 'responsible', 'branch'] as const;

/** The persons a funnel or lead-sources report counts: one source, responsible or branch. */
const personFilterFields = {
  sourceId: lenient(id),
  responsibleId: lenient(id),
  branchId: lenient(id),
};

export const funnelSearchSchema = z.object({
  ...reportPeriodSearchFields,
  groupBy: lenient(z.enum(FUNNEL_GROUPS)),
  ...personFilterFields,
});
export type FunnelSearch = z.infer<typeof funnelSearchSchema>;

export const leadSourcesSearchSchema = z.object({
  ...reportPeriodSearchFields,
  ...personFilterFields,
});
export type LeadSourcesSearch = z.infer<typeof leadSourcesSearchSchema>;

export type { ReportPeriodSearch };
