import type { Db } from '../../db/client.ts';
import type { Feature } from '../../lib/feature.ts';
import { organizationSetUp } from '../auth/index.ts';
import { seedDemo } from './demo.ts';

const seedIfAsked = async (
  db: Db,
  setup: { orgId: string; ownerId: string; demoData: boolean; sessionSecret: string },
) => {
  if (setup.demoData) await seedDemo(db, setup);
};

/**
 * A believable club in the organization's language: branches, staff, persons, companies and a
 * full board. The one feature that writes other features' tables, in bulk and only into a
 * freshly set-up organization (docs/adding-a-feature.md).
 */
export const demoFeature: Feature = {
  name: 'demo',
  wire: () => organizationSetUp.on(seedIfAsked),
};
