import { randomUUID } from 'node:crypto';
import type {
  ClubRuleConfig,
  EventLogEntry,
  EventSource,
  Notification,
  Task,
} from '@spotter/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createStaff, ok, useTestApp, type TestOrg } from '../../../test/test-app.ts';
import { insertBranch } from '../branches/index.ts';
import { runDueJobs } from '../jobs/index.ts';
import { cookie, openStream, type Received } from '../live/live.test-setup.ts';
import { publishEvent } from '../live/index.ts';
import { signed } from './club-events.test-setup.ts';
import { clubEventJobs } from './process.jobs.ts';

type Src = { source: EventSource; secret: string };

async function connect(org: TestOrg): Promise<Src> {
  const res = await org.owner.request('POST', '/api/event-sources', {
    name: `Phones ${randomUUID().slice(0, 6)}`,
    kind: 'telephony',
  });
  return res.json<Src>();
}

async function setRule(org: TestOrg, rule: string, patch: Partial<ClubRuleConfig>) {
  const current = await ok<{ rules: Record<string, ClubRuleConfig>; version: number }>(
    org.owner,
    'GET',
    '/api/club-event-rules',
  );
  await ok(org.owner, 'PUT', '/api/club-event-rules', {
    rules: { [rule]: { ...current.rules[rule], ...patch } },
    version: current.version,
  });
}

