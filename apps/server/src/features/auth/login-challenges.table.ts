import { foreignKey, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from '../organizations/organizations.table.ts';
import { users } from '../users/users.table.ts';

/**
 * A login between its password step and its code step (decision 0014): the browser holds a
 * random token in a short-lived cookie, the table its keyed hash. No session exists until the
 * code step succeeds. A routing table, found by that hash before the organization is known.
 */
export const loginChallenges = pgTable(
  'login_challenges',
  {
    id: text().primaryKey(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** Wrong codes given for this login; a few, and it is gone. */
    failures: integer().notNull().default(0),
  },
  (t) => [
    foreignKey({
      name: 'login_challenges_user_id_fk',
      columns: [t.orgId, t.userId],
      foreignColumns: [users.orgId, users.id],
    }).onDelete('cascade'),
  ],
);
