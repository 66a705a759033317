/**
 * The load side of bench/events.bench.ts (plain JavaScript: a worker thread runs it without a TypeScript loader), in its own thread so that signing and sending do not
 * compete with the server for its event loop: `connections` senders post signed single events
 * for `seconds`, each a new id, and report every accept latency.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { Webhook } from 'standardwebhooks';

/** @type {{ url: string, secret: string | null, connections: number, seconds: number, phones: string[] }} */
const job = workerData;
const webhook = job.secret ? new Webhook(job.secret) : null;
let n = 0;

function nextEvent() {
  n++;
  const occurredAt = new Date().toISOString();
  const phone = job.phones[n % job.phones.length];
  switch (n % 4) {
    case 0:
      return {
        type: 'payment.failed',
        occurredAt,
        data: {
          payment: { externalId: `p-${n}`, amount: 499, currency: 'SEK', reason: 'Declined' },
          member: { externalId: `m-${n % 5000}`, phones: [phone] },
        },
      };
    case 1:
      return {
        type: 'visit.checked_in',
        occurredAt,
        data: {
          visit: { externalId: `v-${n}`, at: occurredAt },
          member: { externalId: `m-${n % 5000}`, phones: [phone] },
        },
      };
    case 2:
      return {
        type: 'call.started',
        occurredAt,
        // Every tenth call is from a number nobody has: a lead and a card.
        data: {
          call: {
            externalId: `c-${n}`,
            from: n % 40 === 2 ? `+4673${String(n).padStart(7, '0')}` : phone,
          },
        },
      };
    default:
      return {
        type: 'contract.updated',
        occurredAt,
        data: {
          contract: {
            externalId: `k-${n % 5000}`,
            kind: 'fixed_term',
            service: 'Gym 12 months',
            startsOn: '2026-01-01',
            endsOn: '2027-03-31',
            paid: true,
            state: 'active',
          },
          member: { externalId: `m-${n % 5000}`, phones: [phone] },
        },
      };
  }
}

/** @param {number} until @param {number[]} latencies */
async function sender(until, latencies) {
  while (performance.now() < until) {
    const body = JSON.stringify({ id: randomUUID(), ...nextEvent() });
    /** @type {Record<string, string>} */
    const headers = { 'content-type': 'application/json' };
    if (webhook) {
      const msgId = `msg_${randomUUID()}`;
      const now = new Date();
      headers['webhook-id'] = msgId;
      headers['webhook-timestamp'] = String(Math.floor(now.getTime() / 1000));
      headers['webhook-signature'] = webhook.sign(msgId, now, body);
    }
    const t0 = performance.now();
    const res = await globalThis.fetch(job.url, { method: 'POST', headers, body });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${job.url}: ${res.status}`);
    latencies.push(performance.now() - t0);
  }
}

/** @type {number[]} */
const latencies = [];
const until = performance.now() + job.seconds * 1000;
await Promise.all(Array.from({ length: job.connections }, () => sender(until, latencies)));
parentPort?.postMessage(latencies);
