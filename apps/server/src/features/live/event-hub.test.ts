import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventHub, formatEvent } from './event-hub.ts';

const ORG_A = randomUUID();
const ORG_B = randomUUID();
const USER_1 = randomUUID();
const USER_2 = randomUUID();
const TASK = randomUUID();

function connect(hub: EventHub, orgId: string, userId: string | null, openedAt = Date.now()) {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  hub.add({ orgId, userId, stream, openedAt });
  return { stream, read: () => text };
}

const payload = (event: object) => JSON.stringify(event);

describe('the live event hub (T-12)', () => {
  afterEach(() => vi.useRealTimers());

  it("sends an organization's task events to its streams only, without the organization", () => {
    const hub = new EventHub();
    const a1 = connect(hub, ORG_A, USER_1);
    const token = connect(hub, ORG_A, null);
    const b = connect(hub, ORG_B, USER_2);
    hub.dispatch(payload({ orgId: ORG_A, type: 'task.updated', taskId: TASK }));
    const expected = `event: task.updated\ndata: {"type":"task.updated","taskId":"${TASK}"}\n\n`;
    expect(a1.read()).toBe(expected);
    expect(token.read()).toBe(expected);
    expect(b.read()).toBe('');
    expect(a1.read()).not.toContain(ORG_A);
  });

  it('sends a notification to its recipient only, not to colleagues or API tokens', () => {
    const hub = new EventHub();
    const me = connect(hub, ORG_A, USER_1);
    const colleague = connect(hub, ORG_A, USER_2);
    const token = connect(hub, ORG_A, null);
    hub.dispatch(payload({ orgId: ORG_A, type: 'notification.created', userId: USER_1 }));
    expect(me.read()).toBe(formatEvent({ type: 'notification.created', userId: USER_1 }));
    expect(colleague.read()).toBe('');
    expect(token.read()).toBe('');
  });

  it('ignores payloads that are not our events', () => {
    const hub = new EventHub();
    const a = connect(hub, ORG_A, USER_1);
    for (const junk of [
      'not json',
      payload({ type: 'task.updated' }),
      payload({ orgId: ORG_A, type: 'contact.deleted' }),
      payload({ orgId: 'x', type: 'task.created' }),
    ])
      hub.dispatch(junk);
    expect(a.read()).toBe('');
  });

  it('forgets a stream when it closes', async () => {
    const hub = new EventHub();
    const a = connect(hub, ORG_A, USER_1);
    connect(hub, ORG_A, USER_2);
    expect(hub.size).toBe(2);
    a.stream.destroy();
    await new Promise((r) => setImmediate(r));
    expect(hub.size).toBe(1);
  });

  it('sends a heartbeat comment and ends streams past their age', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const hub = new EventHub({ heartbeatMs: 25_000, maxAgeMs: 60_000 });
    const fresh = connect(hub, ORG_A, USER_1, 1_000_000);
    const old = connect(hub, ORG_A, USER_2, 1_000_000 - 50_000);
    hub.start();
    vi.advanceTimersByTime(25_000);
    expect(fresh.read()).toBe(': ping\n\n');
    expect(old.stream.writableEnded).toBe(true);
    hub.close();
  });

  it('drops a client that stopped reading instead of buffering without end', () => {
    const hub = new EventHub({ maxBufferedBytes: 1024 });
    const stream = new PassThrough({ highWaterMark: 16 });
    hub.add({ orgId: ORG_A, userId: USER_1, stream, openedAt: Date.now() });
    for (let i = 0; i < 100; i++)
      hub.dispatch(payload({ orgId: ORG_A, type: 'task.created', taskId: TASK }));
    expect(stream.destroyed).toBe(true);
  });

  it('ends every stream on close', () => {
    const hub = new EventHub();
    const a = connect(hub, ORG_A, USER_1);
    const b = connect(hub, ORG_B, USER_2);
    hub.close();
    expect(a.stream.writableEnded && b.stream.writableEnded).toBe(true);
    expect(hub.size).toBe(0);
  });
});
