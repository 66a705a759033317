import type { ComponentProps } from 'react';
import { onDemand } from '../../components/on-demand.tsx';
import type { CallerPops as Pops } from './components/caller-pops.tsx';

export { ClubRecords } from './components/club-records.tsx';
/** Known callers' cards (A-2): fetched when the first call rings, not with every page. */
export const CallerPops = onDemand<ComponentProps<typeof Pops>>(
  () => import('./components/caller-pops.tsx').then((m) => m.CallerPops),
  (p) => p.calls.length > 0,
);
