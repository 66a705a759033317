import type { Db } from '../../db/client.ts';
import type { Feature } from '../../lib/feature.ts';
import type { JobDefinition } from '../jobs/index.ts';
import {
  taskAssigned,
  tasksAssigned,
  taskReminderDue,
  type TaskAssignment,
} from '../tasks/index.ts';
import { calendarFeedRoutes } from './calendar-feed.routes.ts';
import { insertNotification, insertNotifications } from './notifications.repo.ts';
import { notificationsRoutes } from './notifications.routes.ts';
import { queueReminderMail, reminderMailJobs } from './reminder-mail.ts';

const notifyAssignee = (tx: Db, a: TaskAssignment) =>
  insertNotification(tx, { ...a, kind: 'assigned' });
const notifyAssignees = (tx: Db, all: TaskAssignment[]) =>
  insertNotifications(
    tx,
    all.map((a) => ({ ...a, kind: 'assigned' as const })),
  );
const notifyReminder = async (tx: Db, r: TaskAssignment) => {
  await insertNotification(tx, { ...r, kind: 'reminder' });
  await queueReminderMail(tx, r);
};

/** In-app notifications (assignments and reminders), the to-do badge, the calendar feed (T-10). */
export const notificationsFeature: Feature<JobDefinition> = {
  name: 'notifications',
  routes: [notificationsRoutes, calendarFeedRoutes],
  // Reminders by email for those who chose it (T-10, issue 16).
  jobs: reminderMailJobs,
  wire: () => {
    taskAssigned.on(notifyAssignee);
    tasksAssigned.on(notifyAssignees);
    taskReminderDue.on(notifyReminder);
  },
};
