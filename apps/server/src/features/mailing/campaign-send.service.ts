import type {
  Campaign,
  CampaignChannel,
  CampaignState,
  Locale,
  MailTestResult,
} from '@spotter/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import type { SecretBox } from '../../lib/secret-box.ts';
import { AppError, fieldInvalid, notFound, versionConflict } from '../../lib/errors.ts';
import { deleteQueuedJobs, enqueueJob, pendingJobPayloads, wakeJobRunners } from '../jobs/index.ts';
import { findOrganization } from '../organizations/index.ts';
import { campaignMail, variantFor } from './campaign-render.ts';
import * as recipients from './campaign-recipients.repo.ts';
import {
  batchOf,
  DELIVER_KIND,
  START_KIND,
  queueDeliveries,
  startSending,
} from './campaign-start.ts';
import * as repo from './campaigns.repo.ts';
import { campaignState, checkAudience, readCampaign } from './campaigns.service.ts';
import { smsSettings } from './campaigns.table.ts';
import { findMailSettings } from './mail-settings.repo.ts';
import { smtpServerOf } from './mail-settings.service.ts';
import { sendThrough, type TransportOptions } from './mail-transport.ts';
import { personValues } from './templates.repo.ts';
import { TEST_RECIPIENT, unsubscribeToken } from './unsubscribe-token.ts';

export interface SendContext {
  db: Db;
  actor: Actor;
  /** The clock (app.now): sending starts, schedules and spreads by it. */
  now: Date;
  /** Where the mails' links point: PUBLIC_URL, else the origin this request came to. */
  publicBase: string;
  box: SecretBox;
  sessionSecret: string;
  transport: TransportOptions;
}

const notConfigured = (channel: CampaignChannel) =>
  channel === 'email'
    ? new AppError(422, 'mail_not_configured', 'Save the sending settings before sending mail')
    : new AppError(422, 'sms_not_configured', 'Set up the SMS gateway before sending SMS');

async function assertConfigured(db: Db, orgId: string, channel: CampaignChannel) {
  if (channel === 'email') {
    if (!(await findMailSettings(db, orgId))) throw notConfigured(channel);
    return;
  }
  const rows = await db
    .select({ orgId: smsSettings.orgId })
    .from(smsSettings)
    .where(sql`${smsSettings.orgId} = ${orgId}`);
  if (rows.length === 0) throw notConfigured(channel);
}

/** The campaign at the caller's version and in one of `allowed`, else 404 / 409 / 422. */
async function current(
  db: Db,
  orgId: string,
  id: string,
  version: number,
  allowed: readonly CampaignState[],
) {
  const row = await repo.campaignRow(db, orgId, id);
  if (!row) throw notFound('Campaign');
  if (row.version !== version) throw versionConflict(row.version, 'this campaign');
  if (!allowed.includes(row.state as CampaignState)) throw campaignState(row.state, allowed);
  return row;
}

const changed = async (db: Db, orgId: string, id: string) => {
  const row = await repo.campaignRow(db, orgId, id);
  return row ? versionConflict(row.version, 'this campaign') : notFound('Campaign');
};

/**
 * Send now (`at` null or past): the recipients are fixed and queued in one transaction. Send
 * later: the campaign is `scheduled` and a job keyed by campaign and version starts it then.
 */
export async function sendCampaign(
  ctx: SendContext,
  id: string,
  input: { at: string | null; version: number },
): Promise<Campaign> {
  assertCan(ctx.actor, 'mailing.manage');
  const { db } = ctx;
  const { orgId } = ctx.actor;
  const from: CampaignState[] = ['draft', 'scheduled'];
  const campaign = await current(db, orgId, id, input.version, from);
  await checkAudience(db, orgId, campaign.audience);
  await assertConfigured(db, orgId, campaign.channel as CampaignChannel);
  const at = input.at ? new Date(input.at) : null;
  if (!at || at.getTime() <= ctx.now.getTime()) {
    const started = await startSending(db, {
      orgId,
      campaign,
      from,
      version: input.version,
      publicBase: ctx.publicBase,
      now: ctx.now,
    });
    if (!started) throw await changed(db, orgId, id);
    return readCampaign(db, orgId, id);
  }
  const scheduled = await db.transaction(async (tx) => {
    const ok = await repo.updateCampaign(
      tx,
      orgId,
      id,
      { version: input.version, states: from },
      { state: 'scheduled', scheduledAt: at },
    );
    if (!ok) return false;
    await enqueueJob(tx, {
      kind: START_KIND,
      key: `campaign-start:${id}:${input.version + 1}`,
      orgId,
      payload: { campaignId: id, at: at.toISOString(), publicBase: ctx.publicBase },
      runAt: at,
    });
    return true;
  });
  if (!scheduled) throw await changed(db, orgId, id);
  return readCampaign(db, orgId, id);
}

/** Messages not yet handed over wait: their jobs go (running ones see the pause and wait too). */
export async function pauseCampaign(ctx: SendContext, id: string, version: number) {
  assertCan(ctx.actor, 'mailing.manage');
  const { db } = ctx;
  const { orgId } = ctx.actor;
  await current(db, orgId, id, version, ['sending']);
  const ok = await repo.updateCampaign(
    db,
    orgId,
    id,
    { version, states: ['sending'] },
    {
      state: 'paused',
    },
  );
  if (!ok) throw await changed(db, orgId, id);
  await deleteQueuedJobs(db, { orgId, kind: DELIVER_KIND, field: 'campaignId', value: id });
  return readCampaign(db, orgId, id);
}

