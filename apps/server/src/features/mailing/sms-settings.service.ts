import {
  unknownSmsPlaceholders,
  type SmsSettings,
  type SmsTestResult,
  type smsSettingsUpdateSchema,
} from '@spotter/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import {
  AppError,
  fieldError,
  throwIfAny,
  versionConflict,
  type FieldErrors,
} from '../../lib/errors.ts';
import { normalizePhone } from '../../lib/phones.ts';
import { getCrmSettings } from '../contact-settings/index.ts';
import { findOrganization } from '../organizations/index.ts';
import { SendFailure } from './channel-sender.ts';
import {
  answerText,
  callGateway,
  gatewayRequest,
  headerContext,
  smsNotConfigured,
  type GatewayOptions,
} from './sms-send.ts';
import * as repo from './sms-settings.repo.ts';
import { smsTestText } from './sms-texts.ts';

type UpdateInput = z.output<typeof smsSettingsUpdateSchema>;

export interface SmsContext {
  db: Db;
  actor: Actor;
  gateway: GatewayOptions;
}

function toDto(row: repo.SmsSettingsRow | undefined): SmsSettings {
  if (!row) {
    return {
      configured: false,
      url: null,
      method: 'POST',
      headerNames: [],
      bodyTemplate: null,
      contentType: 'application/json',
      sender: null,
      quietHours: null,
      version: 0,
      updatedAt: null,
    };
  }
  return {
    configured: true,
    url: row.url,
    method: row.method === 'GET' ? 'GET' : 'POST',
    // jsonb keeps keys in its own order: the page lists them alphabetically.
    headerNames: Object.keys(row.headersSealed).sort((a, b) => a.localeCompare(b, 'en')),
    bodyTemplate: row.bodyTemplate,
    contentType: row.contentType,
    sender: row.sender,
    quietHours: row.quietFrom && row.quietTo ? { from: row.quietFrom, to: row.quietTo } : null,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function getSmsSettings(ctx: SmsContext): Promise<SmsSettings> {
  assertCan(ctx.actor, 'settings.manage');
  return toDto(await repo.findSmsSettings(ctx.db, ctx.actor.orgId));
}

/** The quiet hours campaigns wait out, or null (no settings, or none set). */
export async function smsQuietHours(db: Db, orgId: string) {
  return toDto(await repo.findSmsSettings(db, orgId)).quietHours;
}

function checkPlaceholders(input: UpdateInput, errors: FieldErrors): void {
  const fields = { url: input.url, bodyTemplate: input.bodyTemplate ?? '' };
  for (const [field, text] of Object.entries(fields)) {
    const names = unknownSmsPlaceholders(text);
    if (names.length > 0) {
      errors[field] = fieldError(
        'unknown_placeholder',
        `Unknown placeholder: ${names.join(', ')} (use {{to}}, {{text}} or {{from}})`,
        { names: names.join(', ') },
      );
    }
  }
}

/**
 * Header values: a value given is sealed; a header named without one keeps what is stored
 * under that name (the page never sees it), and a new name without a value is an error.
 * Headers not named any more are dropped.
 */
function sealHeaders(
  ctx: SmsContext,
  input: UpdateInput,
  stored: Record<string, string>,
  errors: FieldErrors,
): Record<string, string> {
  const { orgId } = ctx.actor;
  const storedByKey = new Map(Object.entries(stored).map(([k, v]) => [k.toLowerCase(), v]));
  const out: Record<string, string> = {};
  input.headers.forEach((h, i) => {
    if (h.value !== undefined) {
      out[h.name] = ctx.gateway.box.seal(h.value, headerContext(orgId, h.name));
      return;
    }
    const kept = storedByKey.get(h.name.toLowerCase());
    if (kept === undefined) {
      errors[`headers.${i}.value`] = fieldError('required', 'Enter the header value');
    } else {
      out[h.name] = kept;
    }
  });
  return out;
}

export async function saveSmsSettings(ctx: SmsContext, input: UpdateInput): Promise<SmsSettings> {
  assertCan(ctx.actor, 'settings.manage');
  const { orgId } = ctx.actor;
  const current = await repo.findSmsSettings(ctx.db, orgId);
  if ((current?.version ?? 0) !== input.version) throw versionConflict(current?.version ?? 0);
  const errors: FieldErrors = {};
  checkPlaceholders(input, errors);
  const headersSealed = sealHeaders(ctx, input, current?.headersSealed ?? {}, errors);
  throwIfAny(errors);
  const post = input.method === 'POST';
  const values: repo.SmsSettingsValues = {
    url: input.url,
    method: input.method,
    headersSealed,
    bodyTemplate: post ? input.bodyTemplate : null,
    contentType: post ? input.contentType : null,
    sender: input.sender,
    quietFrom: input.quietHours?.from ?? null,
    quietTo: input.quietHours?.to ?? null,
  };
  const saved = current
    ? await repo.updateSmsSettings(ctx.db, orgId, input.version, values)
    : await repo.insertSmsSettings(ctx.db, orgId, values);
  if (!saved) {
    const now = await repo.findSmsSettings(ctx.db, orgId);
    throw versionConflict(now?.version ?? 0);
  }
  return toDto(saved);
}

export const smsFailed = (response: string) =>
  new AppError(422, 'sms_failed', `The SMS gateway answered: ${response}`, undefined, {
    params: { response },
  });

/** A number as E.164 read with the club's country, or a field error on `field`. */
export function e164Of(raw: string, region: string | null | undefined, field: string): string {
  const phone = normalizePhone(raw, region);
  if (!phone.valid) {
    throwIfAny({
      [field]: fieldError('invalid_phone', 'Enter a mobile number, e.g. +46 70 123 45 67'),
    });
  }
  return phone.number;
}

/** "Send a test SMS": one message to the number given, and the gateway's answer word for word. */
export async function sendTestSms(ctx: SmsContext, to: string): Promise<SmsTestResult> {
  assertCan(ctx.actor, 'settings.manage');
  const row = await repo.findSmsSettings(ctx.db, ctx.actor.orgId);
  if (!row) throw smsNotConfigured();
  const org = await findOrganization(ctx.db, ctx.actor.orgId);
  const { phoneRegion } = await getCrmSettings(ctx.db, ctx.actor.orgId);
  const number = e164Of(to, phoneRegion, 'to');
  const text = smsTestText(org?.locale ?? 'en', org?.name ?? 'Spotter');
  try {
    const answer = await callGateway(
      gatewayRequest(row, ctx.gateway.box, { to: number, text }),
      ctx.gateway,
    );
    if (answer.status < 200 || answer.status >= 300) throw smsFailed(answerText(answer));
    return { status: answer.status, response: answerText(answer) };
  } catch (err) {
    if (err instanceof SendFailure) throw smsFailed(err.response);
    throw err;
  }
}
