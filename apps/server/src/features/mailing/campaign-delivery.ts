import {
  RECIPIENT_NOTES,
  type CampaignChannel,
  type MailTemplateVariant,
} from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { afterQuietHours } from '../../lib/club-time.ts';
import type { SecretBox } from '../../lib/secret-box.ts';
import {
  backoffMs,
  type Job,
  type JobContext,
  type JobDefinitions,
  type JobResult,
} from '../jobs/index.ts';
import { campaignMail, smsTextFor, variantFor } from './campaign-render.ts';
import * as recipients from './campaign-recipients.repo.ts';
import {
  batchOf,
  DELIVER_KIND,
  DELIVERY_ATTEMPTS,
  START_KIND,
  startSending,
  type DeliveryPayload,
} from './campaign-start.ts';
import * as repo from './campaigns.repo.ts';
import { SendFailure, type SendOutcome, type SmsSender } from './channel-sender.ts';
import type { MailSettingsRow } from './mail-settings.repo.ts';
import { smtpServerOf } from './mail-settings.service.ts';
import type { MailPool } from './mail-transport.ts';
import { unsubscribeToken } from './unsubscribe-token.ts';

export interface DeliveryDeps {
  /** Opens the SMTP password and DKIM key. */
  box: SecretBox;
  /** Signs the unsubscribe links. */
  sessionSecret: string;
  pool: MailPool;
  sms: SmsSender;
  /** Messages one instance hands over at once (default DELIVERY_CONCURRENCY). */
  concurrency?: number;
}

export const DELIVERY_CONCURRENCY = 16;

const PAUSED_RETRY_MS = 15_000;

type Key = { orgId: string; campaignId: string; personId: string };

interface Batch {
  orgId: string;
  campaignId: string;
  personIds: string[];
  publicBase: string;
}

/**
 * The campaign jobs: `mailing.deliver` sends one batch of recipients their messages, each
 * exactly once; `mailing.start` starts a scheduled campaign when its time comes.
 */
export function campaignJobs(deps: DeliveryDeps): JobDefinitions {
  return {
    [DELIVER_KIND]: {
      run: (db, job, ctx) => deliver(db, job, ctx, deps),
      // Messages mostly wait on the SMTP server: many batches at once, in a lane of their own.
      concurrency: deps.concurrency ?? DELIVERY_CONCURRENCY,
      // Every earlier claim ran out (its server died each time): settle what is left.
      onFailed: async (db, job, error) => {
        const batch = batchOfJob(job);
        await recipients.giveUpBatch(db, batch.orgId, batch.campaignId, batch.personIds, error);
        await recipients.finishIfDone(db, batch.orgId, batch.campaignId, new Date());
      },
    },
    [START_KIND]: { run: (db, job, ctx) => startScheduled(db, job, ctx) },
  };
}

function batchOfJob(job: Job): Batch {
  const p = job.payload as Partial<DeliveryPayload>;
  return {
    orgId: job.orgId!,
    campaignId: String(p.campaignId),
    personIds: batchOf(job.payload),
    publicBase: String(p.publicBase ?? ''),
  };
}

type Context = NonNullable<Awaited<ReturnType<typeof repo.deliveryContext>>>;

/** How one message went. */
type Outcome = 'sent' | 'skipped' | 'failed' | 'missed';

/**
 * One batch of recipients, one after the other. Exactly once: each recipient moves
 * queued → sending in its own committed statement before anything is handed over; a run that
 * finds one of its batch already `sending` knows an earlier run died mid-send and marks it
 * `unknown` instead of sending again. The job comes back later for what has to wait: a paused
 * campaign, the quiet hours, a temporary failure.
 */
