import {
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { NOTIFICATION_KINDS } from '@spotter/contracts';
import { organizations } from '../organizations/organizations.table.ts';
import { tasks } from '../tasks/tasks.table.ts';
import { users } from '../users/users.table.ts';

/** T-10: in-app notifications (reminders, tasks assigned by someone else, check-ins). */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid().notNull().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid().notNull(),
    kind: text({ enum: NOTIFICATION_KINDS }).notNull(),
    taskId: uuid(),
    text: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('notifications_user_idx').on(t.orgId, t.userId, t.createdAt, t.id),
    foreignKey({
      name: 'notifications_user_id_fk',
      columns: [t.orgId, t.userId],
      foreignColumns: [users.orgId, users.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'notifications_task_id_fk',
      columns: [t.orgId, t.taskId],
      foreignColumns: [tasks.orgId, tasks.id],
    }).onDelete('cascade'),
  ],
);

/** A user's private iCalendar feed: only the SHA-256 of its secret is stored. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid().notNull().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid().notNull(),
    tokenHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // A feed is fetched by its secret before the organization is known (decision 0006).
    uniqueIndex('calendar_feeds_token_unique').on(t.tokenHash),
    uniqueIndex('calendar_feeds_user_unique').on(t.orgId, t.userId),
    foreignKey({
      name: 'calendar_feeds_user_id_fk',
      columns: [t.orgId, t.userId],
      foreignColumns: [users.orgId, users.id],
    }).onDelete('cascade'),
  ],
);
