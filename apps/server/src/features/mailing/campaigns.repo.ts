import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { CampaignState, RecipientTotals } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { olderThan, cursorAtOf, type TimeCursor } from '../../lib/time-cursor.ts';
import { organizations } from '../organizations/index.ts';
import { users } from '../users/index.ts';
import { mailCampaigns, mailRecipients, smsSettings } from './campaigns.table.ts';
import { mailSettings } from './mailing.table.ts';

export type CampaignRow = typeof mailCampaigns.$inferSelect;
export type CampaignValues = Partial<
  Omit<CampaignRow, 'orgId' | 'id' | 'version' | 'createdAt' | 'updatedAt'>
>;

const listed = {
  campaign: mailCampaigns,
  createdByName: users.name,
  cursorAt: cursorAtOf(mailCampaigns.createdAt),
};

const withCreator = (db: Db) =>
  db
    .select(listed)
    .from(mailCampaigns)
    .leftJoin(
      users,
      and(eq(users.orgId, mailCampaigns.orgId), eq(users.id, mailCampaigns.createdBy)),
    );

export type ListedCampaign = Awaited<ReturnType<typeof findCampaign>> & object;

/** One organization's campaigns, newest first (mail_campaigns_org_created_idx). */
export function listCampaigns(db: Db, orgId: string, opts: { limit: number; cursor?: TimeCursor }) {
  const where: SQL[] = [eq(mailCampaigns.orgId, orgId)];
  if (opts.cursor) where.push(olderThan(mailCampaigns.createdAt, mailCampaigns.id, opts.cursor));
  return withCreator(db)
    .where(and(...where))
    .orderBy(desc(mailCampaigns.createdAt), desc(mailCampaigns.id))
    .limit(opts.limit);
}

export async function findCampaign(db: Db, orgId: string, id: string) {
  const [row] = await withCreator(db).where(
    and(eq(mailCampaigns.orgId, orgId), eq(mailCampaigns.id, id)),
  );
  return row;
}

/** The campaign row alone (delivery reads it per message). */
export async function campaignRow(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(mailCampaigns)
    .where(and(eq(mailCampaigns.orgId, orgId), eq(mailCampaigns.id, id)));
  return row;
}

export async function insertCampaign(
  db: Db,
  orgId: string,
  values: CampaignValues & { name: string; channel: string },
) {
  const [row] = await db
    .insert(mailCampaigns)
    .values({ orgId, ...values })
    .returning({ id: mailCampaigns.id });
  return row!.id;
}

/**
 * Changes a campaign only at the version the caller saw and only in one of `states`; answers
 * whether it did (no: the caller reads the row again to tell 409 from 422).
 */
export async function updateCampaign(
  db: Db,
  orgId: string,
  id: string,
  guard: { version?: number; states: readonly CampaignState[] },
  values: CampaignValues,
): Promise<boolean> {
  const where = [
    eq(mailCampaigns.orgId, orgId),
    eq(mailCampaigns.id, id),
    inArray(mailCampaigns.state, [...guard.states]),
  ];
  if (guard.version !== undefined) where.push(eq(mailCampaigns.version, guard.version));
  const rows = await db
    .update(mailCampaigns)
    .set({ ...values, updatedAt: new Date(), version: sql`${mailCampaigns.version} + 1` })
    .where(and(...where))
    .returning({ id: mailCampaigns.id });
  return rows.length > 0;
}

export async function deleteDraft(db: Db, orgId: string, id: string, version?: number) {
  const where = [
    eq(mailCampaigns.orgId, orgId),
    eq(mailCampaigns.id, id),
    eq(mailCampaigns.state, 'draft'),
  ];
  if (version !== undefined) where.push(eq(mailCampaigns.version, version));
  const rows = await db
    .delete(mailCampaigns)
    .where(and(...where))
    .returning({ id: mailCampaigns.id });
  return rows.length > 0;
}

export const emptyTotals = (): RecipientTotals => ({
  total: 0,
  queued: 0,
  sending: 0,
  sent: 0,
  failed: 0,
  skipped: 0,
  unknown: 0,
});

/** Recipients per state for each campaign (mail_recipients_state_idx), in one statement. */
export async function totalsOf(
  db: Db,
  orgId: string,
  campaignIds: string[],
): Promise<Map<string, RecipientTotals>> {
  const out = new Map(campaignIds.map((id) => [id, emptyTotals()]));
  if (campaignIds.length === 0) return out;
  const rows = await db
    .select({
      campaignId: mailRecipients.campaignId,
      state: mailRecipients.state,
      n: sql<number>`count(*)::int`,
    })
    .from(mailRecipients)
    .where(and(eq(mailRecipients.orgId, orgId), inArray(mailRecipients.campaignId, campaignIds)))
    .groupBy(mailRecipients.campaignId, mailRecipients.state);
  for (const r of rows) {
    const totals = out.get(r.campaignId);
    if (!totals || !(r.state in totals)) continue;
    totals[r.state as keyof RecipientTotals] = Number(r.n);
    totals.total += Number(r.n);
  }
  return out;
}

/** The SMS gateway's quiet hours on the club's clock, if set. */
export async function quietHoursOf(db: Db, orgId: string) {
  const [row] = await db
    .select({ from: smsSettings.quietFrom, to: smsSettings.quietTo })
    .from(smsSettings)
    .where(eq(smsSettings.orgId, orgId));
  return row?.from && row.to ? { from: row.from, to: row.to } : null;
}

/**
 * Everything one message needs besides its person, in ONE statement (a campaign's messages
 * are many): the campaign, the club's name and zone, its mail settings and SMS quiet hours.
 */
export async function deliveryContext(db: Db, orgId: string, campaignId: string) {
  const [row] = await db
    .select({
      campaign: mailCampaigns,
      clubName: organizations.name,
      timezone: organizations.timezone,
      settings: mailSettings,
      quietFrom: smsSettings.quietFrom,
      quietTo: smsSettings.quietTo,
    })
    .from(mailCampaigns)
    .innerJoin(organizations, eq(organizations.id, mailCampaigns.orgId))
    .leftJoin(mailSettings, eq(mailSettings.orgId, mailCampaigns.orgId))
    .leftJoin(smsSettings, eq(smsSettings.orgId, mailCampaigns.orgId))
    .where(and(eq(mailCampaigns.orgId, orgId), eq(mailCampaigns.id, campaignId)));
  if (!row) return undefined;
  const { quietFrom, quietTo, ...rest } = row;
  return { ...rest, quiet: quietFrom && quietTo ? { from: quietFrom, to: quietTo } : null };
}
