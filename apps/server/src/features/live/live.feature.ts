import type { Feature } from '../../lib/feature.ts';
import { liveRoutes } from './live.routes.ts';

/** GET /api/events: live updates over Server-Sent Events, with the app's one LISTEN (T-12). */
export const liveFeature: Feature = { name: 'live', routes: [liveRoutes] };
