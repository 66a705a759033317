import type { Feature } from '../../lib/feature.ts';
import { organizationsRoutes } from './organizations.routes.ts';

export const organizationsFeature: Feature = {
  name: 'organizations',
  routes: [organizationsRoutes],
};
