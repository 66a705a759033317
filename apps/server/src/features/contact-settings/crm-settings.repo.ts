import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { crmSettings } from './contact-settings.table.ts';

export type CrmSettingsRow = typeof crmSettings.$inferSelect;
type Patch = Partial<
  Pick<
    CrmSettingsRow,
    | 'trashRetentionDays'
    | 'phoneRegion'
    | 'workdayStart'
    | 'workdayEnd'
    | 'newCallerStatusId'
    | 'newCallerResponsible'
    | 'adultAge'
    | 'responsibleRoles'
  >
>;

export async function findCrmSettings(db: Db, orgId: string) {
  const [row] = await db.select().from(crmSettings).where(eq(crmSettings.orgId, orgId));
  return row;
}

/** First save (version 0 = no row yet); a racing first save loses and gets nothing back. */
export async function insertCrmSettings(db: Db, orgId: string, patch: Patch) {
  const [row] = await db
    .insert(crmSettings)
    .values({ orgId, ...patch })
    .onConflictDoNothing()
    .returning();
  return row;
}

/** Applies the patch only when the caller saw the current version. */
export async function updateCrmSettings(db: Db, orgId: string, version: number, patch: Patch) {
  const [row] = await db
    .update(crmSettings)
    .set({ ...patch, updatedAt: new Date(), version: sql`${crmSettings.version} + 1` })
    .where(and(eq(crmSettings.orgId, orgId), eq(crmSettings.version, version)))
    .returning();
  return row;
}
