import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { smsSettings } from './campaigns.table.ts';

export type SmsSettingsRow = typeof smsSettings.$inferSelect;
export type SmsSettingsValues = Omit<SmsSettingsRow, 'orgId' | 'version' | 'updatedAt'>;

export async function findSmsSettings(db: Db, orgId: string) {
  const [row] = await db.select().from(smsSettings).where(eq(smsSettings.orgId, orgId));
  return row;
}

/** First save (version 0 = no row yet); a racing first save loses and gets nothing back. */
export async function insertSmsSettings(db: Db, orgId: string, values: SmsSettingsValues) {
  const [row] = await db
    .insert(smsSettings)
    .values({ orgId, ...values })
    .onConflictDoNothing()
    .returning();
  return row;
}

/** Saves only when the caller saw the current version. */
export async function updateSmsSettings(
  db: Db,
  orgId: string,
  version: number,
  values: SmsSettingsValues,
) {
  const [row] = await db
    .update(smsSettings)
    .set({ ...values, updatedAt: new Date(), version: sql`${smsSettings.version} + 1` })
    .where(and(eq(smsSettings.orgId, orgId), eq(smsSettings.version, version)))
    .returning();
  return row;
}
