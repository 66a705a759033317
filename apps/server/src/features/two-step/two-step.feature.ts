import type { Feature } from '../../lib/feature.ts';
import { twoStepRoutes } from './two-step.routes.ts';

/** Two-step sign-in (U-6): the secrets, recovery codes and their history (decision 0014). */
export const twoStepFeature: Feature = {
  name: 'two-step',
  routes: [twoStepRoutes],
};
