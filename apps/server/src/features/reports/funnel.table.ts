import type { FunnelStepsConfig } from '@spotter/contracts';
import { integer, jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from '../organizations/organizations.table.ts';

/**
 * The sales funnel's steps of one organization: which task results, person statuses and deal
 * stages make a person reach "contacted", "trial" and "bought". One jsonb document rather than
 * a row per id: the three steps are read and saved together (one version), and an id whose
 * result, status or stage is deleted later simply matches nothing.
 */
export const funnelSettings = pgTable('funnel_settings', {
  orgId: uuid()
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  steps: jsonb().$type<FunnelStepsConfig>().notNull(),
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
