import type { ReportPreset } from '@spotter/contracts';
import * as z from 'zod/mini';
import { day, lenient } from '../../lib/search-params.ts';

/**
 * The contracts' REPORT_PRESETS, spelled here: the router is in every page's first download, and
 * the contracts' index would bring zod's chained API with it.
 */
export const REPORT_PRESETS = [
  'today',
  'this-week',
  'last-week',
  'this-month',
  'last-month',
  'this-quarter',
  'this-year',
  'custom',
] as const satisfies readonly ReportPreset[];
export const DEFAULT_PRESET: ReportPreset = 'this-month';

/**
 * The period part of every report's URL; a report spreads it into its own search schema beside
 * its filters. Each param falls back to `undefined` on its own, so a stale link still opens.
 */
export const reportPeriodSearchFields = {
  preset: lenient(z.enum(REPORT_PRESETS)),
  /** Custom range, the club's days, both inclusive. */
  from: lenient(day),
  to: lenient(day),
  compare: lenient(z.boolean()),
};
export const reportPeriodSearchSchema = z.object(reportPeriodSearchFields);
export type ReportPeriodSearch = z.infer<typeof reportPeriodSearchSchema>;

/** The query string part the report routes read (`preset`, `from`, `to`, `compare`). */
export function periodQuery(s: ReportPeriodSearch): Record<string, string> {
  const preset = s.preset ?? DEFAULT_PRESET;
  const q: Record<string, string> = {};
  if (preset === 'custom' && s.from && s.to) {
    q.preset = 'custom';
    q.from = s.from <= s.to ? s.from : s.to;
    q.to = s.from <= s.to ? s.to : s.from;
  } else {
    q.preset = preset === 'custom' ? DEFAULT_PRESET : preset;
  }
  if (s.compare) q.compare = 'true';
  return q;
}

/** The period params of a report's URL (as the router wrote them), to carry to another report. */
export function periodOnly(searchStr: string): string {
  const all = new URLSearchParams(searchStr);
  const kept = new URLSearchParams();
  for (const key of Object.keys(reportPeriodSearchFields)) {
    const value = all.get(key);
    if (value !== null) kept.set(key, value);
  }
  const text = kept.toString();
  return text ? `?${text}` : '';
}

/** The period part of a report's URL. */
export const pickPeriod = (s: ReportPeriodSearch): ReportPeriodSearch => ({
  preset: s.preset,
  from: s.from,
  to: s.to,
  compare: s.compare,
});
