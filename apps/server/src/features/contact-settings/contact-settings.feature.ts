import type { Locale } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import type { Feature } from '../../lib/feature.ts';
import { organizationCreated } from '../organizations/index.ts';
import { contactSettingsRoutes } from './contact-settings.routes.ts';
import { seedCrmDefaults } from './defaults.ts';

const seedDefaults = (tx: Db, org: { orgId: string; locale: Locale }) =>
  seedCrmDefaults(tx, org.orgId, org.locale);

/** Statuses, lists, custom fields and CRM settings of contacts (C-4 … C-8). */
export const contactSettingsFeature: Feature = {
  name: 'contact-settings',
  routes: [contactSettingsRoutes],
  wire: () => organizationCreated.on(seedDefaults),
};
