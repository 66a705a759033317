import { sql } from 'drizzle-orm';
import {
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
import type { AudienceCounts, MailTemplateVariant } from '@spotter/contracts';
import { contacts } from '../contacts/contacts.table.ts';
import { organizations } from '../organizations/organizations.table.ts';
import { users } from '../users/users.table.ts';

/** A campaign (M-1, M-2): one email or SMS to the persons a list filter matches. */
export const mailCampaigns = pgTable(
  'mail_campaigns',
  {
    id: uuid().notNull().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    /** 'email' | 'sms' (contracts' CAMPAIGN_CHANNELS). */
    channel: text().notNull(),
    /** contracts' CAMPAIGN_STATES. */
    state: text().notNull().default('draft'),
    /** Not a foreign key: the campaign keeps its copied texts when the template goes. */
    templateId: uuid(),
    variants: jsonb().$type<MailTemplateVariant[]>().notNull().default([]),
    smsText: text(),
    /** The persons-list filter in query form, resolved when sending starts. */
    audience: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    audienceCounts: jsonb().$type<AudienceCounts>(),
    ratePerMinute: integer(),
    scheduledAt: timestamp({ withTimezone: true }),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    createdBy: uuid(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // The campaigns page: newest first, keyset.
    index('mail_campaigns_org_created_idx').on(t.orgId, t.createdAt, t.id),
    // Scheduled campaigns whose time has come (every organization's).
    index('mail_campaigns_scheduled_idx')
      .on(t.scheduledAt)
      .where(sql`${t.state} = 'scheduled'`),
    // Staff are deactivated, never deleted: the author stays (as on deals).
    foreignKey({
      name: 'mail_campaigns_created_by_fk',
      columns: [t.orgId, t.createdBy],
      foreignColumns: [users.orgId, users.id],
    }),
  ],
);

/**
 * One person of a campaign, fixed when sending starts: where it goes and how far it got. The
 * row's state is what makes delivery exactly-once: a job sends only after moving it from
 * queued to sending in a committed transaction.
 */
export const mailRecipients = pgTable(
  'mail_recipients',
  {
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    campaignId: uuid().notNull(),
    personId: uuid().notNull(),
    /** The email address or E.164 number, as it was when sending started. */
    address: text().notNull(),
    /** The language its text is chosen in (the person's, else the organization's). */
    locale: text().notNull(),
    /**
     * Issue 17: the matched children this message reaches through their guardian (the person);
     * empty when it is their own. Their timelines get an entry when it is sent.
     */
    aboutIds: uuid()
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /** contracts' RECIPIENT_STATES. */
    state: text().notNull().default('queued'),
    attempts: integer().notNull().default(0),
    response: text(),
    sentAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.campaignId, t.personId] }),
    // The campaign page's per-state totals and the recipients list filtered by state.
    index('mail_recipients_state_idx').on(t.orgId, t.campaignId, t.state, t.personId),
    foreignKey({
      name: 'mail_recipients_campaign_fk',
      columns: [t.orgId, t.campaignId],
      foreignColumns: [mailCampaigns.orgId, mailCampaigns.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'mail_recipients_person_fk',
      columns: [t.orgId, t.personId],
      foreignColumns: [contacts.orgId, contacts.id],
    }).onDelete('cascade'),
  ],
);

/**
 * Who withdrew marketing consent through an unsubscribe link (which channel, from which
 * campaign, when). The consent itself lives on the person; this row tells "unsubscribed" apart
 * from "never agreed" in a campaign's counts.
 */
export const mailUnsubscribes = pgTable(
  'mail_unsubscribes',
  {
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    personId: uuid().notNull(),
    channel: text().notNull(),
    campaignId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.personId, t.channel] }),
    foreignKey({
      name: 'mail_unsubscribes_person_fk',
      columns: [t.orgId, t.personId],
      foreignColumns: [contacts.orgId, contacts.id],
    }).onDelete('cascade'),
  ],
);

/**
 * Addresses that failed for good (a 5xx from the SMTP server, a gateway's permanent refusal):
 * campaigns leave them out until the person's address changes.
 */
export const mailBounces = pgTable(
  'mail_bounces',
  {
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** A lower-case email address or an E.164 number. */
    address: text().notNull(),
    response: text(),
    campaignId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.address] })],
);

/** An organization's SMS gateway (M-2): header values sealed like the SMTP password. */
export const smsSettings = pgTable('sms_settings', {
  orgId: uuid()
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  url: text().notNull(),
  method: text().notNull().default('POST'),
  /** Header name → sealed value. */
  headersSealed: jsonb().$type<Record<string, string>>().notNull().default({}),
  bodyTemplate: text(),
  contentType: text(),
  sender: text(),
  quietFrom: text(),
  quietTo: text(),
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
