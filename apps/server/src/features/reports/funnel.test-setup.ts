import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type {
  Deal,
  FunnelSettings,
  FunnelStepsConfig,
  Person,
  Pipeline,
  Stage,
} from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { createOrg, ok, type Client, type TestApp, type TestOrg } from '../../../test/test-app.ts';
import { lookups } from '../contact-settings/index.ts';
import { seedTaskFixture, type TaskFixture } from '../tasks/tasks.fixtures.ts';

/** A wall-clock time in a zone as an instant ("2026-03-29 03:30" in Europe/Stockholm). */
export async function at(db: Db, local: string, timezone: string): Promise<Date> {
  const res = await db.execute(
    sql`select (${local}::timestamp at time zone ${timezone})::text as t`,
  );
  return new Date((res as unknown as { rows: Array<{ t: string }> }).rows[0]!.t);
}

export interface FunnelOrg {
  org: TestOrg;
  timezone: string;
  fx: TaskFixture;
  open: Stage[];
  won: Stage;
  customerStatusId: string;
  sources: { web: string; walkIn: string };
  settings: FunnelSettings;
}

/** An organization with two sources, the task fixture's results and its seeded funnel. */
export async function funnelOrg(t: TestApp, timezone: string): Promise<FunnelOrg> {
  const org = await createOrg(t.app, { timezone });
  const db = t.database.db;
  const fx = await seedTaskFixture(db, org.orgId);
  const { items } = await ok<{ items: Pipeline[] }>(org.owner, 'GET', '/api/pipelines');
  const pipeline = items[0]!;
  const statuses = await ok<{ items: Array<{ id: string; name: string }> }>(
    org.owner,
    'GET',
    '/api/settings/statuses?entity=person',
  );
  const source = async (name: string) => {
    const [row] = await db
      .insert(lookups)
      .values({ orgId: org.orgId, kind: 'sources', name })
      .returning({ id: lookups.id });
    return row!.id;
  };
  return {
    org,
    timezone,
    fx,
    open: pipeline.stages.filter((s) => s.state === 'open'),
    won: pipeline.stages.find((s) => s.state === 'won')!,
    customerStatusId: statuses.items.find((s) => s.name === 'Customer')!.id,
    sources: { web: await source('Website'), walkIn: await source('Walk-in') },
    settings: await ok<FunnelSettings>(org.owner, 'GET', '/api/reports/funnel-steps'),
  };
}

/** Adds the fixture's results to the seeded steps: "Thinking" contacts, "Booked a trial" books. */
export async function withResults(f: FunnelOrg): Promise<FunnelSettings> {
  const steps: FunnelStepsConfig = structuredClone(f.settings.steps);
  steps.contacted.resultIds = [f.fx.results.thinking];
  steps.trial.resultIds = [f.fx.results.booked];
  return ok<FunnelSettings>(f.org.owner, 'PUT', '/api/reports/funnel-steps', {
    version: f.settings.version,
    steps,
  });
}

export async function person(
  t: TestApp,
  client: Client,
  createdAt: Date,
  extra: { sourceId?: string; responsibleId?: string } = {},
): Promise<Person> {
  const body = { firstName: 'Lead', lastName: randomUUID().slice(0, 8), ...extra };
  const { person: created } = await ok<{ person: Person }>(client, 'POST', '/api/persons', body);
  await t.database.db.execute(
    sql`update contacts set created_at = ${createdAt.toISOString()}::timestamptz
        where id = ${created.id}::uuid`,
  );
  return created;
}

/** A done task of the person with a result, completed at `doneAt`. */
export async function doneTask(
  t: TestApp,
  f: FunnelOrg,
  personId: string,
  resultId: string,
  doneAt: Date,
): Promise<void> {
  await t.database.db.execute(sql`
    insert into tasks (org_id, type, template_id, contact_id, result_id, completed_at, created_at)
    values (${f.org.orgId}::uuid, 'call', ${f.fx.call.id}::uuid, ${personId}::uuid,
      ${resultId}::uuid, ${doneAt.toISOString()}::timestamptz, ${doneAt.toISOString()}::timestamptz)`);
}

