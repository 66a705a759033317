import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import {
  fillSmsTemplate,
  formEscape,
  smsBodyEscape,
  type SmsContentType,
} from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import {
  checkHost,
  RefusedTarget,
  systemResolver,
  type AllowList,
  type Resolver,
} from '../../lib/address-guard.ts';
import { AppError } from '../../lib/errors.ts';
import type { SecretBox } from '../../lib/secret-box.ts';
import { SendFailure, type SmsSender } from './channel-sender.ts';
import { findSmsSettings, type SmsSettingsRow } from './sms-settings.repo.ts';

/** A gateway has this long to answer before the message counts as not sent (and is retried). */
export const SMS_TIMEOUT_MS = 10_000;
/** At most this much of an answer is read; the rest is dropped with the connection. */
const MAX_RESPONSE_BYTES = 16 * 1024;
/** What a recipient's status and the test keep of an answer. */
const EXCERPT_CHARS = 500;

/** Each sealed header value is bound to its organization and its header name. */
export const headerContext = (orgId: string, name: string) =>
  `sms:${orgId}:header:${name.toLowerCase()}`;

export interface GatewayOptions {
  box: SecretBox;
  /** SPOTTER_SMS_ALLOW_HOSTS: private hosts a gateway may be on. */
  allow: AllowList;
  resolver?: Resolver;
  timeoutMs?: number;
}

export interface GatewayRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body: string | null;
}

export interface GatewayAnswer {
  status: number;
  body: string;
}

/**
 * The HTTP request one SMS becomes: `{{to}}`, `{{text}}` and `{{from}}` URL-encoded in the
 * address, and in the body escaped the way its content type reads them (a quote in the text
 * cannot end a JSON string, an ampersand cannot start a form field). Header values are opened
 * here; one sealed under another key is left out.
 */
export function gatewayRequest(
  row: SmsSettingsRow,
  box: SecretBox,
  msg: { to: string; text: string },
): GatewayRequest {
  const values = { to: msg.to, text: msg.text, from: row.sender ?? '' };
  const headers: Record<string, string> = {};
  for (const [name, sealed] of Object.entries(row.headersSealed)) {
    const value = box.open(sealed, headerContext(row.orgId, name));
    if (value !== null) headers[name] = value;
  }
  const method = row.method === 'GET' ? 'GET' : 'POST';
  let body: string | null = null;
  if (method === 'POST' && row.bodyTemplate) {
    const contentType = (row.contentType ?? 'application/json') as SmsContentType;
    body = fillSmsTemplate(row.bodyTemplate, values, smsBodyEscape(contentType));
    headers['content-type'] =
      contentType === 'application/json' ? 'application/json; charset=utf-8' : contentType;
  }
  return { url: fillSmsTemplate(row.url, values, formEscape), method, headers, body };
}

/**
 * Sends one request to the gateway. The host is resolved and checked first (private networks
 * refused unless SPOTTER_SMS_ALLOW_HOSTS lists them) and the connection goes to exactly the
 * checked address, while the Host header and the TLS name stay the gateway's. Redirects are
 * not followed. Throws SendFailure (temporary) when nothing came back: a refused target, the
 * network, a timeout.
 */
export async function callGateway(
  req: GatewayRequest,
  opts: Omit<GatewayOptions, 'box'>,
): Promise<GatewayAnswer> {
  const url = new URL(req.url);
  let checked: { address: string; family: 4 | 6 };
  try {
    checked = await checkHost(url.hostname, {
      resolver: opts.resolver ?? systemResolver,
      allow: opts.allow,
      who: 'the SMS gateway',
    });
  } catch (err) {
    // The settings' fault, not the number's: retried, never a bounce.
    if (err instanceof RefusedTarget) throw new SendFailure(err.message, false);
    throw err;
  }
  const lookup: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, [{ address: checked.address, family: checked.family }]);
    else callback(null, checked.address, checked.family);
  };
  const timeoutMs = opts.timeoutMs ?? SMS_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  const client = url.protocol === 'https:' ? https : http;
  const headers: Record<string, string | number> = {
    'user-agent': 'Spotter-SMS/1',
    ...req.headers,
  };
  if (req.body !== null) headers['content-length'] = Buffer.byteLength(req.body);
  const answer = new Promise<GatewayAnswer>((resolve, reject) => {
    const request = client.request(
      url,
      { method: req.method, headers, lookup, agent: false, signal },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        res.on('data', (chunk: Buffer) => {
          if (size >= MAX_RESPONSE_BYTES) return;
          chunks.push(chunk.subarray(0, MAX_RESPONSE_BYTES - size));
          size += chunk.length;
          if (size >= MAX_RESPONSE_BYTES) {
            res.destroy();
            done();
          }
        });
        res.on('end', done);
        res.on('error', (err) => (size >= MAX_RESPONSE_BYTES ? done() : reject(err)));
      },
    );
    request.on('error', (err) =>
      reject(
        new SendFailure(
          signal.aborted ? `No answer within ${timeoutMs / 1000} s` : err.message.slice(0, 300),
          false,
        ),
      ),
    );
    request.end(req.body ?? undefined);
  });
  try {
    return await answer;
  } catch (err) {
    if (err instanceof SendFailure) throw err;
    throw new SendFailure(err instanceof Error ? err.message.slice(0, 300) : 'No answer', false);
  }
}

/** "200 {"id":"…"}": the status and the start of the body, one line. */
export const answerText = (a: GatewayAnswer) =>
  `${a.status} ${a.body.replace(/\s+/g, ' ').trim()}`.trim().slice(0, EXCERPT_CHARS);

/**
 * Answers about the gateway's own settings — a wrong key (401, 403), a wrong address (404,
 * 405), a proxy (407), a redirect — are not about the number: a campaign retries them (the
 * club may fix the settings meanwhile) and never records the member's number as bounced.
 */
const SETTINGS_TROUBLE = new Set([401, 403, 404, 405, 407, 408]);

/**
 * 2xx: taken. 429 and 5xx: the gateway is busy or down; settings trouble (above): try later.
 * Any other 4xx is the gateway's word on this message (an invalid number, a text refused),
 * which trying again will not change.
 */
export function classifyAnswer(a: GatewayAnswer): SendFailure | null {
  if (a.status >= 200 && a.status < 300) return null;
  const permanent =
    a.status >= 400 && a.status < 500 && a.status !== 429 && !SETTINGS_TROUBLE.has(a.status);
  return new SendFailure(answerText(a), permanent);
}

export const smsNotConfigured = () =>
  new AppError(422, 'sms_not_configured', 'Save the SMS gateway settings before sending SMS');

/** Sends through a row already loaded; answers the gateway's status and body. */
export async function sendWithSettings(
  row: SmsSettingsRow,
  msg: { to: string; text: string },
  opts: GatewayOptions,
): Promise<GatewayAnswer> {
  const answer = await callGateway(gatewayRequest(row, opts.box, msg), opts);
  const failure = classifyAnswer(answer);
  if (failure) throw failure;
  return answer;
}

/**
 * The organization's gateway as a channel sender (campaigns and one-to-one SMS): reads the
 * settings for each message, so a changed key takes effect at once. 422 sms_not_configured
 * without settings; SendFailure (permanent or not) when the message did not go.
 */
export function createSmsSender(opts: GatewayOptions): SmsSender {
  return async (db: Db, orgId: string, msg) => {
    const row = await findSmsSettings(db, orgId);
    if (!row) throw smsNotConfigured();
    return { response: answerText(await sendWithSettings(row, msg, opts)) };
  };
}
