import { and, asc, desc, eq, gte, isNotNull, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { contacts } from '../contacts/index.ts';
import { organizations } from '../organizations/index.ts';
import { taskTemplates } from '../task-settings/index.ts';
import { tasks } from '../tasks/index.ts';
import { users } from '../users/index.ts';
import { calendarFeeds } from './notifications.table.ts';

export async function feedExists(db: Db, orgId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: calendarFeeds.id })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.orgId, orgId), eq(calendarFeeds.userId, userId)));
  return row !== undefined;
}

/** One feed per user: a new secret replaces the old one, which stops working at once. */
export async function saveFeed(db: Db, orgId: string, userId: string, tokenHash: string) {
  await db
    .insert(calendarFeeds)
    .values({ orgId, userId, tokenHash })
    .onConflictDoUpdate({
      target: [calendarFeeds.orgId, calendarFeeds.userId],
      set: { tokenHash, createdAt: new Date() },
    });
}

export async function deleteFeed(db: Db, orgId: string, userId: string) {
  await db
    .delete(calendarFeeds)
    .where(and(eq(calendarFeeds.orgId, orgId), eq(calendarFeeds.userId, userId)));
}

/** The owner of a feed secret, if the secret is current and the user still active. */
export async function findFeedOwner(db: Db, tokenHash: string) {
  const [row] = await db
    .select({
      orgId: users.orgId,
      userId: users.id,
      name: users.name,
      role: users.role,
      orgName: organizations.name,
      crmRoles: organizations.crmRoles,
    })
    .from(calendarFeeds)
    .innerJoin(users, and(eq(users.id, calendarFeeds.userId), eq(users.orgId, calendarFeeds.orgId)))
    .innerJoin(organizations, eq(organizations.id, calendarFeeds.orgId))
    .where(and(eq(calendarFeeds.tokenHash, tokenHash), eq(users.active, true)));
  return row;
}

const feedColumns = {
  id: tasks.id,
  dueAt: tasks.dueAt,
  comment: tasks.comment,
  name: taskTemplates.name,
  contactName: contacts.displayName,
};

/**
 * The user's open tasks with a due time, from `from` on, soonest first: one page of `limit`.
 * A task whose person is in the trash is left out, as everywhere else.
 */
export function feedTasks(
  db: Db,
  visibility: SQL,
  userId: string,
  range: { from: Date; to?: Date; limit: number; newestFirst?: boolean },
) {
  return db
    .select(feedColumns)
    .from(tasks)
    .innerJoin(
      taskTemplates,
      and(eq(taskTemplates.orgId, tasks.orgId), eq(taskTemplates.id, tasks.templateId)),
    )
    .leftJoin(contacts, and(eq(contacts.id, tasks.contactId), eq(contacts.orgId, tasks.orgId)))
    .where(
      and(
        visibility,
        eq(tasks.assigneeId, userId),
        isNull(tasks.completedAt),
        isNotNull(tasks.dueAt),
        gte(tasks.dueAt, range.from),
        range.to ? lt(tasks.dueAt, range.to) : undefined,
        or(isNull(tasks.contactId), isNull(contacts.deletedAt)),
      ),
    )
    .orderBy(range.newestFirst ? desc(tasks.dueAt) : asc(tasks.dueAt), asc(tasks.id))
    .limit(range.limit);
}
