import type { Db } from '../../db/client.ts';

/**
 * Whether something outside this feature still refers to a group (a deal's group): such a
 * group is archived on delete, never deleted. Features above this one register their check
 * in their `wire()`; the set keeps each function once, so wiring again changes nothing.
 */
export type GroupUsageCheck = (db: Db, orgId: string, groupId: string) => Promise<boolean>;

const checks = new Set<GroupUsageCheck>();

export function registerGroupUsage(check: GroupUsageCheck): void {
  checks.add(check);
}

/** Asked one after another: callers pass their transaction, which runs one query at a time. */
export async function usedElsewhere(db: Db, orgId: string, groupId: string): Promise<boolean> {
  for (const check of checks) if (await check(db, orgId, groupId)) return true;
  return false;
}
