import { randomUUID } from 'node:crypto';
import type { LiveEvent } from '@spotter/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createOrg,
  createStaff,
  createTestApp,
  useTestApp,
  type TestApp,
} from '../../../test/test-app.ts';
import { insertNotification } from '../notifications/index.ts';
import { publishEvent } from './publish.ts';

interface Received {
  event: string;
  data: LiveEvent;
}

/** An EventSource-like reader over a real socket: `app.inject` cannot stream. */
async function openStream(base: string, headers: Record<string, string>) {
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

const cookie = (value: string) => ({ cookie: `spotter_session=${value}` });

describe('live events over SSE (T-12)', () => {
  const t = useTestApp();
  let base: string;
  beforeAll(async () => {
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });

  it("streams its organization's task events within a second, never another's", async () => {
    const a = await createOrg(t.app);
    const b = await createOrg(t.app);
    const sales = await createStaff(t.app, a, 'sales');
    const ownerA = await openStream(base, cookie(a.owner.cookie));
    const salesA = await openStream(base, cookie(sales.client.cookie));
    const ownerB = await openStream(base, cookie(b.owner.cookie));
    expect(ownerA.res.status).toBe(200);
    expect(ownerA.res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(ownerA.res.headers.get('cache-control')).toBe('no-cache, no-transform');

    const taskA = randomUUID();
    const taskB = randomUUID();
    await publishEvent(t.app.db, b.orgId, { type: 'task.updated', taskId: taskB });
    await publishEvent(t.app.db, a.orgId, { type: 'task.created', taskId: taskA });
    const got = await ownerA.waitFor((e) => e.data.taskId === taskA);
    expect(got).toEqual({ event: 'task.created', data: { type: 'task.created', taskId: taskA } });
    await salesA.waitFor((e) => e.data.taskId === taskA);
    await ownerB.waitFor((e) => e.data.taskId === taskB);
    expect([...ownerA.events, ...salesA.events].map((e) => e.data.taskId)).not.toContain(taskB);
    expect(ownerB.events.map((e) => e.data.taskId)).not.toContain(taskA);

    // A notification reaches its recipient only (the later task event shows the rest caught up).
    await insertNotification(t.app.db, {
      orgId: a.orgId,
      userId: sales.id,
      kind: 'reminder',
      taskId: null,
    });
    const after = randomUUID();
    await publishEvent(t.app.db, a.orgId, { type: 'task.deleted', taskId: after });
    const note = await salesA.waitFor((e) => e.event === 'notification.created');
    expect(note.data).toEqual({ type: 'notification.created', userId: sales.id });
    await ownerA.waitFor((e) => e.data.taskId === after);
    expect(ownerA.events.map((e) => e.event)).not.toContain('notification.created');
    for (const s of [ownerA, salesA, ownerB]) s.close();
  });

  it('needs a login with access to tasks; an API token gets task events', async () => {
    const org = await createOrg(t.app);
    expect((await fetch(`${base}/api/events`)).status).toBe(401);
    const instructor = await createStaff(t.app, org, 'instructor');
    const refused = await fetch(`${base}/api/events`, {
      headers: cookie(instructor.client.cookie),
    });
    expect(refused.status).toBe(403);

    const made = await org.owner.request('POST', '/api/api-tokens', { name: 'Telephony' });
    const secret = made.json<{ secret: string }>().secret;
    const viaToken = await openStream(base, { authorization: `Bearer ${secret}` });
    expect(viaToken.res.status).toBe(200);
    const taskId = randomUUID();
    await publishEvent(t.app.db, org.orgId, { type: 'task.created', taskId });
    await viaToken.waitFor((e) => e.data.taskId === taskId);
    viaToken.close();
  });

  it('is documented as text/event-stream', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, { get: { responses: Record<string, { content: object }> } }>;
    }>();
    expect(Object.keys(doc.paths['/api/events']!.get.responses['200']!.content)).toEqual([
      'text/event-stream',
    ]);
  });
});

describe('closing the server with streams open', () => {
  it('ends the streams instead of waiting for browsers to hang up', async () => {
    const t: TestApp = await createTestApp();
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const org = await createOrg(t.app);
    const stream = await openStream(base, cookie(org.owner.cookie));
    expect(stream.res.status).toBe(200);
    const started = Date.now();
    await t.close();
    await stream.ended;
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
