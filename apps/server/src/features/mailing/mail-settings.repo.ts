import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { mailSettings } from './mailing.table.ts';

export type MailSettingsRow = typeof mailSettings.$inferSelect;
export type MailSettingsValues = Omit<MailSettingsRow, 'orgId' | 'version' | 'updatedAt'>;

export async function findMailSettings(db: Db, orgId: string) {
  const [row] = await db.select().from(mailSettings).where(eq(mailSettings.orgId, orgId));
  return row;
}

/** First save (version 0 = no row yet); a racing first save loses and gets nothing back. */
export async function insertMailSettings(db: Db, orgId: string, values: MailSettingsValues) {
  const [row] = await db
    .insert(mailSettings)
    .values({ orgId, ...values })
    .onConflictDoNothing()
    .returning();
  return row;
}

/** Saves only when the caller saw the current version. */
export async function updateMailSettings(
  db: Db,
  orgId: string,
  version: number,
  values: MailSettingsValues,
) {
  const [row] = await db
    .update(mailSettings)
    .set({ ...values, updatedAt: new Date(), version: sql`${mailSettings.version} + 1` })
    .where(and(eq(mailSettings.orgId, orgId), eq(mailSettings.version, version)))
    .returning();
  return row;
}
