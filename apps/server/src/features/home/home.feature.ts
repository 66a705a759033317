import type { Feature } from '../../lib/feature.ts';
import { homeRoutes } from './home.routes.ts';

/** The home page per role (S-6): what to do today, the team's numbers, the pipeline. */
export const homeFeature: Feature = {
  name: 'home',
  routes: [homeRoutes],
};
