import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { RECIPIENT_NOTES, type RecipientState } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { branches } from '../branches/index.ts';
import { contacts, insertHistoryManyWith } from '../contacts/index.ts';
import { users } from '../users/index.ts';
import { mailBounces, mailCampaigns, mailRecipients } from './campaigns.table.ts';

export type RecipientRow = typeof mailRecipients.$inferSelect;

const STOPPED_WHILE_SENDING = RECIPIENT_NOTES.stoppedWhileSending;

const one = (orgId: string, campaignId: string, personId: string) =>
  and(
    eq(mailRecipients.orgId, orgId),
    eq(mailRecipients.campaignId, campaignId),
    eq(mailRecipients.personId, personId),
  );

/**
 * The claim that makes delivery exactly-once: queued → sending (one more attempt), committed
 * before anything leaves, while the campaign is still sending. Answers the row with what the
 * person's message is filled in with and whether they may still get it (ONE statement), when
 * this caller moved it; else undefined.
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
      .where(
        and(
          one(orgId, campaignId, personId),
          eq(mailRecipients.state, 'queued'),
          // Paused or cancelled since the batch began: nothing more leaves.
          sql`exists (select 1 from ${mailCampaigns} c where c.org_id = ${orgId}::uuid
            and c.id = ${campaignId}::uuid and c.state = 'sending')`,
        ),
      )
      .returning({
        address: mailRecipients.address,
        locale: mailRecipients.locale,
        attempts: mailRecipients.attempts,
        aboutIds: mailRecipients.aboutIds,
      }),
  );
  const [row] = await db
    .with(claimed)
    .select({
      address: claimed.address,
      locale: claimed.locale,
      attempts: claimed.attempts,
      firstName: contacts.firstName,
      lastName: contacts.lastName,
      fullName: contacts.displayName,
      responsibleName: users.name,
      branchName: branches.name,
      consentEmail: contacts.consentEmail,
      consentSms: contacts.consentSms,
      live: sql<boolean>`${contacts.deletedAt} is null`,
      // Issue 17: the children this message to their guardian is about (those still kept).
      about: sql<AboutChild[]>`(select coalesce(jsonb_agg(jsonb_build_object(
          'id', k.id, 'name', k.display_name) order by k.display_name), '[]'::jsonb)
        from ${contacts} k where k.org_id = ${orgId}::uuid and k.id = any(${claimed.aboutIds}))`,
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

export interface AboutChild {
  id: string;
  name: string;
}

export type ClaimedRecipient = NonNullable<Awaited<ReturnType<typeof claimRecipient>>>;

/**
 * A delivery job (re)starts on its batch: a person it left 'sending' was being handed over
 * when its earlier run died, so whether it left is not known and it becomes 'unknown', never
 * sent again. Answers the batch's persons still queued, in person id order (ONE statement).
 */
export async function openBatch(db: Db, orgId: string, campaignId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  const inBatch = and(
    eq(mailRecipients.orgId, orgId),
    eq(mailRecipients.campaignId, campaignId),
    inArray(mailRecipients.personId, personIds),
  );
  const stale = db.$with('stale').as(
    db
      .update(mailRecipients)
      .set({ state: 'unknown', response: STOPPED_WHILE_SENDING, updatedAt: new Date() })
      .where(and(inBatch, eq(mailRecipients.state, 'sending')))
      .returning({ personId: mailRecipients.personId }),
  );
  const rows = await db
    .with(stale)
    .select({ personId: mailRecipients.personId })
    .from(mailRecipients)
    .where(and(inBatch, eq(mailRecipients.state, 'queued')))
    .orderBy(asc(mailRecipients.personId));
  return rows.map((r) => r.personId);
}

/**
 * A message left: the recipient is 'sent' (also over an 'unknown' a later run wrote after this
 * one lost its lease) and the person's history says so — and, for a guardian's message about
 * children, each child's history (the entries given) — in ONE statement.
 */
export async function recordSent(
  db: Db,
  key: { orgId: string; campaignId: string; personId: string },
  sent: { response: string; at: Date },
  history: Array<{
    contactId: string;
    event: 'email_sent' | 'sms_sent';
    text: string;
    data: Record<string, unknown>;
  }>,
) {
  const settled = db.$with('settled').as(
    db
      .update(mailRecipients)
      .set({
        state: 'sent',
        response: sent.response.slice(0, 2000),
        sentAt: sent.at,
        updatedAt: new Date(),
      })
      .where(
        and(
          one(key.orgId, key.campaignId, key.personId),
          inArray(mailRecipients.state, ['sending', 'unknown']),
        ),
      )
      .returning({ personId: mailRecipients.personId }),
  );
  await insertHistoryManyWith(db, settled, key.orgId, history);
}

/**
 * Every run of a delivery job failed: its persons being sent become 'unknown', those still
 * queued 'failed' with the error.
 */
export async function giveUpBatch(
  db: Db,
  orgId: string,
  campaignId: string,
  personIds: string[],
  error: string,
) {
  if (personIds.length === 0) return;
  const inBatch = (state: RecipientState) =>
    and(
      eq(mailRecipients.orgId, orgId),
      eq(mailRecipients.campaignId, campaignId),
      inArray(mailRecipients.personId, personIds),
      eq(mailRecipients.state, state),
    );
  await db
    .update(mailRecipients)
    .set({ state: 'unknown', response: STOPPED_WHILE_SENDING, updatedAt: new Date() })
    .where(inBatch('sending'));
  await db
    .update(mailRecipients)
    .set({ state: 'failed', response: error.slice(0, 2000), updatedAt: new Date() })
    .where(inBatch('queued'));
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
    .set({ state: 'skipped', response: RECIPIENT_NOTES.cancelled, updatedAt: new Date() })
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
