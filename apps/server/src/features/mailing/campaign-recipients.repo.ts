import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { RecipientState } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { branches } from '../branches/index.ts';
import { contacts } from '../contacts/index.ts';
import { users } from '../users/index.ts';
import { mailBounces, mailCampaigns, mailRecipients } from './campaigns.table.ts';

export type RecipientRow = typeof mailRecipients.$inferSelect;

const one = (orgId: string, campaignId: string, personId: string) =>
  and(
    eq(mailRecipients.orgId, orgId),
    eq(mailRecipients.campaignId, campaignId),
    eq(mailRecipients.personId, personId),
  );

/**
 * The claim that makes delivery exactly-once: queued → sending (one more attempt), committed
 * before anything leaves. Answers the row with what the person's message is filled in with and
 * whether they may still get it (ONE statement), when this caller moved it; else undefined.
 */
export async function claimRecipient(db: Db, orgId: string, campaignId: string, personId: string) {
  const claimed = db.$with('claimed').as(
    db
      .update(mailRecipients)
      .set({
        state: 'sending',
        attempts: sql`${mailRecipients.attempts} + 1`,
        updatedAt: new Date(),
      })
      .where(and(one(orgId, campaignId, personId), eq(mailRecipients.state, 'queued')))
      .returning({ address: mailRecipients.address, locale: mailRecipients.locale }),
  );
  const [row] = await db
    .with(claimed)
    .select({
      address: claimed.address,
      locale: claimed.locale,
      firstName: contacts.firstName,
      lastName: contacts.lastName,
      fullName: contacts.displayName,
      responsibleName: users.name,
      branchName: branches.name,
      consentEmail: contacts.consentEmail,
      consentSms: contacts.consentSms,
      live: sql<boolean>`${contacts.deletedAt} is null`,
    })
    .from(claimed)
    .innerJoin(contacts, and(eq(contacts.orgId, orgId), eq(contacts.id, personId)))
    .leftJoin(users, and(eq(users.orgId, contacts.orgId), eq(users.id, contacts.responsibleId)))
    .leftJoin(
      branches,
      and(eq(branches.orgId, contacts.orgId), eq(branches.id, contacts.branchId)),
    );
  return row;
}

export type ClaimedRecipient = NonNullable<Awaited<ReturnType<typeof claimRecipient>>>;

/**
 * An earlier run claimed this recipient and never said how it went (its server stopped while
 * handing the message over): whether it left is not known, so it is never sent again.
 */
export async function markUnknown(db: Db, orgId: string, campaignId: string, personId: string) {
  const rows = await db
    .update(mailRecipients)
    .set({
      state: 'unknown',
      response: 'The server stopped while this message was being sent',
      updatedAt: new Date(),
    })
    .where(and(one(orgId, campaignId, personId), eq(mailRecipients.state, 'sending')))
    .returning({ personId: mailRecipients.personId });
  return rows.length > 0;
}

export async function recipientState(db: Db, orgId: string, campaignId: string, personId: string) {
  const [row] = await db
    .select({ state: mailRecipients.state })
    .from(mailRecipients)
    .where(one(orgId, campaignId, personId));
  return row?.state as RecipientState | undefined;
}

/**
 * How a claimed message ended. `from` lists the states it may end from: a run that lost its
 * lease but did send still records 'sent' over the 'unknown' a later run wrote.
 */
export async function settleRecipient(
  db: Db,
  key: { orgId: string; campaignId: string; personId: string },
  to: {
    state: RecipientState;
    response?: string | null;
    sentAt?: Date | null;
    attemptsBack?: boolean;
  },
  from: RecipientState[] = ['sending'],
) {
  const rows = await db
    .update(mailRecipients)
    .set({
      state: to.state,
      ...(to.response !== undefined && { response: to.response?.slice(0, 2000) ?? null }),
      ...(to.sentAt !== undefined && { sentAt: to.sentAt }),
      ...(to.attemptsBack && { attempts: sql`greatest(${mailRecipients.attempts} - 1, 0)` }),
      updatedAt: new Date(),
    })
    .where(and(one(key.orgId, key.campaignId, key.personId), inArray(mailRecipients.state, from)))
    .returning({ personId: mailRecipients.personId });
  return rows.length > 0;
}

