import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations } from '../organizations/organizations.table.ts';

export const users = pgTable(
  'users',
  {
    id: uuid().notNull().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    /** Stored lower-case; unique across all organizations through `login_emails`. */
    email: text().notNull(),
    passwordHash: text().notNull(),
    role: text().notNull(),
    active: boolean().notNull().default(true),
    locale: text(),
    /** Branches this user may work in; empty means all of them (O-2). */
    branchIds: uuid()
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    mustChangePassword: boolean().notNull().default(false),
    /** Task reminders also go by email (M-3, T-10), through the organization's SMTP server. */
    emailReminders: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('users_org_email_unique').on(t.orgId, t.email),
    index('users_org_name_idx').on(t.orgId, t.name, t.id),
  ],
);

/**
 * Login is by email alone, before the organization is known: this routing table finds the
 * organization and user for an email, and keeps an email unique across all organizations.
 * Only the users feature writes it, in the same transaction as the user (decision 0006).
 */
export const loginEmails = pgTable(
  'login_emails',
  {
    email: text().primaryKey(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid().notNull(),
  },
  (t) => [
    foreignKey({
      name: 'login_emails_user_id_fk',
      columns: [t.orgId, t.userId],
      foreignColumns: [users.orgId, users.id],
    }).onDelete('cascade'),
  ],
);
