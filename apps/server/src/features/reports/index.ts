/**
 * `resolvePeriod(query, timezone, now)`: a report period's club days and instants, and the
 * period before it to compare with.
 */
export { resolvePeriod, type PeriodSpan, type ResolvedPeriod } from './period.ts';
