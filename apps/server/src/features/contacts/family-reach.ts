import { sql, type SQL, type WithSubquery } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { crmSettings } from '../contact-settings/index.ts';
import { organizations } from '../organizations/index.ts';
import { contactHistory } from './contacts.table.ts';
import { historyRow, type HistoryInput } from './history.repo.ts';

/**
 * Families seen by the features that reach people (issue 17): calls and campaigns about a child
 * go to their guardian, and both timelines tell of it.
 */

/**
 * "This birth date is a minor's today" as SQL, on the organization's clock and adult age (the
 * rule of `isMinor` and `primaryGuardians`); false without a birth date. The clock is an
 * uncorrelated subquery, so a statement over many persons computes it once.
 */
export function minorNow(orgId: string, now: Date, birthDate: SQL): SQL {
  return sql`coalesce(${birthDate} > (
    select ((${now.toISOString()}::timestamptz at time zone o.timezone)::date
      - make_interval(years => coalesce(s.adult_age, 18)))::date
    from ${organizations} o left join ${crmSettings} s on s.org_id = o.id
    where o.id = ${orgId}::uuid), false)`;
}

/**
 * Several timeline entries written in the same statement as another feature's change (a
 * data-modifying `WITH` query): a campaign message to a guardian, marked sent, with its entry
 * on the guardian and one on each child it was about.
 */
export async function insertHistoryManyWith(
  db: Db,
  change: WithSubquery,
  orgId: string,
  entries: ReadonlyArray<HistoryInput & { contactId: string }>,
): Promise<void> {
  if (entries.length === 0) return;
  await db
    .with(change)
    .insert(contactHistory)
    .values(entries.map((e) => historyRow(orgId, e.contactId, e)));
}

/**
 * A task's result taken back: its newest entry on the contact's timeline goes, and when that
 * entry says the call went to a guardian (`data.calledId`), the guardian's entry of the same
 * task too — ONE statement, both through the timeline's index.
 */
export async function deleteTaskResultHistoryWithGuardian(
  db: Db,
  orgId: string,
  contactId: string,
  taskId: string,
): Promise<void> {
  await db.execute(sql`
    with child as (
      delete from ${contactHistory} where org_id = ${orgId}::uuid and id = (
        select id from ${contactHistory}
        where org_id = ${orgId}::uuid and contact_id = ${contactId}::uuid
          and event = 'task_result' and data->>'taskId' = ${taskId}
        order by created_at desc, id desc limit 1)
      returning data->>'calledId' as called_id)
    delete from ${contactHistory} where org_id = ${orgId}::uuid and id = (
      select h.id from ${contactHistory} h
      where h.org_id = ${orgId}::uuid and h.contact_id = (select called_id from child)::uuid
        and h.event = 'task_result'
        and h.data->>'taskId' = ${taskId} and h.data->>'aboutId' = ${contactId}
      order by h.created_at desc, h.id desc limit 1)`);
}
