import type { FunnelStepsConfig } from '@spotter/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { contactStatuses } from '../contact-settings/index.ts';
import { dealStages, pipelines } from '../deals/index.ts';
import { organizations } from '../organizations/index.ts';
import { taskResults } from '../task-settings/index.ts';
import { funnelSettings } from './funnel.table.ts';

export async function findFunnelSettings(db: Db, orgId: string) {
  const [row] = await db.select().from(funnelSettings).where(eq(funnelSettings.orgId, orgId));
  return row;
}

/** The defaults of a new organization; an organization that has its steps keeps them. */
export async function insertFunnelSettings(db: Db, orgId: string, steps: FunnelStepsConfig) {
  const [row] = await db
    .insert(funnelSettings)
    .values({ orgId, steps })
    .onConflictDoNothing()
    .returning();
  return row;
}

/** Saves only when the caller saw the current version. */
export async function updateFunnelSettings(
  db: Db,
  orgId: string,
  version: number,
  steps: FunnelStepsConfig,
) {
  const [row] = await db
    .update(funnelSettings)
    .set({ steps, updatedAt: new Date(), version: sql`${funnelSettings.version} + 1` })
    .where(and(eq(funnelSettings.orgId, orgId), eq(funnelSettings.version, version)))
    .returning();
  return row;
}

/** Organizations without funnel steps yet (created before the funnel existed). */
export async function organizationsWithoutFunnel(db: Db) {
  return db
    .select({ id: organizations.id })
    .from(organizations)
    .where(
      sql`not exists (select 1 from ${funnelSettings} where ${funnelSettings.orgId} = ${organizations.id})`,
    );
}

/** Pipelines in order with their stages in order: what the defaults are chosen from. */
export async function pipelineStages(db: Db, orgId: string) {
  return db
    .select({
      pipelineId: pipelines.id,
      wonStatusId: pipelines.wonStatusId,
      stageId: dealStages.id,
      state: dealStages.state,
    })
    .from(pipelines)
    .innerJoin(
      dealStages,
      and(eq(dealStages.orgId, pipelines.orgId), eq(dealStages.pipelineId, pipelines.id)),
    )
    .where(and(eq(pipelines.orgId, orgId), sql`${pipelines.archivedAt} is null`))
    .orderBy(pipelines.position, pipelines.createdAt, dealStages.position);
}

/** Results that win the task's deal: a sale. */
export async function wonResultIds(db: Db, orgId: string): Promise<string[]> {
  const rows = await db
    .select({ id: taskResults.id })
    .from(taskResults)
    .where(and(eq(taskResults.orgId, orgId), eq(taskResults.dealOutcome, 'won')));
  return rows.map((r) => r.id);
}

/** Which of `ids` are results, person statuses and deal stages of the organization. */
export async function knownReferences(
  db: Db,
  orgId: string,
  ids: { resultIds: string[]; statusIds: string[]; stageIds: string[] },
) {
  const none = Promise.resolve([] as Array<{ id: string }>);
  const [results, statuses, stages] = await Promise.all([
    ids.resultIds.length
      ? db
          .select({ id: taskResults.id })
          .from(taskResults)
          .where(and(eq(taskResults.orgId, orgId), inArray(taskResults.id, ids.resultIds)))
      : none,
    ids.statusIds.length
      ? db
          .select({ id: contactStatuses.id })
          .from(contactStatuses)
          .where(
            and(
              eq(contactStatuses.orgId, orgId),
              eq(contactStatuses.entity, 'person'),
              inArray(contactStatuses.id, ids.statusIds),
            ),
          )
      : none,
    ids.stageIds.length
      ? db
          .select({ id: dealStages.id })
          .from(dealStages)
          .where(and(eq(dealStages.orgId, orgId), inArray(dealStages.id, ids.stageIds)))
      : none,
  ]);
  const set = (rows: Array<{ id: string }>) => new Set(rows.map((r) => r.id));
  return { resultIds: set(results), statusIds: set(statuses), stageIds: set(stages) };
}
