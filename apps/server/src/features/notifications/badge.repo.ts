import { and, eq, isNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { tasks } from '../tasks/index.ts';

/**
 * The badge's to-do counts (T-10): open tasks assigned to the user, call rounds aside (their
 * calls count one by one), due before `startTomorrow`; of those, due before `now` is overdue.
 * One range scan of `tasks_open_assignee_idx` (org, assignee, due) — cheap enough to run on
 * every live event.
 */
export async function countTodo(
  db: Db,
  visibility: SQL,
  userId: string,
  bounds: { now: Date; startTomorrow: Date },
): Promise<{ todo: number; overdue: number }> {
  const [row] = await db
    .select({
      todo: sql<number>`count(*)::int`,
      overdue: sql<number>`(count(*) filter (where ${lt(tasks.dueAt, bounds.now)}))::int`,
    })
    .from(tasks)
    .where(
      and(
        visibility,
        eq(tasks.assigneeId, userId),
        isNull(tasks.completedAt),
        ne(tasks.type, 'round'),
        lt(tasks.dueAt, bounds.startTomorrow),
      ),
    );
  return { todo: row?.todo ?? 0, overdue: row?.overdue ?? 0 };
}
