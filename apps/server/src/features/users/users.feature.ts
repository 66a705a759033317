import type { Feature } from '../../lib/feature.ts';
import { viewerBranches } from '../live/index.ts';
import { usersRoutes } from './users.routes.ts';
import { branchLimitOf } from './users.repo.ts';

export const usersFeature: Feature = {
  name: 'users',
  routes: [usersRoutes],
  // Live streams pass on only the tasks their user may see: a user's branches are ours.
  wire: () => viewerBranches.provide(branchLimitOf),
};
