import { sql } from 'drizzle-orm';
import {
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { MailTemplateVariant } from '@spotter/contracts';
import { organizations } from '../organizations/organizations.table.ts';

/**
 * How an organization's mail leaves Spotter (issue 16): its SMTP server, sender and footer. The
 * password and the DKIM key are sealed with a key from SESSION_SECRET (lib/secret-box.ts), bound
 * to the organization, and never leave the server.
 */
export const mailSettings = pgTable('mail_settings', {
  orgId: uuid()
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  smtpHost: text().notNull(),
  smtpPort: integer().notNull(),
  /** 'starttls' | 'tls' | 'none' (contracts' SMTP_SECURITY). */
  smtpSecurity: text().notNull(),
  smtpUser: text(),
  smtpPasswordSealed: text(),
  fromName: text().notNull(),
  fromAddress: text().notNull(),
  replyTo: text(),
  postalAddress: text(),
  dkimDomain: text(),
  dkimSelector: text(),
  dkimKeySealed: text(),
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** A mail template (M-1): its texts per language, the first its main language. */
export const mailTemplates = pgTable(
  'mail_templates',
  {
    id: uuid().notNull().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    variants: jsonb().$type<MailTemplateVariant[]>().notNull(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('mail_templates_name_uq').on(t.orgId, sql`lower(${t.name})`),
  ],
);