/** An address that failed for good: later campaigns leave it out. */
export async function recordBounce(
  db: Db,
  orgId: string,
  address: string,
  response: string,
  campaignId: string,
) {
  await db
    .insert(mailBounces)
    .values({ orgId, address, response: response.slice(0, 2000), campaignId })
    .onConflictDoUpdate({
      target: [mailBounces.orgId, mailBounces.address],
      set: { response: response.slice(0, 2000), campaignId, createdAt: new Date() },
    });
}

/**
 * A campaign with nobody left queued or being sent is done (the last message's run says so;
 * so does pausing, resuming or cancelling one whose queue is already empty).
 */
export async function finishIfDone(db: Db, orgId: string, campaignId: string, now: Date) {
  const rows = await db
    .update(mailCampaigns)
    .set({
      state: 'done',
      finishedAt: now,
      updatedAt: now,
      version: sql`${mailCampaigns.version} + 1`,
    })
    .where(
      and(
        eq(mailCampaigns.orgId, orgId),
        eq(mailCampaigns.id, campaignId),
        eq(mailCampaigns.state, 'sending'),
        sql`not exists (select 1 from ${mailRecipients} r where r.org_id = ${orgId}::uuid
          and r.campaign_id = ${campaignId}::uuid and r.state in ('queued', 'sending'))`,
      ),
    )
    .returning({ id: mailCampaigns.id });
  return rows.length > 0;
}

/** Cancelling: everyone not yet sent is skipped. */
export async function skipQueued(db: Db, orgId: string, campaignId: string) {
  await db
    .update(mailRecipients)
    .set({ state: 'skipped', response: 'Cancelled', updatedAt: new Date() })
    .where(
      and(
        eq(mailRecipients.orgId, orgId),
        eq(mailRecipients.campaignId, campaignId),
        eq(mailRecipients.state, 'queued'),
      ),
    );
}

/** The persons still queued (resume queues their messages again), in person id order. */
export async function queuedPersonIds(db: Db, orgId: string, campaignId: string) {
  const rows = await db
    .select({ personId: mailRecipients.personId })
    .from(mailRecipients)
    .where(
      and(
        eq(mailRecipients.orgId, orgId),
        eq(mailRecipients.campaignId, campaignId),
        eq(mailRecipients.state, 'queued'),
      ),
    )
    .orderBy(asc(mailRecipients.personId));
  return rows.map((r) => r.personId);
}

/** The campaign page's recipients: by person id (keyset), optionally in one state. */
export function listRecipients(
  db: Db,
  orgId: string,
  campaignId: string,
  opts: { state?: RecipientState; after?: string; limit: number },
) {
  const where = [eq(mailRecipients.orgId, orgId), eq(mailRecipients.campaignId, campaignId)];
  if (opts.state) where.push(eq(mailRecipients.state, opts.state));
  if (opts.after) where.push(gt(mailRecipients.personId, opts.after));
  return db
    .select({
      personId: mailRecipients.personId,
      name: contacts.displayName,
      address: mailRecipients.address,
      state: mailRecipients.state,
      attempts: mailRecipients.attempts,
      response: mailRecipients.response,
      sentAt: mailRecipients.sentAt,
      updatedAt: mailRecipients.updatedAt,
    })
    .from(mailRecipients)
    .innerJoin(
      contacts,
      and(eq(contacts.orgId, mailRecipients.orgId), eq(contacts.id, mailRecipients.personId)),
    )
    .where(and(...where))
    .orderBy(asc(mailRecipients.personId))
    .limit(opts.limit);
}
