import type { campaignCreateSchema, campaignUpdateSchema } from '@spotter/contracts';
import {
  contactFilterSchema,
  fieldErrorOfIssue,
  type AudienceCounts,
  type AudienceQuery,
  type Campaign,
  type CampaignChannel,
  type CampaignPage,
  type CampaignState,
  type ContactFilter,
  type MailTemplateVariant,
  type RecipientPage,
  type RecipientState,
  type RecipientTotals,
} from '@spotter/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import {
  AppError,
  fieldError,
  fieldInvalid,
  notFound,
  renameFields,
  throwIfAny,
  validationError,
  versionConflict,
  type FieldErrors,
} from '../../lib/errors.ts';
import { decodeTimeCursor, timeCursorPage } from '../../lib/time-cursor.ts';
import { personListCondition } from '../contacts/index.ts';
import { countAudience } from './audience.repo.ts';
import * as recipients from './campaign-recipients.repo.ts';
import * as repo from './campaigns.repo.ts';
import { placeholderErrors, variantTexts } from './render.ts';
import { findTemplate } from './templates.repo.ts';

type CreateInput = z.output<typeof campaignCreateSchema>;
type UpdateInput = z.output<typeof campaignUpdateSchema>;

const PAGE = 50;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Counts stored before families (issue 17) knew no guardians: every reachable got one. */
function withFamilyCounts(
  stored: Omit<AudienceCounts, 'viaGuardian' | 'messages'> & Partial<AudienceCounts>,
): AudienceCounts {
  return {
    ...stored,
    viaGuardian: stored.viaGuardian ?? 0,
    messages: stored.messages ?? stored.reachable,
  };
}

export function toCampaignDto(row: repo.ListedCampaign, totals: RecipientTotals): Campaign {
  const c = row.campaign;
  return {
    id: c.id,
    name: c.name,
    channel: c.channel as CampaignChannel,
    state: c.state as CampaignState,
    templateId: c.templateId,
    variants: c.variants,
    smsText: c.smsText,
    audience: c.audience,
    audienceCounts: c.audienceCounts && withFamilyCounts(c.audienceCounts),
    ratePerMinute: c.ratePerMinute,
    scheduledAt: iso(c.scheduledAt),
    startedAt: iso(c.startedAt),
    finishedAt: iso(c.finishedAt),
    totals,
    createdBy: c.createdBy ? { id: c.createdBy, name: row.createdByName ?? '' } : null,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** The campaign as the API shows it, with live totals; 404 for another organization's id. */
export async function readCampaign(db: Db, orgId: string, id: string): Promise<Campaign> {
  const row = await repo.findCampaign(db, orgId, id);
  if (!row) throw notFound('Campaign');
  const totals = await repo.totalsOf(db, orgId, [id]);
  return toCampaignDto(row, totals.get(id) ?? repo.emptyTotals());
}

/**
 * The audience is the persons list's filter in query form: it must parse as one, and its
 * references (custom fields) must exist. Errors name `audience.<field>`.
 */
export async function checkAudience(
  db: Db,
  orgId: string,
  audience: Record<string, unknown>,
): Promise<ContactFilter> {
  const parsed = contactFilterSchema.safeParse(audience);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const path = ['audience', ...issue.path.map(String)].join('.');
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : null;
      if (keys) {
        for (const k of keys) errors[`${path}.${k}`] = fieldError('unknown_field', 'Unknown field');
        continue;
      }
      const { code, params } = fieldErrorOfIssue({ ...issue, input: issue.input });
      errors[path] ??= fieldError(code, issue.message, params);
    }
    throw validationError(errors);
  }
  try {
    await personListCondition(db, orgId, parsed.data);
  } catch (err) {
    throw renameFields(err, (k) => `audience.${k}`);
  }
  return parsed.data;
}