/** Changes the person's status through the API, then dates the history entry at `when`. */
export async function setStatus(
  t: TestApp,
  f: FunnelOrg,
  personId: string,
  statusId: string,
  when: Date,
): Promise<void> {
  const current = await ok<Person>(f.org.owner, 'GET', `/api/persons/${personId}`);
  await ok(f.org.owner, 'PATCH', `/api/persons/${personId}`, {
    statusId,
    version: current.version,
  });
  await t.database.db.execute(sql`
    update contact_history set created_at = ${when.toISOString()}::timestamptz
    where org_id = ${f.org.orgId}::uuid and contact_id = ${personId}::uuid
      and event = 'status_changed' and data->>'to' = ${statusId}`);
}

/** A deal of the person in `stage`, through the API; its history dated at `when`. */
export async function dealIn(
  t: TestApp,
  f: FunnelOrg,
  personId: string,
  stage: Stage,
  when: Date,
): Promise<Deal> {
  const res = await f.org.owner.request('POST', '/api/deals', {
    title: 'Membership',
    personId,
    stageId: stage.id,
  });
  if (res.statusCode !== 201) throw new Error(`deal ${res.statusCode}: ${res.body}`);
  const deal = res.json<Deal>();
  await t.database.db.execute(sql`
    update deal_history set created_at = ${when.toISOString()}::timestamptz
    where org_id = ${f.org.orgId}::uuid and deal_id = ${deal.id}::uuid`);
  return deal;
}

/**
 * The steps counted independently of the report's statement: for each step, persons created in
 * [from, to) for whom one of the step's own conditions (or a later step's) holds, each written
 * as a plain EXISTS: a done task with the result, a status held (now, or as either side of a
 * change), a deal history entry entering the stage.
 */
export async function independentCounts(
  db: Db,
  orgId: string,
  steps: FunnelStepsConfig,
  from: Date,
  to: Date,
  where = sql``,
): Promise<{ lead: number; contacted: number; trial: number; bought: number }> {
  const arr = (ids: string[]) => sql`${`{${ids.join(',')}}`}::text[]`;
  const reach = (k: keyof FunnelStepsConfig) => sql`(
    exists (select 1 from tasks t where t.org_id = c.org_id and t.contact_id = c.id
      and t.completed_at is not null and t.result_id::text = any(${arr(steps[k].resultIds)}))
    or c.status_id::text = any(${arr(steps[k].statusIds)})
    or exists (select 1 from contact_history h where h.org_id = c.org_id and h.contact_id = c.id
      and h.event = 'status_changed'
      and (h.data->>'to' = any(${arr(steps[k].statusIds)})
        or h.data->>'from' = any(${arr(steps[k].statusIds)})))
    or exists (select 1 from deals d join deal_history dh
        on dh.org_id = d.org_id and dh.deal_id = d.id
      where d.org_id = c.org_id and d.person_id = c.id
        and dh.data->>'toStageId' = any(${arr(steps[k].stageIds)})))`;
  const res = await db.execute(sql`
    select count(*)::int as lead,
      count(*) filter (where ${reach('contacted')} or ${reach('trial')} or ${reach('bought')})::int
        as contacted,
      count(*) filter (where ${reach('trial')} or ${reach('bought')})::int as trial,
      count(*) filter (where ${reach('bought')})::int as bought
    from contacts c
    where c.org_id = ${orgId}::uuid and c.kind = 'person' and c.deleted_at is null
      and c.created_at >= ${from.toISOString()}::timestamptz
      and c.created_at < ${to.toISOString()}::timestamptz ${where}`);
  const row = (res as unknown as { rows: Array<Record<string, number>> }).rows[0]!;
  return {
    lead: row.lead!,
    contacted: row.contacted!,
    trial: row.trial!,
    bought: row.bought!,
  };
}
