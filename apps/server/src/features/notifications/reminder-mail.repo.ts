import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { contacts } from '../contacts/index.ts';
import { organizations } from '../organizations/index.ts';
import { taskTemplates } from '../task-settings/index.ts';
import { tasks } from '../tasks/index.ts';
import { users } from '../users/index.ts';

/** Whether the assignee wants reminders by email, and which firing of the reminder this is. */
export async function reminderMailWanted(db: Db, orgId: string, userId: string, taskId: string) {
  const [row] = await db
    .select({ wanted: users.emailReminders, remindedAt: tasks.remindedAt })
    .from(tasks)
    .innerJoin(users, and(eq(users.orgId, tasks.orgId), eq(users.id, userId)))
    .where(and(eq(tasks.orgId, orgId), eq(tasks.id, taskId)));
  return row;
}

/** What the reminder mail says, read when it is sent (the task may have changed meanwhile). */
export async function reminderMailFacts(db: Db, orgId: string, userId: string, taskId: string) {
  const [row] = await db
    .select({
      template: taskTemplates.name,
      comment: tasks.comment,
      dueAt: tasks.dueAt,
      completedAt: tasks.completedAt,
      assigneeId: tasks.assigneeId,
      person: contacts.displayName,
      userEmail: users.email,
      userLocale: users.locale,
      userActive: users.active,
      wanted: users.emailReminders,
      orgName: organizations.name,
      orgLocale: organizations.locale,
      timezone: organizations.timezone,
    })
    .from(tasks)
    .innerJoin(organizations, eq(organizations.id, tasks.orgId))
    .innerJoin(users, and(eq(users.orgId, tasks.orgId), eq(users.id, userId)))
    .leftJoin(
      taskTemplates,
      and(eq(taskTemplates.orgId, tasks.orgId), eq(taskTemplates.id, tasks.templateId)),
    )
    .leftJoin(contacts, and(eq(contacts.orgId, tasks.orgId), eq(contacts.id, tasks.contactId)))
    .where(and(eq(tasks.orgId, orgId), eq(tasks.id, taskId)));
  return row;
}
