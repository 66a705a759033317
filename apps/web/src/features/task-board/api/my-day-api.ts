import type { TaskList } from '@spotter/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { tasksKey } from '../../tasks/index.ts';

const PAGE = 30;

/**
 * "My day": my open tasks that are overdue or due today, soonest first; a call round is one
 * line (its calls are worked through "call next"). Under the tasks key, so every task write
 * and live update refreshes it.
 */
export function useMyDay() {
  return useInfiniteQuery({
    queryKey: [...tasksKey, 'my-day'],
    queryFn: ({ pageParam }) => {
      const q = new URLSearchParams({
        state: 'due',
        assigneeId: 'me',
        parentId: 'none',
        sort: 'dueAt',
        limit: String(PAGE),
        offset: String(pageParam),
      });
      return api.get<TaskList>(`/api/tasks?${q}`);
    },
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.items.length, 0);
      return last.items.length === PAGE && loaded < last.total ? loaded : undefined;
    },
  });
}
