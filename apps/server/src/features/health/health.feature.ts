import type { Feature } from '../../lib/feature.ts';
import { healthRoutes } from './health.routes.ts';

export const healthFeature: Feature = { name: 'health', routes: [healthRoutes] };
