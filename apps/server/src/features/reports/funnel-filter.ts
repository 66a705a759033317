import { CONFIGURABLE_FUNNEL_STEPS } from '@spotter/contracts';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { contactHistory, contacts, type FunnelFilterStep } from '../contacts/index.ts';
import { dealHistory, deals } from '../deals/index.ts';
import { tasks } from '../tasks/index.ts';
import { funnelSteps } from './funnel-settings.service.ts';

const textArray = (ids: string[]) => sql`${`{${ids.join(',')}}`}::text[]`;

/**
 * The persons list's drill-down from the funnel: persons who reached `step` or a later one,
 * by the same events the report counts (a done task's result; a status held at creation, now
 * or on either side of a change; a stage a deal of theirs entered).
 */
export async function personReachedStep(
  db: Db,
  orgId: string,
  step: FunnelFilterStep,
): Promise<SQL> {
  const { steps } = await funnelSteps(db, orgId);
  const from = CONFIGURABLE_FUNNEL_STEPS.indexOf(step);
  const chosen = CONFIGURABLE_FUNNEL_STEPS.slice(from).map((s) => steps[s]);
  const results = textArray(chosen.flatMap((c) => c.resultIds));
  const statuses = textArray(chosen.flatMap((c) => c.statusIds));
  const stages = textArray(chosen.flatMap((c) => c.stageIds));
  return sql`(
    exists (select 1 from ${tasks} t where t.org_id = ${contacts.orgId}
      and t.contact_id = ${contacts.id} and t.completed_at is not null
      and t.result_id::text = any(${results}))
    or ${contacts.statusId}::text = any(${statuses})
    or exists (select 1 from ${contactHistory} h where h.org_id = ${contacts.orgId}
      and h.contact_id = ${contacts.id} and h.event = 'status_changed'
      and (h.data->>'to' = any(${statuses}) or h.data->>'from' = any(${statuses})))
    or exists (select 1 from ${deals} d
      join ${dealHistory} dh on dh.org_id = d.org_id and dh.deal_id = d.id
      where d.org_id = ${contacts.orgId} and d.person_id = ${contacts.id}
        and dh.data->>'toStageId' = any(${stages})))`;
}
