import { sql } from 'drizzle-orm';
import {
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
import type { CustomFieldOption } from '@spotter/contracts';
import { organizations } from '../organizations/organizations.table.ts';

const orgId = () =>
  uuid()
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' });

/** C-6: configurable statuses per entity (person / company). */
export const contactStatuses = pgTable(
  'contact_statuses',
  {
    id: uuid().notNull().defaultRandom(),
    orgId: orgId(),
    entity: text({ enum: ['person', 'company'] }).notNull(),
    name: text().notNull(),
    abbreviation: text().notNull().default(''),
    color: text().notNull(),
    background: text().notNull(),
    position: integer().notNull().default(0),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('contact_statuses_org_entity_name_unique').on(
      t.orgId,
      t.entity,
      sql`lower(${t.name})`,
    ),
  ],
);

/** Tags, categories, industries, sources, products of interest and history event types. */
export const lookups = pgTable(
  'lookups',
  {
    id: uuid().notNull().defaultRandom(),
    orgId: orgId(),
    kind: text({
      enum: [
        'tags',
        'categories',
        'industries',
        'sources',
        'products',
        'history-types',
        'relation-roles',
      ],
    }).notNull(),
    name: text().notNull(),
    color: text(),
    scope: text({ enum: ['person', 'company', 'both'] })
      .notNull()
      .default('both'),
    position: integer().notNull().default(0),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('lookups_org_kind_name_unique').on(t.orgId, t.kind, sql`lower(${t.name})`),
    index('lookups_org_kind_idx').on(t.orgId, t.kind, t.position),
  ],
);

/** C-7: "CRM variables", one definition per field; values live in contacts.custom by id. */
export const customFields = pgTable(
  'custom_fields',
  {
    id: uuid().notNull().defaultRandom(),
    orgId: orgId(),
    entity: text({ enum: ['person', 'company'] }).notNull(),
    name: text().notNull(),
    type: text({ enum: ['text', 'money', 'date', 'number', 'dropdown'] }).notNull(),
    options: jsonb().$type<CustomFieldOption[]>().notNull().default([]),
    position: integer().notNull().default(0),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('custom_fields_org_entity_name_unique').on(
      t.orgId,
      t.entity,
      sql`lower(${t.name})`,
    ),
  ],
);

/** One row per organization once an admin has changed a CRM setting; defaults otherwise. */
export const crmSettings = pgTable('crm_settings', {
  orgId: uuid()
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  trashRetentionDays: integer().notNull().default(30),
  phoneRegion: text(),
  /** "HH:MM" on the club's clock: day-based follow-ups are due then. */
  workdayStart: text().notNull().default('10:00'),
  /** "HH:MM", or null: no clamping of follow-ups counted in minutes or hours. */
  workdayEnd: text(),
  /**
   * The status a person added from "New call" gets; null: the first person status by order.
   * No foreign key: a status deleted or archived since falls back to the first one.
   */
  newCallerStatusId: uuid(),
  /** Who is responsible for a person added from "New call": the staff member who took it, or nobody. */
  newCallerResponsible: text({ enum: ['taker', 'none'] })
    .notNull()
    .default('taker'),
  /** A person younger than this, in whole years on the club's clock, is a minor (issue 17). */
  adultAge: integer().notNull().default(18),
  /** Roles that can be chosen as responsible or deal owner (U-2); null: the defaults. */
  responsibleRoles: text().array(),
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
