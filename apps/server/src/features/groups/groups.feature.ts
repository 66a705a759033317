import type { Feature } from '../../lib/feature.ts';
import { groupsRoutes } from './groups.routes.ts';

export const groupsFeature: Feature = { name: 'groups', routes: [groupsRoutes] };
