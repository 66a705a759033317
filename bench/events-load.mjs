/**
 * The load side of bench/events.bench.ts (plain JavaScript: a worker thread runs it without a TypeScript loader), in its own thread so that signing and sending do not
 * compete with the server for its event loop (or in a process of its own, BENCH_SENDERS=process): `connections` senders post signed single events
 * for `seconds`, each a new id, and report every accept latency.
 */
import { randomUUID } from 'node:crypto';
import process from 'node:process';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { Webhook } from 'standardwebhooks';
import { clubEvent } from './events-data.mjs';

/** @type {{ url: string, secret: string | null, connections: number, seconds: number, phones: string[], batch: number, rate: number }} */
const job = workerData ?? JSON.parse(process.env.EVENTS_LOAD_JOB ?? '{}');
const webhook = job.secret ? new Webhook(job.secret) : null;
let n = 0;

function nextEvent() {
  n++;
  return clubEvent(n, job.phones);
}

/** @param {number} until @param {number[]} latencies */
async function sender(until, latencies) {
  // With a rate, each sender keeps its share of it (events per second offered): it sends on a
  // fixed schedule, so latency is measured at that rate rather than at saturation.
  const every = job.rate > 0 ? (1000 * job.connections * job.batch) / job.rate : 0;
  let next = performance.now() + Math.random() * every;
  while (performance.now() < until) {
    if (every > 0) {
      const wait = next - performance.now();
      if (wait > 0) await sleep(wait);
      next += every;
      if (performance.now() >= until) break;
    }
    // One event per request, or `batch` of them in one delivery (the API's batch form).
    const body =
      job.batch > 1
        ? JSON.stringify({
            events: Array.from({ length: job.batch }, () => ({ id: randomUUID(), ...nextEvent() })),
          })
        : JSON.stringify({ id: randomUUID(), ...nextEvent() });
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
    const answer = await res.text();
    if (res.status !== 200) throw new Error(`${job.url}: ${res.status} ${answer.slice(0, 500)}`);
    latencies.push(performance.now() - t0);
  }
}

/** @type {number[]} */
const latencies = [];
const until = performance.now() + job.seconds * 1000;
await Promise.all(Array.from({ length: job.connections }, () => sender(until, latencies)));
// A worker thread answers its parent; a process of its own (BENCH_SENDERS=process) its IPC.
if (parentPort) parentPort.postMessage(latencies);
else process.send?.(latencies, () => process.exit(0));
