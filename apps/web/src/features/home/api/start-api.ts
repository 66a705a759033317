import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

/**
 * What the first steps read, each the smallest question the list API can answer: are there
 * branches, is anyone besides the owner on the staff, is there any person yet. Keys sit under
 * the owners' keys (`['branches']`, `['users']`, `['persons']`), so their changes refresh them.
 */
export function useHasBranches(enabled: boolean) {
  return useQuery({
    queryKey: ['branches', 'start'],
    queryFn: () => api.get<{ items: unknown[] }>('/api/branches?includeArchived=false'),
    select: (page) => page.items.length > 0,
    enabled,
  });
}

export function useHasColleagues(enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'start'],
    queryFn: () => api.get<{ total: number }>('/api/users?limit=1&offset=0'),
    select: (page) => page.total > 1,
    enabled,
  });
}

export function useHasPersons(enabled: boolean) {
  return useQuery({
    queryKey: ['persons', 'start'],
    queryFn: () => api.get<{ items: unknown[] }>('/api/persons?limit=1'),
    select: (page) => page.items.length > 0,
    enabled,
  });
}
