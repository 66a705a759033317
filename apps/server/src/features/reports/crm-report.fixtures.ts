/**
 * Tasks for the CRM report's tests, written straight to the table with chosen instants: a
 * spread over a period and the days around it, near the club's midnights, some done, some
 * overdue, with every dimension the report groups by. Not used by the app.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { groupMembers, groups } from '../groups/index.ts';
import { tasks } from '../tasks/index.ts';
import type { TaskFixture } from '../tasks/tasks.fixtures.ts';

export interface CrmSeedPeople {
  /** Assignees in turn; null: nobody's task. */
  assignees: (string | null)[];
  branchId: string;
}

const HOUR = 3_600_000;

/** `n` tasks from `start` every 5 h 17 min, each with its own mix of the report's dimensions. */
export async function seedCrmTasks(
  db: Db,
  orgId: string,
  fx: TaskFixture,
  people: CrmSeedPeople,
  start: Date,
  n: number,
): Promise<void> {
  const templates = [fx.call.id, fx.client.id, fx.internal.id];
  const results = [fx.results.goingToBuy, fx.results.thinking, fx.results.refusal, null];
  const rows: (typeof tasks.$inferInsert)[] = [];
  for (let i = 0; i < n; i++) {
    const createdAt = new Date(start.getTime() + i * (5 * HOUR + 17 * 60_000));
    const done = i % 3 === 0;
    const assigneeId = people.assignees[i % people.assignees.length] ?? null;
    rows.push({
      orgId,
      type: i % 3 === 0 ? 'call' : 'internal',
      templateId: templates[i % templates.length]!,
      assigneeId,
      creatorId: assigneeId,
      branchId: i % 2 === 0 ? people.branchId : null,
      createdAt,
      dueAt: i % 4 === 3 ? null : new Date(createdAt.getTime() + ((i % 7) - 2) * 13 * HOUR),
      completedAt: done ? new Date(createdAt.getTime() + (i % 5) * 11 * HOUR) : null,
      completedById: done ? assigneeId : null,
      resultId: done ? (results[i % results.length] ?? null) : null,
    });
  }
  await db.insert(tasks).values(rows);
}

/** One more task at exactly these instants. */
export async function insertCrmTask(
  db: Db,
  orgId: string,
  templateId: string,
  row: Partial<typeof tasks.$inferInsert>,
) {
  const [created] = await db
    .insert(tasks)
    .values({ orgId, type: 'internal', templateId, ...row })
    .returning({ id: tasks.id });
  return created!.id;
}

/** A group with its members (and managers). */
export async function insertGroup(
  db: Db,
  orgId: string,
  name: string,
  members: { userId: string; role: 'member' | 'manager' }[],
  parentId: string | null = null,
): Promise<string> {
  const [group] = await db
    .insert(groups)
    .values({ orgId, name, parentId })
    .returning({ id: groups.id });
  if (members.length > 0) {
    await db.insert(groupMembers).values(members.map((m) => ({ orgId, groupId: group!.id, ...m })));
  }
  return group!.id;
}

/** `(day)::date` at the club's midnight, as PostgreSQL places it (independent of the app). */
export const clubMidnight = (day: string, tz: string, plusDays = 0) =>
  sql`((${day}::date + ${plusDays}::int)::timestamp at time zone ${tz})`;
