import type { Feature } from '../../lib/feature.ts';
import { branchesRoutes } from './branches.routes.ts';

export const branchesFeature: Feature = { name: 'branches', routes: [branchesRoutes] };
