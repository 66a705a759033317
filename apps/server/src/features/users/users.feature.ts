import type { Feature } from '../../lib/feature.ts';
import { usersRoutes } from './users.routes.ts';

export const usersFeature: Feature = { name: 'users', routes: [usersRoutes] };