/**
 * The persons still queued whose batch is not waiting or running any more: a batch that was
 * running when the campaign paused comes back by itself, and queuing its persons again would
 * let two jobs take turns at the same recipients.
 */
async function personsWithoutJob(db: Db, orgId: string, campaignId: string) {
  const pending = await pendingJobPayloads(db, {
    orgId,
    kind: DELIVER_KIND,
    field: 'campaignId',
    value: campaignId,
  });
  const taken = new Set(pending.flatMap(batchOf));
  const queued = await recipients.queuedPersonIds(db, orgId, campaignId);
  return taken.size === 0 ? queued : queued.filter((p) => !taken.has(p));
}

/** The persons still queued get their messages again, spread by the rate from now. */
export async function resumeCampaign(ctx: SendContext, id: string, version: number) {
  assertCan(ctx.actor, 'mailing.manage');
  const { db } = ctx;
  const { orgId } = ctx.actor;
  const campaign = await current(db, orgId, id, version, ['paused']);
  const ok = await db.transaction(async (tx) => {
    if (
      !(await repo.updateCampaign(
        tx,
        orgId,
        id,
        { version, states: ['paused'] },
        {
          state: 'sending',
        },
      ))
    ) {
      return false;
    }
    await queueDeliveries(tx, {
      orgId,
      campaignId: id,
      channel: campaign.channel as CampaignChannel,
      personIds: await personsWithoutJob(tx, orgId, id),
      ratePerMinute: campaign.ratePerMinute,
      publicBase: ctx.publicBase,
      now: ctx.now,
      again: true,
    });
    return true;
  });
  if (!ok) throw await changed(db, orgId, id);
  await recipients.finishIfDone(db, orgId, id, ctx.now);
  wakeJobRunners();
  return readCampaign(db, orgId, id);
}

/** Stops for good: everyone not yet sent is skipped. */
export async function cancelCampaign(ctx: SendContext, id: string, version: number) {
  assertCan(ctx.actor, 'mailing.manage');
  const { db } = ctx;
  const { orgId } = ctx.actor;
  const from: CampaignState[] = ['draft', 'scheduled', 'sending', 'paused'];
  await current(db, orgId, id, version, from);
  const ok = await db.transaction(async (tx) => {
    if (
      !(await repo.updateCampaign(
        tx,
        orgId,
        id,
        { version, states: from },
        {
          state: 'cancelled',
          finishedAt: ctx.now,
        },
      ))
    ) {
      return false;
    }
    await recipients.skipQueued(tx, orgId, id);
    return true;
  });
  if (!ok) throw await changed(db, orgId, id);
  await deleteQueuedJobs(db, { orgId, kind: DELIVER_KIND, field: 'campaignId', value: id });
  return readCampaign(db, orgId, id);
}

/**
 * A test to the sender: the mail exactly as a recipient gets it (footer, unsubscribe headers),
 * filled in with this person's data or the defaults, its subject marked "[Test]".
 */
export async function testCampaign(
  ctx: SendContext,
  id: string,
  input: { to: string; personId: string | null },
): Promise<MailTestResult> {
  assertCan(ctx.actor, 'mailing.manage');
  const { db } = ctx;
  const { orgId } = ctx.actor;
  const campaign = await repo.campaignRow(db, orgId, id);
  if (!campaign) throw notFound('Campaign');
  if (campaign.channel !== 'email') {
    throw fieldInvalid('to', 'not_allowed', 'An SMS campaign has no test mail');
  }
  const settings = await findMailSettings(db, orgId);
  if (!settings) throw notConfigured('email');
  const org = await findOrganization(db, orgId);
  let values: Record<string, string | null> = { clubName: org?.name ?? '' };
  if (input.personId) {
    const person = await personValues(db, orgId, input.personId);
    if (!person) throw fieldInvalid('personId', 'unknown_reference', 'No such person');
    values = { ...values, ...person };
  }
  const variant = variantFor(campaign.variants, (org?.locale ?? 'en') as Locale);
  if (!variant) throw fieldInvalid('to', 'not_allowed', 'The campaign has no text yet');
  // Its links work and lead to the page a recipient sees, but name nobody: staff trying them
  // unsubscribe no one, whoever the mail was filled in for.
  const token = unsubscribeToken(ctx.sessionSecret, {
    orgId,
    campaignId: id,
    personId: TEST_RECIPIENT,
    channel: 'email',
  });
  const mail = campaignMail(variant, values, {
    club: org?.name ?? '',
    postalAddress: settings.postalAddress,
    publicBase: ctx.publicBase,
    token,
  });
  const sent = await sendThrough(
    smtpServerOf(ctx.box, settings),
    {
      from: { name: settings.fromName, address: settings.fromAddress },
      to: input.to,
      replyTo: settings.replyTo,
      ...mail,
      subject: `[Test] ${mail.subject}`,
    },
    ctx.transport,
  );
  return { accepted: sent.accepted, response: sent.response };
}
