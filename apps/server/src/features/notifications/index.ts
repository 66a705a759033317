export { notifications, calendarFeeds } from './notifications.table.ts';
/** `insertNotification(db, { orgId, userId, kind, taskId, text? })`: write + announce (T-10). */
export { insertNotification, type NotificationInput } from './notifications.repo.ts';
export { notificationsRoutes } from './notifications.routes.ts';
export { calendarFeedRoutes } from './calendar-feed.routes.ts';
/**
 * `runReminderSweep(db, now, limit?)`: fires the due reminders once (tests call it with a
 * pinned time); `reminderJobs` runs it every few seconds on the job runner.
 */
export { runReminderSweep, reminderJobs } from './reminder-sweep.ts';