/** A placeholder Spotter does not know would print as written: say where. */
function assertKnownPlaceholders(
  variants: readonly MailTemplateVariant[],
  smsText?: string | null,
) {
  const errors: FieldErrors = placeholderErrors({
    ...variantTexts(variants),
    ...(smsText ? { smsText } : {}),
  });
  const seen = new Set<string>();
  variants.forEach((v, i) => {
    if (seen.has(v.locale)) {
      errors[`variants.${i}.locale`] = fieldError('duplicate', 'One text per language');
    }
    seen.add(v.locale);
  });
  throwIfAny(errors);
}

/** What a campaign must have before it can be sent, checked on every save of its texts. */
function assertTexts(
  channel: CampaignChannel,
  variants: MailTemplateVariant[],
  sms: string | null,
) {
  if (channel === 'email' && variants.length === 0) {
    throw fieldInvalid('variants', 'required', 'An email campaign needs a text (or a template)');
  }
  if (channel === 'sms' && !sms) {
    throw fieldInvalid('smsText', 'required', 'An SMS campaign needs a text');
  }
}

async function templateVariants(db: Db, orgId: string, templateId: string) {
  const template = await findTemplate(db, orgId, templateId);
  if (!template) throw fieldInvalid('templateId', 'unknown_reference', 'No such template');
  return template.variants;
}

export async function listCampaigns(
  db: Db,
  actor: Actor,
  query: { cursor?: string },
): Promise<CampaignPage> {
  assertCan(actor, 'mailing.manage');
  const cursor = query.cursor ? decodeTimeCursor(query.cursor) : undefined;
  const rows = await repo.listCampaigns(db, actor.orgId, { limit: PAGE + 1, cursor });
  const { page, nextCursor } = timeCursorPage(
    rows.map((r) => ({ ...r, id: r.campaign.id })),
    PAGE,
  );
  const totals = await repo.totalsOf(
    db,
    actor.orgId,
    page.map((r) => r.id),
  );
  return {
    items: page.map((r) => toCampaignDto(r, totals.get(r.id) ?? repo.emptyTotals())),
    nextCursor,
  };
}

export async function getCampaign(db: Db, actor: Actor, id: string) {
  assertCan(actor, 'mailing.manage');
  return readCampaign(db, actor.orgId, id);
}

export async function createCampaign(db: Db, actor: Actor, input: CreateInput) {
  assertCan(actor, 'mailing.manage');
  const { orgId } = actor;
  let variants = input.variants ?? [];
  if (input.channel === 'email' && input.templateId && !input.variants) {
    variants = await templateVariants(db, orgId, input.templateId);
  }
  const smsText = input.channel === 'sms' ? (input.smsText ?? null) : null;
  if (input.channel === 'sms') variants = [];
  assertKnownPlaceholders(variants, smsText);
  assertTexts(input.channel, variants, smsText);
  await checkAudience(db, orgId, input.audience);
  const id = await repo.insertCampaign(db, orgId, {
    name: input.name,
    channel: input.channel,
    templateId: input.channel === 'email' ? (input.templateId ?? null) : null,
    variants,
    smsText,
    audience: input.audience,
    ratePerMinute: input.ratePerMinute,
    createdBy: actor.userId,
  });
  return readCampaign(db, orgId, id);
}

/** The state rule or the version: which one a refused change broke. */
async function refusal(
  db: Db,
  orgId: string,
  id: string,
  version: number | undefined,
  allowed: readonly CampaignState[],
) {
  const now = await repo.campaignRow(db, orgId, id);
  if (!now) return notFound('Campaign');
  if (version !== undefined && now.version !== version) {
    return versionConflict(now.version, 'this campaign');
  }
  if (!allowed.includes(now.state as CampaignState)) return campaignState(now.state, allowed);
  return versionConflict(now.version, 'this campaign');
}

