import { sql, type SQL } from 'drizzle-orm';

/**
 * The persons list's `waiting` filter (issue 15's home page links to it): persons waiting for
 * the club's first contact after a lead form. Submissions belong to the lead-forms feature,
 * which sits above this one, so it provides the condition (a port) when it is wired; without
 * it nobody is waiting.
 */
export type WaitingLeadCondition = (orgId: string) => SQL;

let provided: WaitingLeadCondition | undefined;

export function provideWaitingLeadCondition(condition: WaitingLeadCondition): void {
  provided = condition;
}

export function waitingLeadCondition(orgId: string): SQL {
  return provided ? provided(orgId) : sql`false`;
}
