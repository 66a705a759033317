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
import type { LeadFormConsent, LeadFormField, LeadFormTexts, Locale } from '@spotter/contracts';
import { contacts } from '../contacts/contacts.table.ts';
import { organizations } from '../organizations/organizations.table.ts';

/** What a form does with a submission, beyond what it shows (decision 0029). */
export interface LeadFormSettings {
  redirectUrl: string | null;
  sourceId: string | null;
  tagIds: string[];
  branchId: string | null;
  templateId: string | null;
  assignee: { mode: 'template' | 'user' | 'turns'; userId: string | null; role: string | null };
}

/** A lead form an admin built; served at `/f/<public_id>`. */
export const leadForms = pgTable(
  'lead_forms',
  {
    id: uuid().notNull().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** The random id in the public address: the page is found by it before the org is known. */
    publicId: text().notNull(),
    name: text().notNull(),
    enabled: boolean().notNull().default(true),
    fields: jsonb().$type<LeadFormField[]>().notNull(),
    consents: jsonb().$type<LeadFormConsent[]>().notNull().default([]),
    texts: jsonb().$type<Partial<Record<Locale, LeadFormTexts>>>().notNull(),
    settings: jsonb().$type<LeadFormSettings>().notNull(),
    /** Tasks handed out in turn by this form (round robin). */
    turns: integer().notNull().default(0),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('lead_forms_public_id_unique').on(t.publicId),
    uniqueIndex('lead_forms_org_name_unique').on(t.orgId, sql`lower(${t.name})`),
    index('lead_forms_org_list_idx').on(t.orgId, t.createdAt, t.id),
  ],
);

/**
 * One submission of a form: what the visitor sent, the consents they gave (with the text they
 * read), the person and task it made, and speed to lead — when the first contact answered it.
 */
export const leadFormSubmissions = pgTable(
  'lead_form_submissions',
  {
    id: uuid().notNull().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** Kept when the form is deleted: the submission stays for speed-to-lead reports. */
    formId: uuid().notNull(),
    contactId: uuid().notNull(),
    /** The task it made (informational: a deleted task leaves it). */
    taskId: uuid(),
    locale: text().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    consents: jsonb()
      .$type<Array<{ kind: string; text: string; at: string }>>()
      .notNull()
      .default([]),
    submittedAt: timestamp({ withTimezone: true }).notNull(),
    /** The first contact after the submission (decision 0029); null while the lead waits. */
    firstContactAt: timestamp({ withTimezone: true }),
    firstContactTaskId: uuid(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      name: 'lead_form_submissions_contact_fk',
      columns: [t.orgId, t.contactId],
      foreignColumns: [contacts.orgId, contacts.id],
    }).onDelete('cascade'),
    // The board and the person page ask "since when has this person waited?".
    index('lead_form_submissions_waiting_idx')
      .on(t.orgId, t.contactId, t.submittedAt)
      .where(sql`${t.firstContactAt} is null`),
    index('lead_form_submissions_contact_idx').on(t.orgId, t.contactId, t.submittedAt),
    index('lead_form_submissions_form_idx').on(t.orgId, t.formId, t.submittedAt),
  ],
);
