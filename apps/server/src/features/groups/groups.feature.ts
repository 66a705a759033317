import type { Feature } from '../../lib/feature.ts';

export const groupsFeature: Feature = { name: 'groups', routes: [] };
