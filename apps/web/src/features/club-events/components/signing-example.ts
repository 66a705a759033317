/**
 * A few lines of Node that sign and send one event the Standard Webhooks way: the code a club's
 * developer copies, so it is code, not prose, and the same in every language.
 */
export function signingExample(url: string): string {
  return `import { Webhook } from 'standardwebhooks';

const secret = process.env.SPOTTER_SECRET; // whsec_…
const id = 'evt_' + Date.now();
const at = new Date();
const body = JSON.stringify({
  id,
  type: 'payment.failed',
  occurredAt: at.toISOString(),
  data: {
    payment: { externalId: 'p-1', amount: 499, currency: 'SEK' },
    member: { externalId: 'm-1', firstName: 'Anna', phones: ['+46705550102'] },
  },
});

const res = await fetch('${url}', {
  method: 'POST',
  body,
  headers: {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, at, body),
  },
});
console.log(res.status, await res.json());`;
}

export const SIGNING_HEADERS = ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const;
