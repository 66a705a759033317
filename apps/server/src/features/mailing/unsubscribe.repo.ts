import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { mailCampaigns, mailRecipients, mailUnsubscribes } from './campaigns.table.ts';

/** The campaign's name and the language the person got it in (their recipient row's). */
export async function unsubscribeContext(
  db: Db,
  orgId: string,
  campaignId: string,
  personId: string,
) {
  const [campaign] = await db
    .select({ name: mailCampaigns.name })
    .from(mailCampaigns)
    .where(and(eq(mailCampaigns.orgId, orgId), eq(mailCampaigns.id, campaignId)));
  const [recipient] = await db
    .select({ locale: mailRecipients.locale })
    .from(mailRecipients)
    .where(
      and(
        eq(mailRecipients.orgId, orgId),
        eq(mailRecipients.campaignId, campaignId),
        eq(mailRecipients.personId, personId),
      ),
    );
  return { campaignName: campaign?.name ?? null, locale: recipient?.locale ?? null };
}

/**
 * Remembers that the person unsubscribed (once per channel: the first link they used stays).
 * Answers whether a row was added; a person that no longer exists adds nothing.
 */
export async function insertUnsubscribe(
  db: Db,
  row: { orgId: string; personId: string; channel: string; campaignId: string; at: Date },
): Promise<boolean> {
  const added = await db
    .insert(mailUnsubscribes)
    .values({
      orgId: row.orgId,
      personId: row.personId,
      channel: row.channel,
      campaignId: row.campaignId,
      createdAt: row.at,
    })
    .onConflictDoNothing()
    .returning({ personId: mailUnsubscribes.personId });
  return added.length > 0;
}
