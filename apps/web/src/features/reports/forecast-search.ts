import * as z from 'zod/mini';
import { id, ids, lenient } from '../../lib/search-params.ts';

const month = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/));

/**
 * The forecast's URL: its months, its cut (month, owner or group) and the deals list's filters,
 * so a link shows the same report. Each param falls back on its own.
 */
export const forecastSearchSchema = z.object({
  fromMonth: lenient(month),
  toMonth: lenient(month),
  by: lenient(z.enum(['month', 'owner', 'group'])),
  pipelineId: lenient(id),
  ownerId: lenient(id),
  groupId: lenient(ids),
  branchId: lenient(ids),
});
export type ForecastSearch = z.infer<typeof forecastSearchSchema>;

/** The retention list's URL: its filters. */
export const retentionSearchSchema = z.object({
  reason: lenient(z.enum(['visits_dropped', 'contract_ending'])),
  branchId: lenient(ids),
  days: lenient(z.int().check(z.minimum(1), z.maximum(365))),
});
export type RetentionSearch = z.infer<typeof retentionSearchSchema>;
