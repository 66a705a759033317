import type { Feature } from '../../lib/feature.ts';
import { crmReportRoutes } from './crm-report.routes.ts';
import { homeRoutes } from './home.routes.ts';

/**
 * Reports (S-3, S-5) and the home page's numbers (S-6): read-only views over tasks, persons,
 * deals and club events, each answered in SQL for a period in the organization's zone.
 */
export const reportsFeature: Feature = {
  name: 'reports',
  routes: [crmReportRoutes, homeRoutes],
};
