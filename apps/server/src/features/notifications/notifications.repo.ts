import type { Db } from '../../db/client.ts';
import { publishEvent } from '../events/index.ts';
import { notifications } from './notifications.table.ts';

export interface NotificationInput {
  orgId: string;
  userId: string;
  kind: 'reminder' | 'assigned';
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
