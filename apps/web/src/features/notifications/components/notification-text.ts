import type { Notification } from '@spotter/contracts';

/**
 * What a notification says: the task (template name) as the headline, then who it is about
 * and the reminder's own text when it adds something. A deleted task leaves only the text.
 */
export function notificationLines(n: Notification): { headline: string; details: string[] } {
  // A check-in notice says it all: "Anna is here: renewal call open".
  if (n.kind === 'check_in') return { headline: n.text, details: [] };
  const headline = n.task?.name || n.text;
  const details: string[] = [];
  if (n.task?.contactName) details.push(n.task.contactName);
  if (n.text && n.text !== headline) details.push(n.text);
  return { headline, details };
}

/** The newest unread notifications that arrived after `since` and were not shown yet. */
export function freshNotifications(
  items: readonly Notification[],
  since: string | null,
  shown: ReadonlySet<string>,
): Notification[] {
  const after = since === null ? Number.NEGATIVE_INFINITY : Date.parse(since);
  return items.filter(
    (n) => n.readAt === null && !shown.has(n.id) && Date.parse(n.createdAt) > after,
  );
}
