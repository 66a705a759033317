export { notifications, calendarFeeds } from './notifications.table.ts';
/** `insertNotification(db, { orgId, userId, kind, taskId, text? })`: write + announce (T-10). */
export {
  insertNotification,
  insertNotifications,
  type NotificationInput,
} from './notifications.repo.ts';
