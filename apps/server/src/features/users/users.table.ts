import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations } from '../organizations/organizations.table.ts';

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    /** Stored lower-case; unique across all organizations because login is by email alone. */
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
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(t.email),
    uniqueIndex('users_org_email_unique').on(t.orgId, t.email),
    index('users_org_name_idx').on(t.orgId, t.name, t.id),
  ],
);
