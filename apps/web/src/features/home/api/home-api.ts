import { useQuery } from '@tanstack/react-query';
import type { Home } from '@spotter/contracts';
import { api } from '../../../lib/api.ts';

/**
 * The home page's numbers (S-6): only the blocks the signed-in person may see. Under the
 * tasks' key, so a task saved anywhere refreshes them; and every minute, as "overdue" moves.
 */
export function useHome() {
  return useQuery({
    queryKey: ['tasks', 'home'],
    queryFn: () => api.get<Home>('/api/home'),
    refetchInterval: 60_000,
  });
}
