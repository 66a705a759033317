export { notifications, calendarFeeds } from './notifications.table.ts';
/** `insertNotification(db, { orgId, userId, kind, taskId, text? })`: write + announce (T-10). */
export { insertNotification, type NotificationInput } from './notifications.repo.ts';
export { notificationsRoutes } from './notifications.routes.ts';
export { calendarFeedRoutes } from './calendar-feed.routes.ts';
/**
 * `runReminderSweep(db, now, limit?)`: fires the due reminders once (tests call it with a
 * pinned time); `startReminderWorker(db, now, onError)` runs it every few seconds.
 */
export { runReminderSweep, startReminderWorker } from './reminder-sweep.ts';
