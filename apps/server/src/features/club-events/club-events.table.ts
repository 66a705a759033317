import { sql } from 'drizzle-orm';
import {
  bigint,
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
import { contacts } from '../contacts/contacts.table.ts';
import { tasks } from '../tasks/tasks.table.ts';
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
    /** A Twilio source: the account's auth token, which signs its webhooks, sealed like the secret. */
    authTokenSealed: text(),
    /** A Twilio source: the number Spotter's answer forwards the call to (E.164), if any. */
    forwardTo: text(),
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
    /** Set once the event's rules have run (by the one job that runs them). */
    processedAt: timestamp({ withTimezone: true }),
    /** The person the event was linked to, if any. */
    contactId: uuid(),
    /** What processing did, step by step: `[{ step, result, … }]` for the event log. */
    outcome: jsonb(),
    /**
     * Arrival order, also within one batch (whose events share `receivedAt`): the drain runs a
     * source's events in this order.
     */
    seq: bigint({ mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      name: 'club_events_source_fk',
      columns: [t.orgId, t.sourceId],
      foreignColumns: [eventSources.orgId, eventSources.id],
    }).onDelete('cascade'),
    uniqueIndex('club_events_external_unique').on(t.orgId, t.sourceId, t.externalId),
    // Ascending, read backwards for "newest first": drizzle's `.desc()` makes DESC NULLS LAST,
    // which an ORDER BY … DESC (NULLS FIRST) cannot use, and every page sorted the whole log.
    index('club_events_log_idx').on(t.orgId, t.receivedAt, t.id),
    // What waits for its drain: small however long the log grows.
    index('club_events_waiting_idx')
      .on(t.orgId, t.sourceId, t.seq)
      .where(sql`${t.state} = 'accepted' and ${t.processedAt} is null`),
  ],
);

/** A person as a source knows them: its external id → the Spotter person it is linked to. */
export const eventLinks = pgTable(
  'event_links',
  {
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    sourceId: uuid().notNull(),
    externalId: text().notNull(),
    contactId: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.sourceId, t.externalId] }),
    foreignKey({
      name: 'event_links_source_fk',
      columns: [t.orgId, t.sourceId],
      foreignColumns: [eventSources.orgId, eventSources.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'event_links_contact_fk',
      columns: [t.orgId, t.contactId],
      foreignColumns: [contacts.orgId, contacts.id],
    }).onDelete('cascade'),
    index('event_links_contact_idx').on(t.orgId, t.contactId),
  ],
);

/**
 * The member's side of the card (C-15), mirrored from events: contracts, bookings, visits and
 * payments by their id in the source, each with the latest state the source sent.
 */
export const memberRecords = pgTable(
  'member_records',
  {
    id: uuid().notNull().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    sourceId: uuid().notNull(),
    kind: text().notNull(),
    externalId: text().notNull(),
    /** The source's id of the member it belongs to: a person linked later claims it. */
    memberExternalId: text(),
    contactId: uuid(),
    /** When the source said this state was true: an older event never overwrites a newer one. */
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    data: jsonb().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('member_records_external_unique').on(t.orgId, t.sourceId, t.kind, t.externalId),
    foreignKey({
      name: 'member_records_source_fk',
      columns: [t.orgId, t.sourceId],
      foreignColumns: [eventSources.orgId, eventSources.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'member_records_contact_fk',
      columns: [t.orgId, t.contactId],
      foreignColumns: [contacts.orgId, contacts.id],
    }).onDelete('cascade'),
    index('member_records_contact_idx').on(t.orgId, t.contactId, t.kind, t.occurredAt),
    index('member_records_member_idx').on(t.orgId, t.sourceId, t.memberExternalId),
    // The home page's trial classes of today: trial bookings are few beside visits.
    index('member_records_trial_idx')
      .on(t.orgId, t.occurredAt)
      .where(sql`${t.kind} = 'booking' and (${t.data} ->> 'trial') = 'true'`),
    // The retention list: an organization's visits (and contracts) in a time window, by person.
    index('member_records_kind_time_idx').on(t.orgId, t.kind, t.occurredAt, t.contactId),
    // The retention list: contracts by the day they end.
    index('member_records_ends_idx')
      .on(t.orgId, sql`(${t.data}->>'endsOn')`)
      .where(sql`${t.kind} = 'contract'`),
  ],
);

/** An organization's choices about its connected systems (seed 000). */
export const clubEventSettings = pgTable('club_event_settings', {
  orgId: uuid()
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  /** Link (and create) every customer a club system sends, not only those the rules need. */
  autoLink: boolean().notNull().default(false),
  /** Days the event log keeps a delivery (EVENT_LOG_DAYS). */
  logDays: integer().notNull().default(90),
  /** Each rule's configuration as changed by an admin; a rule not here has its defaults. */
  rules: jsonb().notNull().default({}),
  /** Turns taken by rules that hand cards out among a role (round robin). */
  turns: integer().notNull().default(0),
  version: integer().notNull().default(1),
});

/**
 * The open card a rule made for a person and a cause ('payment_failed', a contract's end …):
 * the next time the cause fires, that card is updated instead of a second one made.
 */
export const ruleTasks = pgTable(
  'rule_tasks',
  {
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    contactId: uuid().notNull(),
    cause: text().notNull(),
    taskId: uuid().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.contactId, t.cause] }),
    foreignKey({
      name: 'rule_tasks_contact_fk',
      columns: [t.orgId, t.contactId],
      foreignColumns: [contacts.orgId, contacts.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'rule_tasks_task_fk',
      columns: [t.orgId, t.taskId],
      foreignColumns: [tasks.orgId, tasks.id],
    }).onDelete('cascade'),
  ],
);
