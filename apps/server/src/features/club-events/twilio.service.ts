import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ClubEventIn, ClubEventType, TwilioCall } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { authTokenOf } from './event-sources.service.ts';
import * as sources from './event-sources.repo.ts';
import { invalidSignature, logRefusal } from './ingest.service.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type FormParams = Record<string, string | string[]>;

/**
 * Twilio's request signature: HMAC (SHA-1, or SHA-256 when the account chose it) with the auth
 * token over the full URL it requested followed by every POST parameter, sorted by name, as
 * name and value run together; base64. A repeated name contributes each distinct value, sorted.
 */
export function twilioSignature(
  authToken: string,
  url: string,
  params: FormParams,
  hash: 'sha1' | 'sha256' = 'sha1',
): string {
  let data = url;
  for (const name of Object.keys(params).sort()) {
    const value = params[name]!;
    const values = Array.isArray(value) ? [...new Set(value)].sort() : [value];
    for (const v of values) data += name + v;
  }
  return createHmac(hash, authToken).update(data, 'utf8').digest('base64');
}

/** The hash `X-Twilio-Webhooks-Signature-Settings` names (none: SHA-1); null for one unknown. */
function hashOf(settings: string | undefined): 'sha1' | 'sha256' | null {
  const algorithm = /(?:^|,)\s*algorithm=([^,]*)/
    .exec(settings ?? '')?.[1]
    ?.trim()
    .toUpperCase();
  if (!algorithm || algorithm === 'HMAC_SHA1') return 'sha1';
  return algorithm === 'HMAC_SHA256' ? 'sha256' : null;
}

/** Twilio signs the URL as it requested it: with the default port written out, or without. */
function urlVariants(url: string): string[] {
  const m = /^(https?):\/\/([^/:?#]+)(:\d+)?(.*)$/i.exec(url);
  if (!m) return [url];
  const [, scheme, host, port, rest] = m;
  const standard = scheme!.toLowerCase() === 'https' ? ':443' : ':80';
  return [`${scheme}://${host}${rest}`, `${scheme}://${host}${port ?? standard}${rest}`];
}

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export interface TwilioDelivery {
  sourceId: string;
  /** The full URL Twilio requested: the public base and the path with its query string. */
  url: string;
  params: FormParams;
  signature: string | undefined;
  signatureSettings: string | undefined;
}

/**
 * Who sent this: Twilio, signing with the auth token stored on a Twilio source. Every refusal
 * is the same 401 as a Standard Webhooks delivery's, and is logged for the admins.
 */
export async function verifyTwilio(
  db: Db,
  delivery: TwilioDelivery,
  deps: { sessionSecret: string; now: Date },
): Promise<sources.EventSourceRow> {
  const source = UUID.test(delivery.sourceId)
    ? await sources.findSourceById(db, delivery.sourceId)
    : undefined;
  if (!source) throw invalidSignature();
  const refuse = async (reason: string) => {
    await logRefusal(db, source, reason, deps.now);
    return invalidSignature();
  };
  if (source.kind !== 'twilio') throw await refuse('not_twilio');
  if (!source.enabled) throw await refuse('source_disabled');
  const token = authTokenOf(source, deps.sessionSecret);
  const hash = hashOf(delivery.signatureSettings);
  const signature = delivery.signature ?? '';
  const verified =
    token !== null &&
    hash !== null &&
    urlVariants(delivery.url).some((url) =>
      sameText(signature, twilioSignature(token, url, delivery.params, hash)),
    );
  if (!verified) throw await refuse('bad_signature');
  return source;
}

/** Twilio's call states as Spotter's call events. */
const TYPE_OF: Record<TwilioCall['CallStatus'], ClubEventType> = {
  queued: 'call.started',
  ringing: 'call.started',
  'in-progress': 'call.started',
  completed: 'call.ended',
  busy: 'call.missed',
  failed: 'call.missed',
  'no-answer': 'call.missed',
  canceled: 'call.missed',
};

/**
 * The call event a Twilio request means: `CallSid` and the state make its id, so the voice
 * webhook and a status callback of the same state are one event, and a retry a duplicate.
 * A withheld number (`anonymous`) is no one's: null, nothing to record.
 */
export function callEventOf(call: TwilioCall, now: Date): ClubEventIn | null {
  if (!/\d{3}/.test(call.From.replace(/\D/g, ''))) return null;
  const type = TYPE_OF[call.CallStatus];
  const stamped = call.Timestamp ? new Date(call.Timestamp) : now;
  const occurredAt = Number.isNaN(stamped.getTime()) ? now : stamped;
  return {
    id: `${call.CallSid}:${type.slice('call.'.length)}`,
    type,
    version: 1,
    occurredAt: occurredAt.toISOString(),
    data: {
      call: {
        externalId: call.CallSid,
        from: call.From,
        ...(call.To ? { line: call.To } : {}),
        ...(type === 'call.ended' &&
          call.CallDuration !== undefined && { durationSeconds: Number(call.CallDuration) }),
      },
    },
  };
}

const xmlText = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * TwiML Twilio accepts: for a ringing call on a source that forwards, `<Dial>` the club's phone
 * (so the caller still gets through while the card pops); otherwise an empty `<Response/>`
 * (a status callback's answer is ignored; on a number's voice URL it ends the call).
 */
export function twimlAnswer(call: TwilioCall, forwardTo: string | null): string {
  const head = '<?xml version="1.0" encoding="UTF-8"?>';
  const ringing = call.CallStatus === 'ringing' || call.CallStatus === 'queued';
  return forwardTo && ringing
    ? `${head}<Response><Dial>${xmlText(forwardTo)}</Dial></Response>`
    : `${head}<Response/>`;
}
