import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import {
  checkTarget,
  RefusedTarget,
  type AllowList,
  type Resolver,
} from '../../lib/address-guard.ts';

/** A receiver has this long to answer (headers and body) before the try counts as failed. */
export const SEND_TIMEOUT_MS = 15_000;
/** At most this much of an answer is read; the rest is dropped with the connection. */
const MAX_RESPONSE_BYTES = 64 * 1024;
/** What the delivery log keeps of an answer. */
const EXCERPT_CHARS = 1_000;

export interface SendOutcome {
  outcome: 'succeeded' | 'failed' | 'refused';
  status: number | null;
  durationMs: number;
  error: string | null;
  responseExcerpt: string;
}

export interface SendOptions {
  resolver: Resolver;
  allow: AllowList;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * POSTs one signed webhook. The host is resolved and checked now, and the connection is made
 * to exactly the address that was checked (a DNS answer that changes in between cannot send
 * it elsewhere). Redirects are not followed: a 3xx is a failure like any other non-2xx.
 */
export async function sendWebhook(
  target: { url: string; headers: Record<string, string>; body: string },
  opts: SendOptions,
): Promise<SendOutcome> {
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  let checked;
  try {
    checked = await checkTarget(target.url, opts);
  } catch (err) {
    if (!(err instanceof RefusedTarget)) throw err;
    return {
      outcome: 'refused',
      status: null,
      durationMs: took(),
      error: err.message,
      responseExcerpt: '',
    };
  }
  const pinned: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, [{ address: checked.address, family: checked.family }]);
    else callback(null, checked.address, checked.family);
  };
  try {
    const { status, text } = await post(checked.url, target, pinned, opts);
    const ok = status >= 200 && status < 300;
    return {
      outcome: ok ? 'succeeded' : 'failed',
      status,
      durationMs: took(),
      error: ok
        ? null
        : status >= 300 && status < 400
          ? 'Redirects are not followed'
          : `The receiver answered ${status}`,
      responseExcerpt: text.slice(0, EXCERPT_CHARS),
    };
  } catch (err) {
    return {
      outcome: 'failed',
      status: null,
      durationMs: took(),
      error: err instanceof Error ? err.message.slice(0, 500) : 'The request failed',
      responseExcerpt: '',
    };
  }
}

function post(
  url: URL,
  target: { headers: Record<string, string>; body: string },
  lookup: LookupFunction,
  opts: SendOptions,
): Promise<{ status: number; text: string }> {
  const timeoutMs = opts.timeoutMs ?? SEND_TIMEOUT_MS;
  const signal = opts.signal
    ? AbortSignal.any([opts.signal, AbortSignal.timeout(timeoutMs)])
    : AbortSignal.timeout(timeoutMs);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: 'POST',
        headers: {
          ...target.headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(target.body),
          'user-agent': 'Spotter-Webhooks/1',
        },
        lookup,
        // No pooled connection: each try resolves, checks and connects afresh.
        agent: false,
        signal,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, text });
        };
        res.on('data', (chunk: Buffer) => {
          if (size >= MAX_RESPONSE_BYTES) return;
          chunks.push(chunk.subarray(0, MAX_RESPONSE_BYTES - size));
          size += chunk.length;
          // Enough read: the status is what counts, the rest is not waited for.
          if (size >= MAX_RESPONSE_BYTES) {
            res.destroy();
            done();
          }
        });
        res.on('end', done);
        res.on('error', (err) => (size >= MAX_RESPONSE_BYTES ? done() : reject(err)));
      },
    );
    req.on('error', (err) =>
      reject(signal.aborted ? new Error(`No answer within ${timeoutMs / 1000} s`) : err),
    );
    req.end(target.body);
  });
}
