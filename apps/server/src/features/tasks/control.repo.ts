import { and, asc, count, eq, gte, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from '../users/index.ts';
import { TASK_ROLES } from './task-refs.repo.ts';
import { tasks } from './tasks.table.ts';

export interface ControlWindow {
  now: Date;
  startToday: Date;
  /** Monday 00:00 of this week on the club's calendar. */
  startWeek: Date;
}

export interface ControlCounts {
  id: string;
  name: string;
  open: number;
  overdue: number;
  doneToday: number;
  doneThisWeek: number;
}

/**
 * T-9: per active staff member who works with tasks, in ONE grouped query: open (assigned to
 * them), overdue among those, and done today / this week (completed by them). A round is
 * only the frame of its calls: the calls count, the round never. `visible` applies the
 * viewer's branch limit and hides private tasks, like every task query.
 */
export function controlCounts(
  db: Db,
  orgId: string,
  visible: SQL,
  w: ControlWindow,
  branchIds?: string[],
): Promise<ControlCounts[]> {
  const isOpen = isNull(tasks.completedAt);
  const mine = eq(tasks.assigneeId, users.id);
  const doneByMe = eq(tasks.completedById, users.id);
  const onJoin = and(
    visible,
    ne(tasks.type, 'round'),
    branchIds?.length ? inArray(tasks.branchId, branchIds) : undefined,
    // Only rows some count can use: both branches hit a partial index.
    or(and(mine, isOpen), and(doneByMe, gte(tasks.completedAt, w.startWeek))),
  );
  const filtered = (cond: SQL) => sql<number>`(count(${tasks.id}) filter (where ${cond}))::int`;
  return db
    .select({
      id: users.id,
      name: users.name,
      open: filtered(and(mine, isOpen)!),
      overdue: filtered(and(mine, isOpen, lt(tasks.dueAt, w.now))!),
      doneToday: filtered(and(doneByMe, gte(tasks.completedAt, w.startToday))!),
      doneThisWeek: filtered(and(doneByMe, gte(tasks.completedAt, w.startWeek))!),
    })
    .from(users)
    .leftJoin(tasks, onJoin)
    .where(
      and(eq(users.orgId, orgId), eq(users.active, true), inArray(users.role, [...TASK_ROLES])),
    )
    .groupBy(users.id, users.name)
    .orderBy(asc(users.name), asc(users.id));
}

/** Open tasks nobody is assigned to (rounds excluded, as above). */
export async function countUnassigned(db: Db, visible: SQL, branchIds?: string[]): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(tasks)
    .where(
      and(
        visible,
        isNull(tasks.completedAt),
        isNull(tasks.assigneeId),
        ne(tasks.type, 'round'),
        branchIds?.length ? inArray(tasks.branchId, branchIds) : undefined,
      ),
    );
  return row?.n ?? 0;
}
