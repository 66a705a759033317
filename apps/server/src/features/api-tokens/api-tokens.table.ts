import { sql } from 'drizzle-orm';
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
import { organizations } from '../organizations/organizations.table.ts';
import { users } from '../users/users.table.ts';

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid().notNull().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    prefix: text().notNull(),
    tokenHash: text().notNull(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    /**
     * Permissions the token holds (decision 0028). The default is what every token could do
     * before scopes: the migration gives it to the tokens made then, so they keep their rights.
     */
    scopes: text()
      .array()
      .notNull()
      .default(
        sql`ARRAY['organization.read','branches.read','contacts.read','contacts.write','tasks.read','tasks.write','events.write']::text[]`,
      ),
    /** Refused from this moment; null: until revoked. */
    expiresAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // A request's token is found before its organization is known (decision 0006).
    uniqueIndex('api_tokens_hash_unique').on(t.tokenHash),
    index('api_tokens_org_idx').on(t.orgId, t.createdAt),
    // Migration 0007 narrows SET NULL to the one column: org_id must never be nulled.
    foreignKey({
      name: 'api_tokens_created_by_fk',
      columns: [t.orgId, t.createdBy],
      foreignColumns: [users.orgId, users.id],
    }).onDelete('set null'),
  ],
);
