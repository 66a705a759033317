import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations } from '../organizations/organizations.table.ts';

/** A club system that pushes events: its name, kind and signing secret (sealed). */
export const eventSources = pgTable(
  'event_sources',
  {
    id: uuid().notNull().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    kind: text().notNull(),
    enabled: boolean().notNull().default(true),
    /** `whsec_…`, sealed with a key from SESSION_SECRET (lib/secret-box.ts). */
    secretSealed: text().notNull(),
    /** The secret before the last rotation, which verifies until `previousValidUntil`. */
    previousSecretSealed: text(),
    previousValidUntil: timestamp({ withTimezone: true }),
    lastEventAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // A delivery names its source before its organization is known (decision 0006).
    uniqueIndex('event_sources_id_unique').on(t.id),
    uniqueIndex('event_sources_org_name_unique').on(t.orgId, sql`lower(${t.name})`),
  ],
);

/**
 * Every delivery a source made: accepted events with their data, and refused ones (bad
 * signature, stale timestamp) with only the reason. A source's event id is unique, which is
 * what makes a repeated delivery change nothing.
 */
export const clubEvents = pgTable(
  'club_events',
  {
    id: uuid().notNull().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    sourceId: uuid().notNull(),
    /** The sender's id of the event; null for a refused delivery. */
    externalId: text(),
    type: text(),
    typeVersion: integer(),
    state: text().notNull(),
    reason: text(),
    occurredAt: timestamp({ withTimezone: true }),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    data: jsonb(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      name: 'club_events_source_fk',
      columns: [t.orgId, t.sourceId],
      foreignColumns: [eventSources.orgId, eventSources.id],
    }).onDelete('cascade'),
    uniqueIndex('club_events_external_unique').on(t.orgId, t.sourceId, t.externalId),
    index('club_events_log_idx').on(t.orgId, t.receivedAt.desc(), t.id.desc()),
  ],
);