describe('a known caller pops up for the staff on duty (A-2)', () => {
  const t = useTestApp();
  let base: string;
  beforeAll(async () => {
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });

  async function call(org: TestOrg, src: Src, data: object, type = 'call.started') {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/event-sources/${src.source.id}/events`,
      ...signed(src.secret, {
        id: randomUUID(),
        type,
        occurredAt: new Date().toISOString(),
        data: { call: { externalId: `call-${randomUUID()}`, ...data } },
      }),
    });
    expect(res.statusCode, res.body).toBe(200);
    for (let i = 0; i < 100; i++) {
      await runDueJobs(t.database.db, { jobs: clubEventJobs, now: () => new Date() });
      const log = (await org.owner.request('GET', '/api/club-events?limit=20')).json<{
        items: EventLogEntry[];
      }>().items;
      if (log.every((e) => e.processedAt)) return log[0]!;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('the call was not processed');
  }

  /**
   * Every stream has caught up once this reaches it: NOTIFYs arrive in order, and an event
   * naming no task reaches everyone of the organization.
   */
  async function barrier(org: TestOrg, streams: Array<Awaited<ReturnType<typeof openStream>>>) {
    const seen = streams.map((s) => s.events.length);
    await publishEvent(t.app.db, org.orgId, { type: 'task.updated' });
    for (const [i, s] of streams.entries()) {
      await s.waitFor((e) => e.event === 'task.updated' && s.events.indexOf(e) >= seen[i]!, 3000);
    }
  }

  const pops = (s: { events: Received[] }) =>
    s.events.filter((e) => e.event === 'call.incoming').map((e) => e.data.contactId);

  // How fast it arrives is measured in bench/events (call accepted → screen), not asserted here.
  it("reaches the streams of the call's branch, never another branch's or organization's", async () => {
    const org = await createOrg(t.app);
    const other = await createOrg(t.app);
    const db = t.database.db;
    const north = await insertBranch(db, org.orgId, 'North');
    const south = await insertBranch(db, org.orgId, 'South');
    const atNorth = await createStaff(t.app, org, 'reception', { branchIds: [north.id] });
    const atSouth = await createStaff(t.app, org, 'reception', { branchIds: [south.id] });
    const anywhere = await createStaff(t.app, org, 'sales');
    const anna = await ok<{ person: { id: string } }>(org.owner, 'POST', '/api/persons', {
      firstName: 'Anna',
      phones: [{ number: '+46 70 111 22 33' }],
    });
    // The other organization has the same number for its own person.
    await ok(other.owner, 'POST', '/api/persons', {
      firstName: 'Anna',
      phones: [{ number: '+46 70 111 22 33' }],
    });
    const src = await connect(org);
    const streams = {
      north: await openStream(base, cookie(atNorth.client.cookie)),
      south: await openStream(base, cookie(atSouth.client.cookie)),
      anywhere: await openStream(base, cookie(anywhere.client.cookie)),
      otherOrg: await openStream(base, cookie(other.owner.cookie)),
    };

    const entry = await call(org, src, { from: '070-111 22 33', branch: 'north' });
    const pop = await streams.north.waitFor((e) => e.event === 'call.incoming', 3000);
    expect(pop.data).toMatchObject({ type: 'call.incoming', contactId: anna.person.id });
    expect(pop.data.callId).toMatch(/^call-/);
    expect(entry.outcome).toContainEqual(
      expect.objectContaining({ step: 'caller_popped', branchId: north.id }),
    );
    await streams.anywhere.waitFor((e) => e.event === 'call.incoming', 3000);
    await barrier(org, [streams.north, streams.south, streams.anywhere]);
    expect(pops(streams.south)).toEqual([]);
    expect(pops(streams.otherOrg)).toEqual([]);

    // A call of no branch Spotter knows reaches every branch's staff.
    await call(org, src, { from: '+46701112233', branch: 'Head office' });
    await streams.south.waitFor((e) => e.event === 'call.incoming', 3000);

    // A missed call pops nothing (the phone is not ringing any more).
    await call(org, src, { from: '+46701112233' }, 'call.missed');
    await barrier(org, [streams.north, streams.south, streams.anywhere]);
    expect(pops(streams.north)).toEqual([anna.person.id, anna.person.id]);
    for (const s of Object.values(streams)) s.close();
  });

  it('follows the rule: the role it names, and nothing when it is off', async () => {
    const org = await createOrg(t.app);
    const reception = await createStaff(t.app, org, 'reception');
    const sales = await createStaff(t.app, org, 'sales');
    await ok(org.owner, 'POST', '/api/persons', {
      firstName: 'Boris',
      phones: [{ number: '+46 70 222 33 44' }],
    });
    const src = await connect(org);
    const r = await openStream(base, cookie(reception.client.cookie));
    const s = await openStream(base, cookie(sales.client.cookie));

    await setRule(org, 'known_call', { assigneeRole: 'reception' });
    await call(org, src, { from: '+46702223344' });
    await r.waitFor((e) => e.event === 'call.incoming', 3000);
    await barrier(org, [r, s]);
    expect(pops(s)).toEqual([]);

    await setRule(org, 'known_call', { enabled: false });
    const entry = await call(org, src, { from: '+46702223344' });
    expect(entry.outcome).toContainEqual({
      step: 'skipped',
      rule: 'known_call',
      reason: 'rule_off',
    });
    await barrier(org, [r, s]);
    expect(pops(r)).toHaveLength(1);
    r.close();
    s.close();
  });
});

// Monday 7 December 2026, 10:00 in Stockholm (the test organizations' zone).
const clock = { now: new Date('2026-12-07T09:00:00Z') };

describe('a member with an open task checks in: reception is told (A-2)', () => {
  const t = useTestApp({ now: () => clock.now });

  async function visit(org: TestOrg, src: Src, at: string, extra: object = {}) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/event-sources/${src.source.id}/events`,
      ...signed(src.secret, {
        id: randomUUID(),
        type: 'visit.checked_in',
        occurredAt: at,
        data: {
          visit: { externalId: `v-${randomUUID()}`, at, ...extra },
          member: { externalId: 'm-anna', phones: ['070-333 44 55'] },
        },
      }),
    });
    expect(res.statusCode, res.body).toBe(200);
    for (let i = 0; i < 100; i++) {
      await runDueJobs(t.database.db, { jobs: clubEventJobs, now: () => clock.now });
      const log = (await org.owner.request('GET', '/api/club-events?limit=20')).json<{
        items: EventLogEntry[];
      }>().items;
      if (log.every((e) => e.processedAt)) return log[0]!;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('the visit was not processed');
  }

  const notes = async (client: TestOrg['owner']) =>
    (await ok<{ items: Notification[] }>(client, 'GET', '/api/notifications')).items.filter(
      (n) => n.kind === 'check_in',
    );

  async function setup() {
    clock.now = new Date('2026-12-07T09:00:00Z');
    const org = await createOrg(t.app);
    const db = t.database.db;
    const north = await insertBranch(db, org.orgId, 'North');
    const south = await insertBranch(db, org.orgId, 'South');
    const atNorth = await createStaff(t.app, org, 'reception', { branchIds: [north.id] });
    const atSouth = await createStaff(t.app, org, 'reception', { branchIds: [south.id] });
    const sales = await createStaff(t.app, org, 'sales');
    const anna = await ok<{ person: { id: string } }>(org.owner, 'POST', '/api/persons', {
      firstName: 'Anna',
      lastName: 'Berg',
      phones: [{ number: '+46 70 333 44 55' }],
    });
    const src = await connect(org);
    return { org, north, atNorth, atSouth, sales, anna: anna.person.id, src };
  }

  it("tells reception at the visit's branch what is open, live and in the bell", async () => {
    const { org, atNorth, atSouth, sales, anna, src } = await setup();
    const templates = await ok<{ items: Array<{ id: string; type: string; name: string }> }>(
      org.owner,
      'GET',
      '/api/settings/task-templates',
    );
    const callTemplate = templates.items.find((tpl) => tpl.type === 'call')!;
    const task = await ok<Task>(org.owner, 'POST', '/api/tasks', {
      templateId: callTemplate.id,
      contactId: anna,
      comment: 'Renewal: contract ends Friday',
      dueAt: '2026-12-08T09:00:00Z',
    });
    // She checks in at North a minute ago, with that call open.
    clock.now = new Date('2026-12-07T09:05:00Z');
    const entry = await visit(org, src, '2026-12-07T09:04:00Z', {
      externalId: 'v-1',
      branch: 'North',
    });
    expect(entry.outcome).toContainEqual(
      expect.objectContaining({ step: 'staff_told', rule: 'check_in', users: 1 }),
    );
    const [note] = await notes(atNorth.client);
    expect(note).toMatchObject({
      kind: 'check_in',
      text: `Anna is here: ${callTemplate.name}: Renewal: contract ends Friday open`,
      task: { id: task.id },
    });
    expect(await notes(atSouth.client)).toEqual([]);
    // Not reception: sales is not told.
    expect(await notes(sales.client)).toEqual([]);

    // The same visit told again (under another event id) tells nobody twice.
    await visit(org, src, '2026-12-07T09:04:00Z', { externalId: 'v-1', branch: 'North' });
    expect(await notes(atNorth.client)).toHaveLength(1);
  });

  it('tells nobody when nothing is open, the visit is long past, or the rule is off', async () => {
    const { org, atNorth, anna, src } = await setup();
    clock.now = new Date('2026-12-07T09:05:00Z');
    let entry = await visit(org, src, '2026-12-07T09:04:00Z');
    expect(entry.outcome).toContainEqual({
      step: 'skipped',
      rule: 'check_in',
      reason: 'no_open_task',
    });

    const templates = await ok<{ items: Array<{ id: string; type: string }> }>(
      org.owner,
      'GET',
      '/api/settings/task-templates',
    );
    await ok(org.owner, 'POST', '/api/tasks', {
      templateId: templates.items.find((tpl) => tpl.type === 'call')!.id,
      contactId: anna,
      assigneeId: org.ownerId,
      dueAt: '2026-12-08T09:00:00Z',
    });
    // A visit the system tells of two hours later: she has left the desk.
    entry = await visit(org, src, '2026-12-07T07:00:00Z');
    expect(entry.outcome).toContainEqual({
      step: 'skipped',
      rule: 'check_in',
      reason: 'visit_over',
    });
    await setRule(org, 'check_in', { enabled: false });
    entry = await visit(org, src, '2026-12-07T09:05:00Z');
    expect(entry.outcome).toContainEqual({ step: 'skipped', rule: 'check_in', reason: 'rule_off' });
    expect(await notes(atNorth.client)).toEqual([]);

    // Switched on for a role nobody has: the one the open task is assigned to is told instead.
    await setRule(org, 'check_in', { enabled: true, assigneeRole: 'manager' });
    entry = await visit(org, src, '2026-12-07T09:05:00Z');
    expect(entry.outcome).toContainEqual(expect.objectContaining({ step: 'staff_told', users: 1 }));
    expect(await notes(org.owner)).toHaveLength(1);
  });
});
