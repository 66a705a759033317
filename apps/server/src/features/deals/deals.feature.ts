import type { Locale } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import type { Feature } from '../../lib/feature.ts';
import { contactsMerged } from '../contacts/index.ts';
import { registerGroupUsage } from '../groups/index.ts';
import { organizationCreated } from '../organizations/index.ts';
import { taskResultEntered } from '../tasks/index.ts';
import { dealOutcomeOfResult } from './deal-tasks.service.ts';
import { backfillCloseProbability, dealsInGroup, moveDealsOfContact } from './deals.repo.ts';
import { dealsRoutes } from './deals.routes.ts';
import { backfillDealDefaults, seedDealDefaults } from './defaults.ts';
import { pipelinesRoutes } from './pipelines.routes.ts';

const seedDefaults = (tx: Db, org: { orgId: string; locale: Locale }) =>
  seedDealDefaults(tx, org.orgId, org.locale);

const mergeDeals = (tx: Db, merge: { orgId: string; sourceId: string; targetId: string }) =>
  moveDealsOfContact(tx, merge.orgId, merge.sourceId, merge.targetId);

/** A group deals belong to is archived, not deleted (their numbers keep it). */
const groupHasDeals = (db: Db, orgId: string, groupId: string) => dealsInGroup(db, orgId, groupId);

/**
 * The sales pipeline (S-1, S-2, S-4): pipelines and stages, lost reasons and deal types, deals
 * and their board, list, history and tasks.
 */
export const dealsFeature: Feature = {
  name: 'deals',
  routes: [pipelinesRoutes, dealsRoutes],
  wire: () => {
    organizationCreated.on(seedDefaults);
    contactsMerged.on(mergeDeals);
    taskResultEntered.on(dealOutcomeOfResult);
    registerGroupUsage(groupHasDeals);
  },
  onReady: async (app) => {
    await backfillDealDefaults(app.db);
    await backfillCloseProbability(app.db);
  },
};
