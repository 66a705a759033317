/**
 * `resolvePeriod(query, timezone, now)`: a report period's club days and instants, and the
 * period before it to compare with.
 */
export { resolvePeriod, type PeriodSpan, type ResolvedPeriod } from './period.ts';
/**
 * `teamTaskScope(db, actor)`: the tasks an actor's team numbers count (task visibility, and a
 * group's manager limited to the groups they manage, like the deals they see).
 */
export { teamTaskScope } from './team-scope.ts';
