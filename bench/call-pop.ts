/**
 * Issue 12's "an incoming call reaches the staff's screen in under a second", measured the way
 * a screen sees it: a staff member's `/api/events` stream is open; a signed `call.started` from
 * a known number is posted; the time from the delivery's 200 (accepted) to its `call.incoming`
 * message on the stream. Calls go one at a time, a little apart, as phones ring.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Webhook } from 'standardwebhooks';

export const POPS = Number(process.env.BENCH_POPS ?? 100);

/** A stream reader that resolves a waiter when a `call.incoming` names its call id. */
async function openStream(base: string, cookie: string) {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/events`, {
    headers: { cookie },
    signal: controller.signal,
  });
  if (res.status !== 200) throw new Error(`/api/events: ${res.status}`);
  const waiting = new Map<string, (at: number) => void>();
  void (async () => {
    const decoder = new TextDecoder();
    let raw = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        raw += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = raw.indexOf('\n\n')) >= 0) {
          const block = raw.slice(0, end);
          raw = raw.slice(end + 2);
          if (!block.startsWith('event: call.incoming')) continue;
          const data = /^data: (.+)$/m.exec(block)?.[1];
          const callId = data ? (JSON.parse(data) as { callId?: string }).callId : undefined;
          if (callId) waiting.get(callId)?.(performance.now());
        }
      }
    } catch {
      // closed by the bench
    }
  })();
  return {
    arrival: (callId: string) =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no pop for ${callId}`)), 10_000);
        waiting.set(callId, (at) => {
          clearTimeout(timer);
          waiting.delete(callId);
          resolve(at);
        });
      }),
    close: () => controller.abort(),
  };
}

/** Accepted → on the screen, in ms, for `POPS` calls from `phones` (sorted). */
export async function callToScreen(opts: {
  base: string;
  cookie: string;
  sourceId: string;
  secret: string;
  phones: string[];
}): Promise<number[]> {
  const stream = await openStream(opts.base, opts.cookie);
  const webhook = new Webhook(opts.secret);
  const times: number[] = [];
  try {
    for (let i = 0; i < POPS; i++) {
      const callId = `pop-${randomUUID()}`;
      const body = JSON.stringify({
        id: randomUUID(),
        type: 'call.started',
        occurredAt: new Date().toISOString(),
        data: { call: { externalId: callId, from: opts.phones[i % opts.phones.length]! } },
      });
      const msgId = `msg_${randomUUID()}`;
      const now = new Date();
      const arrived = stream.arrival(callId);
      const res = await fetch(`${opts.base}/api/event-sources/${opts.sourceId}/events`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': msgId,
          'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
          'webhook-signature': webhook.sign(msgId, now, body),
        },
        body,
      });
      await res.arrayBuffer();
      const accepted = performance.now();
      if (res.status !== 200) throw new Error(`call ${i}: ${res.status}`);
      times.push((await arrived) - accepted);
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    stream.close();
  }
  return times.sort((a, b) => a - b);
}
