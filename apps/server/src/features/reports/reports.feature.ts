import type { Feature } from '../../lib/feature.ts';
import { homeRoutes } from './home.routes.ts';
import { personFunnelFilter } from '../contacts/index.ts';
import { organizationCreated } from '../organizations/index.ts';
import type { Db } from '../../db/client.ts';
import { backfillFunnelDefaults, seedFunnelDefaults } from './funnel-defaults.ts';
import { personReachedStep } from './funnel-filter.ts';
import { funnelRoutes } from './funnel.routes.ts';
import { forecastRoutes } from './forecast.routes.ts';
import { crmReportRoutes } from './crm-report.routes.ts';

const seedFunnel = (tx: Db, org: { orgId: string }) => seedFunnelDefaults(tx, org.orgId);

/**
 * Reports (S-3, S-5) and the home page's numbers (S-6): read-only views over tasks, persons,
 * deals and club events, each answered in SQL for a period in the organization's zone.
 */
export const reportsFeature: Feature = {
  name: 'reports',
  routes: [crmReportRoutes, funnelRoutes, forecastRoutes, homeRoutes],
  wire: () => {
    // After the deals' defaults (features.ts order): the funnel's steps are chosen from them.
    organizationCreated.on(seedFunnel);
    personFunnelFilter.provide(personReachedStep);
  },
  onReady: async (app) => {
    await backfillFunnelDefaults(app.db);
  },
};
