import { boolean, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The tenant: one club or chain (O-1). The only table without org_id. */
export const organizations = pgTable('organizations', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  timezone: text().notNull(),
  locale: text().notNull(),
  currency: text().notNull(),
  /** Owners and admins must sign in with two steps (decision 0014). */
  twoStepRequired: boolean().notNull().default(false),
  /**
   * The roles that may use the CRM (U-2); null: DEFAULT_CRM_ROLES. Chosen in the CRM settings,
   * kept here because it decides what a session may do, and the session cache holds this row
   * and forgets it when the row changes (decision 0019).
   */
  crmRoles: text().array(),
  /**
   * The roles besides owners, admins and managers that see the reports and the team's numbers
   * (issue 15); null: none. Kept here for the same reason as crmRoles.
   */
  reportRoles: text().array(),
  version: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