async function deliver(db: Db, job: Job, ctx: JobContext, deps: DeliveryDeps): Promise<JobResult> {
  const batch = batchOfJob(job);
  const context = await repo.deliveryContext(db, batch.orgId, batch.campaignId);
  const campaign = context?.campaign;
  // Paused: try again later (pause drops the queued jobs; one running now comes back by
  // itself, and resume leaves its persons to it). Cancelled, done or gone: nothing.
  if (campaign?.state === 'paused') return { runAt: new Date(ctx.now.getTime() + PAUSED_RETRY_MS) };
  if (!context || campaign?.state !== 'sending') return;
  const quietUntil = () =>
    campaign.channel === 'sms'
      ? afterQuietHours(ctx.clock(), context.timezone, context.quiet)
      : undefined;
  const waitUntil = quietUntil();
  if (waitUntil && waitUntil.getTime() > ctx.clock().getTime()) return { runAt: waitUntil };

  const queued = await recipients.openBatch(db, batch.orgId, batch.campaignId, batch.personIds);
  let missed = false;
  let retryAfter = 0;
  for (const personId of queued) {
    // Its lease lost or the server stopping: the rest wait for the next run of this job.
    if (ctx.stopping()) return 'release';
    const quiet = quietUntil();
    if (quiet && quiet.getTime() > ctx.clock().getTime()) return { runAt: quiet };
    const key = { orgId: batch.orgId, campaignId: batch.campaignId, personId };
    const outcome = await deliverOne(db, deps, context, key, batch.publicBase, ctx);
    if (outcome === 'missed') missed = true;
    if (typeof outcome === 'number') retryAfter = Math.max(retryAfter, outcome);
  }
  if (missed) {
    // A claim found the campaign paused (perhaps resumed again since): the job comes back for
    // the rest of its batch, which resume leaves to it.
    const now = await repo.campaignRow(db, batch.orgId, batch.campaignId);
    if (now?.state === 'paused')
      return { runAt: new Date(ctx.clock().getTime() + PAUSED_RETRY_MS) };
    if (now?.state === 'sending') return { runAt: ctx.clock() };
  }
  if (retryAfter > 0) {
    await recipients.finishIfDone(db, batch.orgId, batch.campaignId, ctx.clock());
    return { runAt: new Date(ctx.clock().getTime() + retryAfter) };
  }
  await recipients.finishIfDone(db, batch.orgId, batch.campaignId, ctx.clock());
}

/**
 * One recipient's message: claimed, handed over, settled. Answers how it went, or for a
 * temporary failure with attempts left, the wait before the next one.
 */
async function deliverOne(
  db: Db,
  deps: DeliveryDeps,
  context: Context,
  key: Key,
  publicBase: string,
  ctx: JobContext,
): Promise<Outcome | number> {
  const { campaign } = context;
  const channel = campaign.channel as CampaignChannel;
  const claimed = await recipients.claimRecipient(db, key.orgId, key.campaignId, key.personId);
  if (!claimed) return 'missed';
  // Consent is read as the message is claimed: withdrawn since sending started, it stays here.
  const consent = channel === 'email' ? claimed.consentEmail : claimed.consentSms;
  if (!claimed.live || !consent) {
    await recipients.settleRecipient(db, key, {
      state: 'skipped',
      response: claimed.live ? RECIPIENT_NOTES.consentWithdrawn : RECIPIENT_NOTES.personDeleted,
    });
    return 'skipped';
  }
  const values = { ...claimed, clubName: context.clubName };
  let outcome: SendOutcome & { historyText: string };
  try {
    outcome =
      channel === 'email'
        ? await sendEmail(deps, key, publicBase, claimed, campaign.variants, {
            club: context.clubName,
            settings: context.settings,
            values,
          })
        : await sendSms(
            db,
            deps,
            key.orgId,
            claimed.address,
            smsTextFor(campaign.smsText ?? '', values),
          );
  } catch (err) {
    const failure = err instanceof SendFailure ? err : new SendFailure(String(err), false);
    const attempts = claimed.attempts;
    if (failure.permanent) {
      await recipients.settleRecipient(db, key, { state: 'failed', response: failure.response });
      await recipients.recordBounce(
        db,
        key.orgId,
        claimed.address,
        failure.response,
        key.campaignId,
      );
      return 'failed';
    }
    if (attempts >= DELIVERY_ATTEMPTS) {
      await recipients.settleRecipient(db, key, { state: 'failed', response: failure.response });
      return 'failed';
    }
    await recipients.settleRecipient(db, key, { state: 'queued', response: failure.response });
    return backoffMs(attempts);
  }
  await recipients.recordSent(
    db,
    key,
    { response: outcome.response, at: ctx.clock() },
    sentHistory(claimed, key.personId, {
      event: channel === 'email' ? 'email_sent' : 'sms_sent',
      text: outcome.historyText,
      data: { campaignId: campaign.id, campaignName: campaign.name },
    }),
  );
  return 'sent';
}

