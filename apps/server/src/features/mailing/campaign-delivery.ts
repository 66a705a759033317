import type { CampaignChannel, MailTemplateVariant } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { afterQuietHours } from '../../lib/club-time.ts';
import type { SecretBox } from '../../lib/secret-box.ts';
import { insertHistory } from '../contacts/index.ts';
import type { Job, JobContext, JobDefinitions, JobResult } from '../jobs/index.ts';
import { campaignMail, smsTextFor, variantFor } from './campaign-render.ts';
import * as recipients from './campaign-recipients.repo.ts';
import { DELIVER_KIND, START_KIND, startSending, type DeliveryPayload } from './campaign-start.ts';
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

/**
 * The campaign jobs: `mailing.deliver` sends one recipient's message exactly once,
 * `mailing.start` starts a scheduled campaign when its time comes.
 */
export function campaignJobs(deps: DeliveryDeps): JobDefinitions {
  return {
    [DELIVER_KIND]: {
      run: (db, job, ctx) => deliver(db, job, ctx, deps),
      // Messages mostly wait on the SMTP server: many at once, in a lane of their own.
      concurrency: deps.concurrency ?? DELIVERY_CONCURRENCY,
      // Every earlier claim ran out (its server died each time): settle what is left.
      onFailed: async (db, job, error) => {
        const key = keyOf(job);
        if (!(await recipients.markUnknown(db, key.orgId, key.campaignId, key.personId))) {
          await recipients.settleRecipient(db, key, { state: 'failed', response: error }, [
            'queued',
          ]);
        }
        await recipients.finishIfDone(db, key.orgId, key.campaignId, new Date());
      },
    },
    [START_KIND]: { run: (db, job, ctx) => startScheduled(db, job, ctx) },
  };
}

function keyOf(job: Job): Key & DeliveryPayload {
  const p = job.payload as DeliveryPayload;
  return { ...p, orgId: job.orgId! };
}

/**
 * One recipient's message. Exactly once: the recipient moves queued → sending in its own
 * committed statement before anything is handed over; a run that finds it already `sending`
 * knows an earlier run died mid-send and marks it `unknown` instead of sending again.
 */
async function deliver(db: Db, job: Job, ctx: JobContext, deps: DeliveryDeps): Promise<JobResult> {
  const key = keyOf(job);
  const context = await repo.deliveryContext(db, key.orgId, key.campaignId);
  const campaign = context?.campaign;
  // Paused: try again later (pause drops the queued jobs; one running now comes back by
  // itself, so resuming never misses it). Cancelled, done or gone: nothing.
  if (campaign?.state === 'paused') return { runAt: new Date(ctx.now.getTime() + PAUSED_RETRY_MS) };
  if (!context || campaign?.state !== 'sending') return;
  const channel = campaign.channel as CampaignChannel;
  if (channel === 'sms') {
    const at = afterQuietHours(ctx.now, context.timezone, context.quiet);
    if (at.getTime() > ctx.now.getTime()) return { runAt: at };
  }
  const claimed = await recipients.claimRecipient(db, key.orgId, key.campaignId, key.personId);
  if (!claimed) {
    const state = await recipients.recipientState(db, key.orgId, key.campaignId, key.personId);
    if (state === 'sending') {
      await recipients.markUnknown(db, key.orgId, key.campaignId, key.personId);
      await recipients.finishIfDone(db, key.orgId, key.campaignId, ctx.clock());
    }
    return;
  }
  // Consent is read as the message is claimed: withdrawn since sending started, it stays here.
  const consent = channel === 'email' ? claimed.consentEmail : claimed.consentSms;
  if (!claimed.live || !consent) {
    await recipients.settleRecipient(db, key, {
      state: 'skipped',
      response: claimed.live ? 'Consent withdrawn' : 'Person deleted',
    });
    await recipients.finishIfDone(db, key.orgId, key.campaignId, ctx.clock());
    return;
  }
  const values = { ...claimed, clubName: context.clubName };
  let outcome: SendOutcome & { historyText: string };
  try {
    outcome =
      channel === 'email'
        ? await sendEmail(deps, key, claimed, campaign.variants, {
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
    await settleFailure(db, key, claimed.address, failure, job);
    await recipients.finishIfDone(db, key.orgId, key.campaignId, ctx.clock());
    if (!failure.permanent && job.attempts < job.maxAttempts) throw failure;
    return;
  }
  // History first, then the state: a run that dies between the two leaves the recipient
  // 'sending' (later 'unknown', never sent again) with the history saying what did happen.
  // Two statements, no transaction: a campaign's messages are many.
  const at = ctx.clock();
  await insertHistory(db, key.orgId, key.personId, {
    event: channel === 'email' ? 'email_sent' : 'sms_sent',
    text: outcome.historyText,
    data: { campaignId: campaign.id, campaignName: campaign.name },
  });
  await recipients.settleRecipient(
    db,
    key,
    { state: 'sent', response: outcome.response, sentAt: at },
    ['sending', 'unknown'],
  );
  await recipients.finishIfDone(db, key.orgId, key.campaignId, at);
}

/**
 * A failure: permanent → failed with the server's reply, and the address bounced; temporary →
 * queued again for the runner's retry, or failed once the attempts are used up.
 */
async function settleFailure(db: Db, key: Key, address: string, failure: SendFailure, job: Job) {
  if (failure.permanent) {
    await recipients.settleRecipient(db, key, { state: 'failed', response: failure.response });
    await recipients.recordBounce(db, key.orgId, address, failure.response, key.campaignId);
  } else if (job.attempts >= job.maxAttempts) {
    await recipients.settleRecipient(db, key, { state: 'failed', response: failure.response });
  } else {
    await recipients.settleRecipient(db, key, { state: 'queued', response: failure.response });
  }
}

async function sendEmail(
  deps: DeliveryDeps,
  key: Key & DeliveryPayload,
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
    publicBase: key.publicBase,
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
