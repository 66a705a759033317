import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
