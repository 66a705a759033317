import type { Locale } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import type { Feature } from '../../lib/feature.ts';
import { organizationCreated } from '../organizations/index.ts';
import { backfillTaskDefaults } from './backfill.ts';
import { seedTaskDefaults } from './defaults.ts';
import { taskSettingsRoutes } from './task-settings.routes.ts';

const seedDefaults = (tx: Db, org: { orgId: string; locale: Locale }) =>
  seedTaskDefaults(tx, org.orgId, org.locale);

/** Task templates with their results and workflows, task statuses, dictionaries (T-3 … T-6). */
export const taskSettingsFeature: Feature = {
  name: 'task-settings',
  routes: [taskSettingsRoutes],
  wire: () => organizationCreated.on(seedDefaults),
  onReady: async (app) => {
    await backfillTaskDefaults(app.db);
  },
};
