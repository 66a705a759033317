import type { Badge, Notification } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { boardBounds } from '../../lib/club-time.ts';
import { notFound, unauthorized } from '../../lib/errors.ts';
import { decodeTimeCursor, timeCursorPage } from '../../lib/time-cursor.ts';
import { findOrganization } from '../organizations/index.ts';
import { taskVisibility } from '../tasks/index.ts';
import { countTodo } from './badge.repo.ts';
import * as repo from './notifications.repo.ts';

/** Notifications, the badge and the calendar feed are a staff member's own: no API token. */
export function requireStaff(actor: Actor): string {
  assertCan(actor, 'tasks.read');
  if (!actor.userId) throw unauthorized('session_required', 'This needs a staff login');
  return actor.userId;
}

async function recipientOf(db: Db, actor: Actor): Promise<repo.Recipient> {
  const userId = requireStaff(actor);
  return { orgId: actor.orgId, userId, visibility: await taskVisibility(db, actor) };
}

export function toNotificationDto(row: repo.NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    task: row.taskId
      ? { id: row.taskId, name: row.taskName ?? '', contactName: row.contactName }
      : null,
    text: row.text,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

export async function listMyNotifications(
  db: Db,
  actor: Actor,
  query: { unread: boolean; limit: number; cursor?: string },
) {
  const r = await recipientOf(db, actor);
  const cursor = query.cursor ? decodeTimeCursor(query.cursor) : undefined;
  const [rows, unread] = await Promise.all([
    repo.listNotifications(db, r, { unread: query.unread, limit: query.limit + 1, cursor }),
    repo.countUnread(db, r.orgId, r.userId),
  ]);
  const { page, nextCursor } = timeCursorPage(rows, query.limit);
  return {
    items: page.map(toNotificationDto),
    nextCursor,
    unread,
  };
}

/** Another user's or organization's notification is not found (404), never forbidden. */
export async function readNotification(db: Db, actor: Actor, id: string, now: Date) {
  const r = await recipientOf(db, actor);
  if (!(await repo.markRead(db, r.orgId, r.userId, id, now))) throw notFound('Notification');
  const row = await repo.findNotification(db, r, id);
  if (!row) throw notFound('Notification');
  return toNotificationDto(row);
}

export async function readAllNotifications(db: Db, actor: Actor, now: Date) {
  const userId = requireStaff(actor);
  await repo.markAllRead(db, actor.orgId, userId, now);
}

/** T-10: the badge next to CRM — to-dos due today (overdue included) and unread notifications. */
export async function getBadge(db: Db, actor: Actor, now: Date): Promise<Badge> {
  const userId = requireStaff(actor);
  const org = await findOrganization(db, actor.orgId);
  if (!org) throw unauthorized();
  const { startTomorrow } = boardBounds(now, org.timezone);
  const [counts, unreadNotifications] = await Promise.all([
    countTodo(db, await taskVisibility(db, actor), userId, { now, startTomorrow }),
    repo.countUnread(db, actor.orgId, userId),
  ]);
  return { ...counts, unreadNotifications };
}
