import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventHub, formatEvent } from './event-hub.ts';

const ORG_A = randomUUID();
const ORG_B = randomUUID();
const USER_1 = randomUUID();
const USER_2 = randomUUID();
const TASK = randomUUID();

function connect(
  hub: EventHub,
  orgId: string,
  userId: string | null,
  openedAt = Date.now(),
  /** null: a stream whose user facts are still being read. */
  branchIds: readonly string[] | null = [],
) {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const conn = { orgId, userId, stream, openedAt, branchIds: branchIds ?? undefined };
  hub.add(conn);
  return { stream, conn, read: () => text };
}

const payload = (event: object) => JSON.stringify(event);

/** A task every staff member may see: no branch, not private. */
const EVERYONE = [{ branchId: null, private: false, creatorId: null, assigneeId: null }];

describe('the live event hub (T-12)', () => {
  afterEach(() => vi.useRealTimers());

  it("sends an organization's task events to its streams only, without the organization", () => {
    const hub = new EventHub();
    const a1 = connect(hub, ORG_A, USER_1);
    const token = connect(hub, ORG_A, null);
    const b = connect(hub, ORG_B, USER_2);
    hub.dispatch(payload({ orgId: ORG_A, type: 'task.updated', taskId: TASK, audience: EVERYONE }));
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

  it('pops a call up for the staff on duty at its branch, of its role, never for a token', () => {
    const hub = new EventHub();
    const north = randomUUID();
    const south = randomUUID();
    const staff = (role: string, branchIds: string[]) => {
      const c = connect(hub, ORG_A, randomUUID(), Date.now(), branchIds);
      Object.assign(c.conn, { role });
      return c;
    };
    const receptionNorth = staff('reception', [north]);
    const receptionSouth = staff('reception', [south]);
    const salesEverywhere = staff('sales', []);
    const instructor = staff('instructor', []);
    const token = connect(hub, ORG_A, null);
    const other = connect(hub, ORG_B, USER_2);
    Object.assign(other.conn, { role: 'owner' });
    const call = (reach: object) =>
      payload({ orgId: ORG_A, type: 'call.incoming', contactId: TASK, callId: 'CA1', reach });
    const line = formatEvent({ type: 'call.incoming', contactId: TASK, callId: 'CA1' });

    hub.dispatch(call({ branchId: north, role: null }));
    expect(receptionNorth.read()).toBe(line);
    expect(salesEverywhere.read()).toBe(line);
    for (const s of [receptionSouth, instructor, token, other]) expect(s.read()).toBe('');

    hub.dispatch(call({ branchId: null, role: 'reception' }));
    expect(receptionSouth.read()).toBe(line);
    expect(salesEverywhere.read()).toBe(line);
    // A call without its reach reaches no one.
    hub.dispatch(payload({ orgId: ORG_A, type: 'call.incoming', contactId: TASK }));
    expect(receptionNorth.read()).toBe(line.repeat(2));
  });

  it("sends a deal's events, ids only, to the organization's staff who work deals", () => {
    const hub = new EventHub();
    const staff = (role: string) => {
      const c = connect(hub, ORG_A, randomUUID(), Date.now(), [randomUUID()]);
      Object.assign(c.conn, { role });
      return c;
    };
    const sales = staff('sales');
    const manager = staff('manager');
    const instructor = staff('instructor');
    const token = connect(hub, ORG_A, null);
    const other = connect(hub, ORG_B, USER_2);
    Object.assign(other.conn, { role: 'owner' });
    const deal = randomUUID();
    const pipeline = randomUUID();
    hub.dispatch(
      payload({ orgId: ORG_A, type: 'deal.updated', dealId: deal, pipelineId: pipeline }),
    );
    const line =
      `event: deal.updated\ndata: {"type":"deal.updated","dealId":"${deal}",` +
      `"pipelineId":"${pipeline}"}\n\n`;
    expect(sales.read()).toBe(line);
    expect(manager.read()).toBe(line);
    for (const s of [instructor, token, other]) expect(s.read()).toBe('');
  });

  it("sends a task's events only to streams whose user may see the task", () => {
    const hub = new EventHub();
    const north = randomUUID();
    const south = randomUUID();
    const USER_3 = randomUUID();
    const everywhere = connect(hub, ORG_A, USER_1);
    const creator = connect(hub, ORG_A, USER_2);
    const limited = connect(hub, ORG_A, USER_3, Date.now(), [north]);
    const token = connect(hub, ORG_A, null);
    const task = (name: string, facts: object) =>
      payload({
        orgId: ORG_A,
        type: 'task.updated',
        taskId: ids[name],
        audience: [{ branchId: null, private: false, creatorId: null, assigneeId: null, ...facts }],
      });
    const ids: Record<string, string> = {};
    for (const name of ['private', 'privateMine', 'south', 'southMine', 'north', 'none']) {
      ids[name] = randomUUID();
    }
    hub.dispatch(task('private', { private: true, creatorId: USER_2 }));
    hub.dispatch(task('privateMine', { private: true, creatorId: USER_2, assigneeId: USER_3 }));
    hub.dispatch(task('south', { branchId: south }));
    hub.dispatch(task('southMine', { branchId: south, assigneeId: USER_3 }));
    hub.dispatch(task('north', { branchId: north }));
    hub.dispatch(task('none', {}));
    // An event about a task that does not say who may see it goes to no one.
    hub.dispatch(payload({ orgId: ORG_A, type: 'task.deleted', taskId: randomUUID() }));
    // One about many tasks (a merge) names none, and goes to everyone.
    hub.dispatch(payload({ orgId: ORG_A, type: 'task.updated' }));
    const seen = (s: { read(): string }) =>
      Object.keys(ids).filter((name) => s.read().includes(ids[name]!));
    expect(seen(everywhere)).toEqual(['south', 'southMine', 'north', 'none']);
    expect(seen(creator)).toEqual([
      'private',
      'privateMine',
      'south',
      'southMine',
      'north',
      'none',
    ]);
    expect(seen(limited)).toEqual(['privateMine', 'southMine', 'north', 'none']);
    expect(seen(token)).toEqual(['south', 'southMine', 'north', 'none']);
    for (const s of [everywhere, creator, limited, token]) {
      expect(s.read().match(/^event: /gm)).toHaveLength(seen(s).length + 1);
    }
  });

  it('reaches a stream when the task was visible before the change or after it', () => {
    const hub = new EventHub();
    const north = randomUUID();
    const limited = connect(hub, ORG_A, USER_1, Date.now(), [north]);
    const fact = (branchId: string) => ({
      branchId,
      private: false,
      creatorId: null,
      assigneeId: null,
    });
    const moved = [fact(randomUUID()), fact(north)];
    hub.dispatch(payload({ orgId: ORG_A, type: 'task.updated', taskId: TASK, audience: moved }));
    expect(limited.read()).toContain(TASK);
  });

  it('holds events while the user facts are read, then sends those the user may see', () => {
    const hub = new EventHub();
    const north = randomUUID();
    const opening = connect(hub, ORG_A, USER_1, Date.now(), null);
    const elsewhere = randomUUID();
    const audience = (branchId: string) => [
      { branchId, private: false, creatorId: null, assigneeId: null },
    ];
    hub.dispatch(
      payload({
        orgId: ORG_A,
        type: 'task.created',
        taskId: elsewhere,
        audience: audience(randomUUID()),
      }),
    );
    hub.dispatch(
      payload({ orgId: ORG_A, type: 'task.created', taskId: TASK, audience: audience(north) }),
    );
    expect(opening.read()).toBe('');
    hub.admit(opening.conn, [north]);
    expect(opening.read()).toBe(formatEvent({ type: 'task.created', taskId: TASK }));
  });

  it("ends the streams of a user whose access changed, opening or open, and no one else's", () => {
    const hub = new EventHub();
    const open = connect(hub, ORG_A, USER_1);
    const opening = connect(hub, ORG_A, USER_1, Date.now(), null);
    const colleague = connect(hub, ORG_A, USER_2);
    const elsewhere = connect(hub, ORG_B, USER_1);
    hub.dispatch(payload({ orgId: ORG_A, type: 'access.changed', userId: USER_1 }));
    expect(open.stream.writableEnded && opening.stream.writableEnded).toBe(true);
    expect(colleague.stream.writableEnded || elsewhere.stream.writableEnded).toBe(false);
    expect(open.read()).toBe('');
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
    hub.add({ orgId: ORG_A, userId: USER_1, stream, openedAt: Date.now(), branchIds: [] });
    for (let i = 0; i < 100; i++)
      hub.dispatch(
        payload({ orgId: ORG_A, type: 'task.created', taskId: TASK, audience: EVERYONE }),
      );
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
