import type { Db } from '../../db/client.ts';
import type { Feature } from '../../lib/feature.ts';
import { taskAssigned, type TaskAssignment } from '../tasks/index.ts';
import { calendarFeedRoutes } from './calendar-feed.routes.ts';
import { insertNotification } from './notifications.repo.ts';
import { notificationsRoutes } from './notifications.routes.ts';
import { startReminderWorker } from './reminder-sweep.ts';

const notifyAssignee = (tx: Db, a: TaskAssignment) =>
  insertNotification(tx, { ...a, kind: 'assigned' });

/** In-app notifications, reminders, the to-do badge and the calendar feed (T-10). */
export const notificationsFeature: Feature = {
  name: 'notifications',
  routes: [notificationsRoutes, calendarFeedRoutes],
  wire: () => taskAssigned.on(notifyAssignee),
  background: [
    (app) => startReminderWorker(app.db, app.now, (err) => app.log.error({ err }, 'reminders')),
  ],
};
