import type { LiveEvent } from '@spotter/contracts';

export interface Received {
  event: string;
  data: LiveEvent;
}

/** An EventSource-like reader over a real socket: `app.inject` cannot stream. */
export async function openStream(base: string, headers: Record<string, string>) {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/events`, { headers, signal: controller.signal });
  const events: Received[] = [];
  let raw = '';
  const reading = (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        raw += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = raw.indexOf('\n\n')) >= 0) {
          const block = raw.slice(0, end);
          raw = raw.slice(end + 2);
          const event = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) as LiveEvent });
        }
      }
    } catch {
      // aborted by the test or ended by the server
    }
  })();
  return {
    res,
    events,
    ended: reading,
    close: () => controller.abort(),
    /** Resolves when an event matching `pred` has arrived, or fails after `ms`. */
    async waitFor(pred: (e: Received) => boolean, ms = 1000) {
      const start = Date.now();
      while (!events.some(pred)) {
        if (Date.now() - start > ms) throw new Error(`no matching event in ${ms} ms`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return events.find(pred)!;
    },
  };
}

export const cookie = (value: string) => ({ cookie: `spotter_session=${value}` });
