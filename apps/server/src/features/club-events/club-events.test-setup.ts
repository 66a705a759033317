import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/**
 * A delivery signed as a real Standard Webhooks sender signs it, with the package's own signer:
 * `inject` it with the source's URL. `raw` sends that text instead of `body` as JSON.
 */
export function signed(
  secret: string,
  body: unknown,
  opts: { msgId?: string; at?: Date; raw?: string } = {},
) {
  const payload = opts.raw ?? JSON.stringify(body);
  const msgId = opts.msgId ?? `msg_${randomUUID()}`;
  const at = opts.at ?? new Date();
  return {
    payload,
    headers: {
      'content-type': 'application/json',
      'webhook-id': msgId,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign(msgId, at, payload),
    },
  };
}