/**
 * The timeline entries of a message sent: the recipient's; a guardian's message about
 * children (issue 17) names them (`aboutIds`, `aboutNames`) and each child gets one entry of
 * their own naming whom it was sent to (`sentToId`, `sentToName`).
 */
function sentHistory(
  claimed: recipients.ClaimedRecipient,
  personId: string,
  entry: { event: 'email_sent' | 'sms_sent'; text: string; data: Record<string, unknown> },
) {
  if (claimed.about.length === 0) return [{ ...entry, contactId: personId }];
  return [
    {
      ...entry,
      contactId: personId,
      data: {
        ...entry.data,
        aboutIds: claimed.about.map((c) => c.id),
        aboutNames: claimed.about.map((c) => c.name),
      },
    },
    ...claimed.about.map((child) => ({
      ...entry,
      contactId: child.id,
      data: { ...entry.data, sentToId: personId, sentToName: claimed.fullName },
    })),
  ];
}

async function sendEmail(
  deps: DeliveryDeps,
  key: Key,
  publicBase: string,
  recipient: recipients.ClaimedRecipient,
  variants: MailTemplateVariant[],
  fill: {
    club: string;
    settings: MailSettingsRow | null;
    values: Parameters<typeof campaignMail>[1];
  },
) {
  const { settings } = fill;
  if (!settings) throw new SendFailure('Mail is not configured', false);
  const variant = variantFor(variants, recipient.locale);
  if (!variant) throw new SendFailure('The campaign has no text', true);
  const token = unsubscribeToken(deps.sessionSecret, {
    orgId: key.orgId,
    campaignId: key.campaignId,
    personId: key.personId,
    channel: 'email',
  });
  const mail = campaignMail(variant, fill.values, {
    club: fill.club,
    postalAddress: settings.postalAddress,
    publicBase,
    token,
  });
  const sent = await deps.pool.send(key.orgId, smtpServerOf(deps.box, settings), {
    from: { name: settings.fromName, address: settings.fromAddress },
    to: recipient.address,
    replyTo: settings.replyTo,
    ...mail,
  });
  return { response: sent.response, historyText: mail.subject };
}

async function sendSms(db: Db, deps: DeliveryDeps, orgId: string, to: string, text: string) {
  const sent = await deps.sms(db, orgId, { to, text });
  return { response: sent.response, historyText: text };
}

/** A scheduled campaign's time has come: it starts unless it was changed or cancelled since. */
async function startScheduled(db: Db, job: Job, ctx: JobContext): Promise<JobResult> {
  const p = job.payload as { campaignId: string; at: string; publicBase: string };
  const orgId = job.orgId!;
  const campaign = await repo.campaignRow(db, orgId, p.campaignId);
  if (!campaign || campaign.state !== 'scheduled') return;
  if (campaign.scheduledAt?.toISOString() !== p.at) return;
  await startSending(db, {
    orgId,
    campaign,
    from: ['scheduled'],
    version: campaign.version,
    publicBase: p.publicBase,
    now: ctx.now,
  });
}