export const campaignState = (state: string, allowed: readonly CampaignState[]) =>
  new AppError(
    422,
    'campaign_state',
    `The campaign is ${state}; this needs it ${allowed.join(' or ')}`,
    undefined,
    { params: { state } },
  );

const EDITABLE: readonly CampaignState[] = ['draft', 'scheduled'];

export async function updateCampaign(db: Db, actor: Actor, id: string, input: UpdateInput) {
  assertCan(actor, 'mailing.manage');
  const { orgId } = actor;
  const current = await repo.campaignRow(db, orgId, id);
  if (!current) throw notFound('Campaign');
  if (current.version !== input.version) throw versionConflict(current.version, 'this campaign');
  if (!EDITABLE.includes(current.state as CampaignState)) {
    throw campaignState(current.state, EDITABLE);
  }
  const channel = current.channel as CampaignChannel;
  const { version, ...patch } = input;
  let variants = patch.variants;
  if (channel === 'email' && patch.templateId && !patch.variants) {
    variants = await templateVariants(db, orgId, patch.templateId);
  }
  const nextVariants = channel === 'email' ? (variants ?? current.variants) : [];
  const nextSms = channel === 'sms' ? (patch.smsText ?? current.smsText) : null;
  assertKnownPlaceholders(nextVariants, nextSms);
  assertTexts(channel, nextVariants, nextSms);
  if (patch.audience) await checkAudience(db, orgId, patch.audience);
  const ok = await repo.updateCampaign(
    db,
    orgId,
    id,
    { version, states: EDITABLE },
    {
      ...(patch.name !== undefined && { name: patch.name }),
      ...(channel === 'email' &&
        patch.templateId !== undefined && { templateId: patch.templateId }),
      ...(variants !== undefined && channel === 'email' && { variants }),
      ...(channel === 'sms' && patch.smsText !== undefined && { smsText: patch.smsText }),
      ...(patch.audience !== undefined && { audience: patch.audience }),
      ...(patch.ratePerMinute !== undefined && { ratePerMinute: patch.ratePerMinute }),
    },
  );
  if (!ok) throw await refusal(db, orgId, id, version, EDITABLE);
  return readCampaign(db, orgId, id);
}

export async function deleteCampaign(db: Db, actor: Actor, id: string) {
  assertCan(actor, 'mailing.manage');
  if (await repo.deleteDraft(db, actor.orgId, id)) return { ok: true as const };
  throw await refusal(db, actor.orgId, id, undefined, ['draft']);
}

/** The counts before sending, for a filter and a channel: one statement. */
export async function audienceCounts(
  db: Db,
  actor: Actor,
  input: AudienceQuery,
  now: Date = new Date(),
): Promise<AudienceCounts> {
  assertCan(actor, 'mailing.manage');
  const filter = await checkAudience(db, actor.orgId, input.audience);
  const listed = await personListCondition(db, actor.orgId, filter);
  return countAudience(db, actor.orgId, input.channel, listed, now);
}

export async function listRecipients(
  db: Db,
  actor: Actor,
  id: string,
  query: { state?: RecipientState; cursor?: string; limit: number },
): Promise<RecipientPage> {
  assertCan(actor, 'mailing.manage');
  if (!(await repo.campaignRow(db, actor.orgId, id))) throw notFound('Campaign');
  const after = query.cursor ? decodePersonCursor(query.cursor) : undefined;
  const rows = await recipients.listRecipients(db, actor.orgId, id, {
    state: query.state,
    after,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      personId: r.personId,
      name: r.name,
      address: r.address,
      state: r.state as RecipientState,
      attempts: r.attempts,
      response: r.response,
      sentAt: iso(r.sentAt),
      updatedAt: r.updatedAt.toISOString(),
    })),
    nextCursor:
      rows.length > query.limit && last ? Buffer.from(last.personId).toString('base64url') : null,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function decodePersonCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!UUID.test(id)) throw fieldInvalid('cursor', 'invalid', 'Invalid cursor');
  return id;
}
