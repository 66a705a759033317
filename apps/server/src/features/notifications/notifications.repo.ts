import type { Notification } from '@spotter/contracts';
import { and, count, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { executeShaped } from '../../lib/named-statement.ts';
import { contacts } from '../contacts/index.ts';
import { taskTemplates } from '../task-settings/index.ts';
import { tasks } from '../tasks/index.ts';
import { cursorAtOf, olderThan, type TimeCursor } from '../../lib/time-cursor.ts';
import { publishEvent, publishEvents } from '../live/index.ts';
import { notifications } from './notifications.table.ts';

export interface NotificationInput {
  orgId: string;
  userId: string;
  kind: Notification['kind'];
  taskId: string | null;
  text?: string;
}

/**
 * Writes one in-app notification and announces it (the recipient's open pages show a toast
 * and refresh the badge). Pass the transaction as db: both happen only if it commits.
 */
export async function insertNotification(db: Db, input: NotificationInput): Promise<string> {
  const [row] = await db
    .insert(notifications)
    .values({
      orgId: input.orgId,
      userId: input.userId,
      kind: input.kind,
      taskId: input.taskId,
      text: input.text ?? '',
    })
    .returning({ id: notifications.id });
  await publishEvent(db, input.orgId, { type: 'notification.created', userId: input.userId });
  return row!.id;
}

/** Many notifications in one INSERT, announced in one statement (automation's cards). */
export async function insertNotifications(
  db: Db,
  inputs: readonly NotificationInput[],
): Promise<void> {
  if (inputs.length === 0) return;
  const orgId = inputs[0]!.orgId;
  const rows = inputs.map((input) => ({
    org_id: input.orgId,
    user_id: input.userId,
    kind: input.kind,
    task_id: input.taskId,
    text: input.text ?? '',
  }));
  // Prepared once, the rows as one JSON value (a drain's batch writes these with its cards).
  await executeShaped(
    db,
    'notifications.insert_many',
    () => sql`
      insert into ${notifications} (org_id, user_id, kind, task_id, text)
      select x.org_id, x.user_id, x.kind, x.task_id, x.text
      from jsonb_to_recordset(${sql.placeholder('rows')}::jsonb) as x(org_id uuid, user_id uuid,
        kind text, task_id uuid, text text)`,
    { rows: JSON.stringify(rows) },
  );
  const users = [...new Set(inputs.map((i) => i.userId))];
  await publishEvents(
    db,
    orgId,
    users.map((userId) => ({ type: 'notification.created' as const, userId })),
  );
}

export interface Recipient {
  orgId: string;
  userId: string;
  /** `taskVisibility` of the recipient: a task they can no longer see is shown as none. */
  visibility: SQL;
}

const columns = {
  id: notifications.id,
  kind: notifications.kind,
  text: notifications.text,
  createdAt: notifications.createdAt,
  readAt: notifications.readAt,
  taskId: tasks.id,
  taskName: taskTemplates.name,
  contactName: contacts.displayName,
  cursorAt: cursorAtOf(notifications.createdAt),
};

function selectNotifications(db: Db, r: Recipient) {
  return db
    .select(columns)
    .from(notifications)
    .leftJoin(
      tasks,
      and(eq(tasks.orgId, notifications.orgId), eq(tasks.id, notifications.taskId), r.visibility),
    )
    .leftJoin(
      taskTemplates,
      and(eq(taskTemplates.orgId, tasks.orgId), eq(taskTemplates.id, tasks.templateId)),
    )
    .leftJoin(contacts, and(eq(contacts.id, tasks.contactId), eq(contacts.orgId, r.orgId)));
}

const mine = (r: Recipient) =>
  and(eq(notifications.orgId, r.orgId), eq(notifications.userId, r.userId))!;

/** Newest first; ties on the timestamp broken by id so pages never skip or repeat. */
export function listNotifications(
  db: Db,
  r: Recipient,
  opts: { unread: boolean; limit: number; cursor?: TimeCursor },
) {
  const where = [mine(r)];
  if (opts.unread) where.push(isNull(notifications.readAt));
  if (opts.cursor) {
    where.push(olderThan(notifications.createdAt, notifications.id, opts.cursor));
  }
  return selectNotifications(db, r)
    .where(and(...where))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(opts.limit);
}

export type NotificationRow = Awaited<ReturnType<typeof listNotifications>>[number];

export async function findNotification(db: Db, r: Recipient, id: string) {
  const [row] = await selectNotifications(db, r).where(and(mine(r), eq(notifications.id, id)));
  return row;
}

export async function countUnread(db: Db, orgId: string, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(
      and(
        eq(notifications.orgId, orgId),
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
      ),
    );
  return row?.n ?? 0;
}

/** Marks one of the user's notifications read (the first time counts); false when not theirs. */
export async function markRead(db: Db, orgId: string, userId: string, id: string, now: Date) {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${now.toISOString()}::timestamptz)` })
    .where(
      and(
        eq(notifications.orgId, orgId),
        eq(notifications.userId, userId),
        eq(notifications.id, id),
      ),
    )
    .returning({ id: notifications.id });
  return rows.length > 0;
}

export async function markAllRead(db: Db, orgId: string, userId: string, now: Date) {
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.orgId, orgId),
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
      ),
    );
}
