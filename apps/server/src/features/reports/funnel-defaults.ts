import type { FunnelStepCriteria, FunnelStepsConfig } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import {
  insertFunnelSettings,
  organizationsWithoutFunnel,
  pipelineStages,
  wonResultIds,
} from './funnel-settings.repo.ts';

const empty = (): FunnelStepCriteria => ({ resultIds: [], statusIds: [], stageIds: [] });
const unique = (ids: Array<string | null>) => [
  ...new Set(ids.filter((id): id is string => id !== null)),
];

/**
 * The steps a club starts with, read from the pipelines it has (the defaults of deals): the
 * first pipeline's second stage is "Contacted" and its third "Trial class"; every won stage,
 * every pipeline's won status (Customer) and every result that wins a deal is "bought". A
 * later step counts for the earlier ones, so a step needs only what first shows it.
 */
export async function defaultFunnelSteps(db: Db, orgId: string): Promise<FunnelStepsConfig> {
  const rows = await pipelineStages(db, orgId);
  const steps = { contacted: empty(), trial: empty(), bought: empty() };
  const firstPipeline = rows[0]?.pipelineId;
  const firstOpen = rows.filter((r) => r.pipelineId === firstPipeline && r.state === 'open');
  if (firstOpen[1]) steps.contacted.stageIds.push(firstOpen[1].stageId);
  if (firstOpen[2]) steps.trial.stageIds.push(firstOpen[2].stageId);
  steps.bought.stageIds = rows.filter((r) => r.state === 'won').map((r) => r.stageId);
  steps.bought.statusIds = unique(rows.map((r) => r.wonStatusId));
  steps.bought.resultIds = await wonResultIds(db, orgId);
  return steps;
}

/** In the organization-creation transaction, after the deals' defaults exist. */
export async function seedFunnelDefaults(db: Db, orgId: string): Promise<void> {
  await insertFunnelSettings(db, orgId, await defaultFunnelSteps(db, orgId));
}

/** Organizations created before the funnel existed get the defaults at start-up. */
export async function backfillFunnelDefaults(db: Db): Promise<number> {
  const missing = await organizationsWithoutFunnel(db);
  for (const org of missing) {
    await db.transaction((tx) => seedFunnelDefaults(tx, org.id));
  }
  return missing.length;
}
