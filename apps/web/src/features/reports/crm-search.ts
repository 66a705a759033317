import type { CrmReportDimension } from '@spotter/contracts';
import * as z from 'zod/mini';
import { id, lenient } from '../../lib/search-params.ts';
import { reportPeriodSearchFields } from './reports-search.ts';

/** The contracts' CRM_REPORT_DIMENSIONS, spelled here (the router is in the first download). */
export const CRM_DIMENSIONS = [
  'staff',
  'template',
  'result',
  'group',
  'branch',
  'day',
  'week',
  'month',
] as const satisfies readonly CrmReportDimension[];

/** The CRM report's URL: the period, the dimension and the filters. */
export const crmReportSearchSchema = z.object({
  ...reportPeriodSearchFields,
  groupBy: lenient(z.enum(CRM_DIMENSIONS)),
  branchId: lenient(id),
  groupId: lenient(id),
  assigneeId: lenient(id),
  templateId: lenient(id),
});
export type CrmReportSearch = z.infer<typeof crmReportSearchSchema>;
