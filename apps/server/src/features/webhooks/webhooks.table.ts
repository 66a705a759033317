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
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations } from '../organizations/organizations.table.ts';

/** Where an organization's outbound webhooks go (A-4, decision 0027). */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid().notNull().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    url: text().notNull(),
    description: text().notNull().default(''),
    /** The event types it hears (contracts' WEBHOOK_EVENT_TYPES). */
    eventTypes: text().array().notNull(),
    /** `whsec_…`, sealed with a key from SESSION_SECRET (lib/secret-box.ts). */
    secretSealed: text().notNull(),
    enabled: boolean().notNull().default(true),
    /** 'failing' when Spotter switched it off after days of failures; null otherwise. */
    disabledReason: text(),
    /** The first failure since the last success: the clock of automatic disabling. */
    failingSince: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // Emitting asks this on every change: an organization's live endpoints.
    index('webhook_endpoints_live_idx')
      .on(t.orgId)
      .where(sql`${t.enabled}`),
  ],
);

/**
 * One event on its way to one endpoint: the outbox row, written in the transaction of the
 * change it tells about, and the job that sends it. `message_id` is the `webhook-id`, the
 * same for every try and for a redelivery, so receivers can de-duplicate.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid().notNull().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    endpointId: uuid().notNull(),
    messageId: text().notNull(),
    eventType: text().notNull(),
    /** The event's body as sent: `{ type, timestamp, data }`. */
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    state: text({ enum: ['pending', 'succeeded', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // The daily prune of finished deliveries.
    index('webhook_deliveries_created_idx').on(t.createdAt),
    foreignKey({
      name: 'webhook_deliveries_endpoint_fk',
      columns: [t.orgId, t.endpointId],
      foreignColumns: [webhookEndpoints.orgId, webhookEndpoints.id],
    }).onDelete('cascade'),
  ],
);

/** Each try of a delivery: the endpoint's delivery log. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: uuid().notNull().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    endpointId: uuid().notNull(),
    deliveryId: uuid().notNull(),
    attempt: integer().notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
    outcome: text({ enum: ['succeeded', 'failed', 'refused'] }).notNull(),
    status: integer(),
    durationMs: integer().notNull(),
    error: text(),
    responseExcerpt: text().notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // The log: one endpoint's tries, newest first, keyset paged.
    index('webhook_attempts_endpoint_idx').on(t.orgId, t.endpointId, t.at, t.id),
    foreignKey({
      name: 'webhook_attempts_delivery_fk',
      columns: [t.orgId, t.deliveryId],
      foreignColumns: [webhookDeliveries.orgId, webhookDeliveries.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'webhook_attempts_endpoint_fk',
      columns: [t.orgId, t.endpointId],
      foreignColumns: [webhookEndpoints.orgId, webhookEndpoints.id],
    }).onDelete('cascade'),
  ],
);
