import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
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
import type { Address, ContactEmail, CustomValues, Phone } from '@spotter/contracts';
import { branches } from '../branches/branches.table.ts';
import { organizations } from '../organizations/organizations.table.ts';
import { users } from '../users/users.table.ts';

/**
 * Persons and companies in one table (`kind`): they share statuses, tags, custom fields,
 * history, search, the trash, merge and export; the API still shows them as two resources.
 */
export const contacts = pgTable(
  'contacts',
  {
    id: uuid().notNull().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    kind: text({ enum: ['person', 'company'] }).notNull(),
    // person
    firstName: text().notNull().default(''),
    lastName: text().notNull().default(''),
    birthDate: date({ mode: 'string' }),
    address: jsonb().$type<Address>(),
    companyId: uuid(),
    // company
    name: text().notNull().default(''),
    orgNumber: text().notNull().default(''),
    visitingAddress: jsonb().$type<Address>(),
    industryId: uuid(),
    /** What lists show and sort by: "First Last", the company name, or a phone/email. */
    displayName: text().notNull(),
    /** lower(displayName) with a stable collation-free order for paging. */
    sortName: text().notNull(),
    phones: jsonb().$type<Phone[]>().notNull().default([]),
    emails: jsonb().$type<ContactEmail[]>().notNull().default([]),
    /** E.164 numbers and lower-case emails, for duplicate checks (GIN). */
    phoneKeys: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    emailKeys: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Names, emails, org number and phone digits (international and national), lower-case. */
    searchText: text().notNull().default(''),
    branchId: uuid(),
    statusId: uuid(),
    responsibleId: uuid(),
    sourceId: uuid(),
    note: text().notNull().default(''),
    tagIds: uuid()
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    categoryIds: uuid()
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    productIds: uuid()
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    custom: jsonb().$type<CustomValues>().notNull().default({}),
    consentEmail: boolean().notNull().default(false),
    consentEmailAt: timestamp({ withTimezone: true }),
    consentEmailSource: text(),
    consentSms: boolean().notNull().default(false),
    consentSmsAt: timestamp({ withTimezone: true }),
    consentSmsSource: text(),
    /**
     * A minor's consents are given by a guardian (issue 17): who, for each channel. No foreign
     * key: a guardian purged since leaves the id, and the consent its time and source.
     */
    consentEmailBy: uuid(),
    consentSmsBy: uuid(),
    version: integer().notNull().default(1),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp({ withTimezone: true }),
    deletedBy: uuid(),
    erasedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // Paging by name and filter counts use contacts_list_name_idx and contacts_filter_gin_idx,
    // which drizzle cannot describe: see migration 0004.
    // Name prefixes ("an", "sv") for searches too short for trigrams.
    index('contacts_org_sort_prefix_idx')
      .on(t.orgId, t.sortName.op('text_pattern_ops'))
      .where(sql`${t.deletedAt} is null`),
    // Lists sorted by created or changed time page by keyset through these: the time, then
    // the name and id that order equal times (one import's rows share their created time).
    index('contacts_list_created_idx')
      .on(t.orgId, t.kind, t.createdAt, t.sortName, t.id)
      .where(sql`${t.deletedAt} is null`),
    index('contacts_list_updated_idx')
      .on(t.orgId, t.kind, t.updatedAt, t.sortName, t.id)
      .where(sql`${t.deletedAt} is null`),
    // Partial: an (org_id, x) index that also covered rows without x was, on a young table,
    // as cheap to the planner as the primary key for `org_id = $1 and id = $2`, and a foreign
    // key check planned then walked a whole organization's contacts for every row it checked
    // (migration 0038). Every query of these columns compares them to a value, which implies
    // not null.
    index('contacts_org_status_idx')
      .on(t.orgId, t.statusId)
      .where(sql`${t.statusId} is not null`),
    index('contacts_org_responsible_idx')
      .on(t.orgId, t.responsibleId)
      .where(sql`${t.responsibleId} is not null`),
    index('contacts_org_company_idx')
      .on(t.orgId, t.companyId)
      .where(sql`${t.companyId} is not null`),
    index('contacts_trash_idx')
      .on(t.orgId, t.deletedAt)
      .where(sql`${t.deletedAt} is not null`),
    // Matching by phone and email (duplicate warnings, the batch API) probes these per write:
    // without the pending list, a probe does not scan every row written since the last vacuum.
    index('contacts_phone_keys_idx').using('gin', t.phoneKeys).with({ fastupdate: false }),
    index('contacts_email_keys_idx').using('gin', t.emailKeys).with({ fastupdate: false }),
    index('contacts_tag_ids_idx').using('gin', t.tagIds),
    index('contacts_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    // Every reference stays inside the organization. The migration narrows each SET NULL to
    // the one column (`SET NULL (company_id)`): drizzle cannot say so, and org_id must stay.
    foreignKey({
      name: 'contacts_company_id_fk',
      columns: [t.orgId, t.companyId],
      foreignColumns: [t.orgId, t.id],
    }).onDelete('set null'),
    foreignKey({
      name: 'contacts_branch_id_fk',
      columns: [t.orgId, t.branchId],
      foreignColumns: [branches.orgId, branches.id],
    }).onDelete('set null'),
    foreignKey({
      name: 'contacts_responsible_id_fk',
      columns: [t.orgId, t.responsibleId],
      foreignColumns: [users.orgId, users.id],
    }).onDelete('set null'),
    foreignKey({
      name: 'contacts_created_by_fk',
      columns: [t.orgId, t.createdBy],
      foreignColumns: [users.orgId, users.id],
    }).onDelete('set null'),
    foreignKey({
      name: 'contacts_deleted_by_fk',
      columns: [t.orgId, t.deletedBy],
      foreignColumns: [users.orgId, users.id],
    }).onDelete('set null'),
  ],
);

/** C-9: the timeline of a person or company. */
export const contactHistory = pgTable(
  'contact_history',
  {
    id: uuid().notNull().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    contactId: uuid().notNull(),
    event: text().notNull(),
    /** A configurable history event type (lookups kind 'history-types'). */
    typeId: uuid(),
    text: text().notNull().default(''),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    authorId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('contact_history_contact_idx').on(t.orgId, t.contactId, t.createdAt, t.id),
    foreignKey({
      name: 'contact_history_contact_id_fk',
      columns: [t.orgId, t.contactId],
      foreignColumns: [contacts.orgId, contacts.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'contact_history_author_id_fk',
      columns: [t.orgId, t.authorId],
      foreignColumns: [users.orgId, users.id],
    }).onDelete('set null'),
  ],
);

/**
 * Families (issue 17, C-17): a guardian ↔ child link between two persons. A child can have
 * several guardians, a guardian several children; at most one guardian per child is primary
 * (partial unique index). Both persons' rows delete it (purge); erasing a guardian removes it
 * in the service first. `roleId` is a 'relation-roles' lookup, checked by the service (no key:
 * a role deleted since reads as none).
 */
export const personRelations = pgTable(
  'person_relations',
  {
    id: uuid().notNull().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    guardianId: uuid().notNull(),
    childId: uuid().notNull(),
    roleId: uuid(),
    isPrimary: boolean().notNull().default(false),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('person_relations_pair_unique').on(t.orgId, t.guardianId, t.childId),
    index('person_relations_child_idx').on(t.orgId, t.childId),
    uniqueIndex('person_relations_primary_unique')
      .on(t.orgId, t.childId)
      .where(sql`${t.isPrimary}`),
    foreignKey({
      name: 'person_relations_guardian_id_fk',
      columns: [t.orgId, t.guardianId],
      foreignColumns: [contacts.orgId, contacts.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'person_relations_child_id_fk',
      columns: [t.orgId, t.childId],
      foreignColumns: [contacts.orgId, contacts.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'person_relations_created_by_fk',
      columns: [t.orgId, t.createdBy],
      foreignColumns: [users.orgId, users.id],
    }),
    check('person_relations_not_self', sql`${t.guardianId} <> ${t.childId}`),
  ],
);
