import type { Task } from '@spotter/contracts';

/**
 * The next call to make: the first open call of the round (soonest due first) that was not
 * finished or skipped in this sitting and that no colleague has taken into work.
 */
export function nextCall(
  open: readonly Task[],
  passed: ReadonlySet<string>,
  me: string | undefined,
): Task | undefined {
  return open.find((c) => !passed.has(c.id) && (!c.takenBy || c.takenBy.id === me));
}
