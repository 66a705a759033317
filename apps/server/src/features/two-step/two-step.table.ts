import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations } from '../organizations/organizations.table.ts';
import { users } from '../users/users.table.ts';

const userKey = (name: string, t: { orgId: AnyPgColumn; userId: AnyPgColumn }) =>
  foreignKey({
    name,
    columns: [t.orgId, t.userId],
    foreignColumns: [users.orgId, users.id],
  }).onDelete('cascade');

/**
 * One row per user who started or finished setting up two-step sign-in. Secrets are sealed
 * with a key derived from SESSION_SECRET (decision 0014), never stored in the clear.
 */
export const twoStepSecrets = pgTable(
  'two_step_secrets',
  {
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid().notNull(),
    /** The confirmed secret; null until the first code was right. */
    secret: text(),
    enabledAt: timestamp({ withTimezone: true }),
    /** A new secret waiting for its first code (setting up, or setting up again). */
    pendingSecret: text(),
    pendingAt: timestamp({ withTimezone: true }),
    /** The last 30-second step a code was accepted for: a code is never taken twice. */
    lastUsedStep: bigint({ mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] }), userKey('two_step_secrets_user_fk', t)],
);

/** Each one opens the code step once; only a SHA-256 of the (80-bit random) code is kept. */
export const twoStepRecoveryCodes = pgTable(
  'two_step_recovery_codes',
  {
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid().notNull(),
    codeHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId, t.codeHash] }),
    userKey('two_step_recovery_codes_user_fk', t),
  ],
);

/** What happened to a user's two-step, and who did it (an admin's reset names the admin). */
export const twoStepEvents = pgTable(
  'two_step_events',
  {
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    userId: uuid().notNull(),
    kind: text().notNull(),
    /** Who did it; null when the user did it themselves at login (a recovery code used). */
    actorId: uuid(),
    at: timestamp({ withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('two_step_events_user_idx').on(t.orgId, t.userId, t.at),
    userKey('two_step_events_user_fk', t),
  ],
);
