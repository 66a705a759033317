import { contactFilterSchema, type CampaignChannel, type CampaignState } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { afterQuietHours } from '../../lib/club-time.ts';
import { personListCondition } from '../contacts/index.ts';
import { enqueueJobs, wakeJobRunners, type NewJob } from '../jobs/index.ts';
import { findOrganization } from '../organizations/index.ts';
import { countAudience, insertRecipients } from './audience.repo.ts';
import { finishIfDone } from './campaign-recipients.repo.ts';
import * as repo from './campaigns.repo.ts';

export const DELIVER_KIND = 'mailing.deliver';
export const START_KIND = 'mailing.start';

/** What a delivery job carries: whom (a batch, in person id order), and the links' base. */
export interface DeliveryPayload {
  campaignId: string;
  personIds: string[];
  publicBase: string;
  [key: string]: unknown;
}

/** The persons of a delivery job (a job queued before batches carried one `personId`). */
export const batchOf = (payload: Record<string, unknown>): string[] =>
  Array.isArray(payload.personIds)
    ? (payload.personIds as string[])
    : typeof payload.personId === 'string'
      ? [payload.personId]
      : [];

/** One delivery job per batch, named by its first person: asked for again, it is not added twice. */
export const deliveryKey = (campaignId: string, firstPersonId: string) =>
  `mail:${campaignId}:${firstPersonId}`;

/** Tries before a temporarily failing message is given up ('failed' with the last reply). */
export const DELIVERY_ATTEMPTS = 5;

/**
 * Recipients per delivery job without a rate limit. A job claims, sends and settles its
 * persons one after the other: one job claim, campaign read and finish for the batch instead
 * of for every message. With a rate limit a batch is one second's share of it (at least one).
 */
export const DELIVERY_BATCH = 25;

export function batchSize(ratePerMinute: number | null): number {
  if (!ratePerMinute) return DELIVERY_BATCH;
  return Math.max(1, Math.min(DELIVERY_BATCH, Math.floor(ratePerMinute / 60)));
}

/**
 * When each batch goes: from `start`, `60000 / rate` ms apart (all at once without a rate);
 * an SMS never in the quiet hours — one that would fall in them waits for their end, and the
 * ones after it keep their spacing from there. The rate here is batches per minute.
 */
export function spreadRunAts(
  count: number,
  start: Date,
  ratePerMinute: number | null,
  quiet: { timezone: string; hours: { from: string; to: string } | null } | null,
): Date[] {
  const step = ratePerMinute ? 60_000 / ratePerMinute : 0;
  const out: Date[] = [];
  let at = start.getTime();
  for (let i = 0; i < count; i++) {
    let when = new Date(Math.round(at));
    if (quiet?.hours) when = afterQuietHours(when, quiet.timezone, quiet.hours);
    out.push(when);
    at = when.getTime() + step;
  }
  return out;
}

/**
 * Queues the persons' messages in batches (ONE insert), the batches spread so that the
 * messages keep to the rate limit.
 */
export async function queueDeliveries(
  db: Db,
  opts: {
    orgId: string;
    campaignId: string;
    channel: CampaignChannel;
    personIds: string[];
    ratePerMinute: number | null;
    publicBase: string;
    now: Date;
    /** Resume: a delivery job that already ran is queued afresh for a person still queued. */
    again?: boolean;
  },
): Promise<number> {
  if (opts.personIds.length === 0) return 0;
  let quiet = null;
  if (opts.channel === 'sms') {
    const org = await findOrganization(db, opts.orgId);
    quiet = { timezone: org?.timezone ?? 'UTC', hours: await repo.quietHoursOf(db, opts.orgId) };
  }
  const size = batchSize(opts.ratePerMinute);
  const batches: string[][] = [];
  for (let i = 0; i < opts.personIds.length; i += size) {
    batches.push(opts.personIds.slice(i, i + size));
  }
  const perMinute = opts.ratePerMinute ? opts.ratePerMinute / size : null;
  const runAts = spreadRunAts(batches.length, opts.now, perMinute, quiet);
  const jobs: NewJob[] = batches.map((personIds, i) => ({
    kind: DELIVER_KIND,
    key: deliveryKey(opts.campaignId, personIds[0]!),
    orgId: opts.orgId,
    payload: { campaignId: opts.campaignId, personIds, publicBase: opts.publicBase },
    runAt: runAts[i]!,
    maxAttempts: DELIVERY_ATTEMPTS,
  }));
  return enqueueJobs(db, jobs, { again: opts.again });
}

/**
 * Sending starts (now, or the scheduled job's time has come): in ONE transaction the campaign
 * goes `sending` with the audience counts of this moment, its reachable persons become its
 * recipients and each gets its delivery job. Answers false when the campaign was not in one of
 * `from` at `version` (someone changed it meanwhile).
 */
export async function startSending(
  db: Db,
  opts: {
    orgId: string;
    campaign: repo.CampaignRow;
    from: readonly CampaignState[];
    version?: number;
    publicBase: string;
    now: Date;
  },
): Promise<boolean> {
  const { orgId, campaign } = opts;
  const channel = campaign.channel as CampaignChannel;
  const org = await findOrganization(db, orgId);
  const listed = await personListCondition(db, orgId, contactFilterSchema.parse(campaign.audience));
  const started = await db.transaction(async (tx) => {
    const counts = await countAudience(tx, orgId, channel, listed, opts.now);
    const moved = await repo.updateCampaign(
      tx,
      orgId,
      campaign.id,
      { version: opts.version, states: opts.from },
      { state: 'sending', startedAt: opts.now, audienceCounts: counts },
    );
    if (!moved) return false;
    const personIds = await insertRecipients(
      tx,
      { orgId, campaignId: campaign.id, channel, locale: org?.locale ?? 'en', now: opts.now },
      listed,
    );
    await queueDeliveries(tx, {
      orgId,
      campaignId: campaign.id,
      channel,
      personIds,
      ratePerMinute: campaign.ratePerMinute,
      publicBase: opts.publicBase,
      now: opts.now,
    });
    return true;
  });
  if (!started) return false;
  // Nobody reachable: the campaign is done at once.
  await finishIfDone(db, orgId, campaign.id, opts.now);
  wakeJobRunners();
  return true;
}
