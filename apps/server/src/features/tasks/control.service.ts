import { TZDate } from '@date-fns/tz';
import { startOfWeek } from 'date-fns';
import type { Control } from '@spotter/contracts';
import { assertCan } from '../../lib/actor.ts';
import { clubBounds, type TaskCtx } from './task-context.ts';
import { taskVisibility } from './task-visibility.ts';
import { controlCounts, countUnassigned } from './control.repo.ts';

/** T-9: per staff member, open, overdue and done today / this week; plus open unassigned. */
export async function controlView(ctx: TaskCtx, query: { branchId?: string[] }): Promise<Control> {
  assertCan(ctx.actor, 'tasks.control');
  const [{ timezone, bounds }, visible] = await Promise.all([
    clubBounds(ctx),
    taskVisibility(ctx.db, ctx.actor),
  ]);
  // The week of the club's calendar starts on Monday (as the board's This week does).
  const startWeek = new Date(
    startOfWeek(new TZDate(ctx.now.getTime(), timezone), { weekStartsOn: 1 }).getTime(),
  );
  const window = { now: ctx.now, startToday: bounds.startToday, startWeek };
  const [rows, unassigned] = await Promise.all([
    controlCounts(ctx.db, ctx.actor.orgId, visible, window, query.branchId),
    countUnassigned(ctx.db, visible, query.branchId),
  ]);
  return {
    rows: rows.map(({ id, name, ...counts }) => ({ user: { id, name }, ...counts })),
    unassigned,
  };
}
