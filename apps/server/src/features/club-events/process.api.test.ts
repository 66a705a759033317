import { randomUUID } from 'node:crypto';
import type { EventLogEntry, EventSource, MemberRecords } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import { createOrg, useTestApp, type TestOrg } from '../../../test/test-app.ts';
import { expectTenantIsolation } from '../../../test/tenant-isolation.ts';
import { and, eq } from 'drizzle-orm';
import { contactHistory } from '../contacts/index.ts';
import { runDueJobs } from '../jobs/index.ts';
import { clubEvents } from './club-events.table.ts';
import { insertEvents } from './ingest.repo.ts';
import { signed } from './club-events.test-setup.ts';
import { clubEventJobs } from './process.jobs.ts';
import { processClubEvent, processClubEvents } from './process.service.ts';

const clock = { now: new Date('2026-12-07T09:00:00Z') };

describe('processing club events: linking, the member side, history', () => {
  const t = useTestApp({ now: () => clock.now });

  async function connect(org: TestOrg) {
    const res = await org.owner.request('POST', '/api/event-sources', {
      name: `System ${randomUUID().slice(0, 6)}`,
      kind: 'membership',
    });
    return res.json<{ source: EventSource; secret: string }>();
  }

  async function send(
    org: TestOrg,
    src: { source: EventSource; secret: string },
    events: object[],
  ) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/event-sources/${src.source.id}/events/batch`,
      ...signed(src.secret, { events }),
    });
    expect(res.statusCode, res.body).toBe(200);
    return settle(org);
  }

  /** Runs the queued processing (the app's own runner may take some first) until all is done. */
  async function settle(org: TestOrg) {
    for (let i = 0; i < 100; i++) {
      await runDueJobs(t.database.db, { jobs: clubEventJobs, now: () => clock.now });
      const log = (await org.owner.request('GET', '/api/club-events?limit=200')).json<{
        items: EventLogEntry[];
      }>().items;
      if (log.every((e) => e.state !== 'accepted' || e.processedAt)) return log;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('events were not processed');
  }

  const member = (externalId: string, extra: object = {}) => ({
    externalId,
    firstName: 'Oksana',
    lastName: 'Melnyk',
    phones: ['+46 70 555 01 02'],
    emails: ['oksana@example.test'],
    ...extra,
  });
  const event = (type: string, occurredAt: string, data: object) => ({
    id: randomUUID(),
    type,
    occurredAt,
    data,
  });
  const contract = (state: string, extra: object = {}) => ({
    externalId: 'c-1',
    kind: 'fixed_term',
    service: 'Gym 12 months',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    price: 4990,
    currency: 'SEK',
    paid: true,
    state,
    ...extra,
  });
  const records = async (org: TestOrg, id: string) =>
    (await org.owner.request('GET', `/api/persons/${id}/club-records`)).json<MemberRecords>();
  const historyOf = async (org: TestOrg, id: string) =>
    (await org.owner.request('GET', `/api/persons/${id}/history`)).json<{
      items: Array<{ event: string; data: Record<string, unknown> }>;
    }>().items;
  const createPerson = async (org: TestOrg, body: object) =>
    (await org.owner.request('POST', '/api/persons', body)).json<{ person: { id: string } }>()
      .person.id;

  it('links a member to an existing person by phone, then by id; what came before is claimed', async () => {
    const org = await createOrg(t.app);
    const src = await connect(org);
    // Not known yet, and the club links only whom it needs: recorded, not linked.
    const early = await send(org, src, [
      event('payment.succeeded', '2026-12-01T10:00:00Z', {
        payment: { externalId: 'p-1', amount: 499, currency: 'SEK' },
        member: member('m-1', { phones: ['0705550102'], emails: [] }),
      }),
    ]);
    expect(early[0]!.outcome).toContainEqual({ step: 'not_linked', reason: 'unknown_member' });

    const id = await createPerson(org, {
      firstName: 'Oksana',
      phones: [{ number: '070-555 01 02' }],
    });
    const log = await send(org, src, [
      event('payment.failed', '2026-12-07T08:00:00Z', {
        payment: { externalId: 'p-2', amount: 499, currency: 'SEK', reason: 'Insufficient funds' },
        member: member('m-1', { emails: [] }),
      }),
    ]);
    expect(log[0]).toMatchObject({ contactId: id });
    expect(log[0]!.outcome).toContainEqual({ step: 'person_linked', contactId: id, by: 'phone' });

    const mine = await records(org, id);
    expect(mine.payments.map((p) => [p.externalId, p.data.state])).toEqual([
      ['p-2', 'failed'],
      ['p-1', 'succeeded'],
    ]);
    const history = await historyOf(org, id);
    expect(history.filter((h) => h.event === 'club_event').map((h) => h.data)).toEqual([
      { type: 'payment.failed', amount: 499, currency: 'SEK', reason: 'Insufficient funds' },
    ]);

    // Next time the id alone is enough (no phone in the event).
    const byId = await send(org, src, [
      event('visit.checked_in', '2026-12-07T08:30:00Z', {
        visit: { externalId: 'v-1', at: '2026-12-07T08:30:00Z' },
        member: { externalId: 'm-1' },
      }),
    ]);
    expect(byId[0]).toMatchObject({ contactId: id });
    expect((await records(org, id)).visits).toHaveLength(1);
  });

  it('with "link every customer" on, a new member becomes a person once, however often sent', async () => {
    const org = await createOrg(t.app);
    const src = await connect(org);
    const settings = (await org.owner.request('GET', '/api/club-event-settings')).json<{
      version: number;
    }>();
    const saved = await org.owner.request('PUT', '/api/club-event-settings', {
      autoLink: true,
      version: settings.version,
    });
    expect(saved.json()).toMatchObject({ autoLink: true });

    const upsert = () =>
      event('member.upserted', '2026-12-07T08:00:00Z', {
        member: member('m-9', { membershipState: 'member' }),
      });
    const log = await send(org, src, [upsert(), upsert()]);
    const created = log.flatMap((e) => e.outcome ?? []).filter((s) => s.step === 'person_created');
    expect(created).toHaveLength(1);
    await send(org, src, [upsert()]);
    const found = (await org.owner.request('GET', '/api/search?q=Melnyk')).json<{
      items: Array<{ id: string }>;
    }>();
    expect(found.items).toHaveLength(1);
  });

  it('out of order and twice: the newest contract state wins and history is written once', async () => {
    const org = await createOrg(t.app);
    const src = await connect(org);
    const id = await createPerson(org, {
      firstName: 'Erik',
      emails: [{ email: 'erik@example.test' }],
    });
    const m = { externalId: 'm-2', emails: ['ERIK@example.test'] };
    const ended = event('contract.updated', '2026-12-31T23:00:00Z', {
      contract: contract('ended'),
      member: m,
    });
    const created = event('contract.created', '2026-01-01T08:00:00Z', {
      contract: contract('active'),
      member: m,
    });
    await send(org, src, [ended]);
    await send(org, src, [created, ended]);

    const mine = await records(org, id);
    expect(mine.contracts).toHaveLength(1);
    expect(mine.contracts[0]!.data).toMatchObject({ state: 'ended', service: 'Gym 12 months' });
    const types = (await historyOf(org, id))
      .filter((h) => h.event === 'club_event')
      .map((h) => h.data.type);
    expect(types.sort()).toEqual(['contract.created', 'contract.ended']);

    // Running an event's processing again (a retried job) changes nothing.
    const log = await settle(org);
    for (const e of log) await processClubEvent(t.database.db, org.orgId, e.id, clock.now);
    expect((await historyOf(org, id)).filter((h) => h.event === 'club_event')).toHaveLength(2);
  });

  it('two drains at once (two instances) run every event once, in order for the person', async () => {
    const org = await createOrg(t.app);
    const src = await connect(org);
    const id = await createPerson(org, {
      firstName: 'Oksana',
      phones: [{ number: '070-555 01 02' }],
    });
    // Stored as a delivery stores them, without queueing a drain: the two below take them.
    const failed = Array.from({ length: 240 }, (_, i) => ({
      externalId: `e-${i}`,
      type: 'payment.failed',
      typeVersion: 1,
      occurredAt: new Date(Date.UTC(2026, 11, 7, 6, 0, i)).toISOString(),
      data: {
        payment: { externalId: `p-${i}`, amount: 100 + i, currency: 'SEK' },
        member: member('m-1', { emails: [] }),
      },
    }));
    await insertEvents(t.database.db, org.orgId, src.source.id, failed);
    const drain = async () => {
      let ran = 0;
      for (
        let n;
        (n = await processClubEvents(
          t.database.db,
          org.orgId,
          { sourceId: src.source.id, limit: 50 },
          clock.now,
        ));
      )
        ran += n;
      return ran;
    };
    await Promise.all([drain(), drain()]);
    await settle(org);

    const rows = await t.database.db
      .select({ outcome: clubEvents.outcome, processedAt: clubEvents.processedAt })
      .from(clubEvents)
      .where(eq(clubEvents.orgId, org.orgId));
    expect(rows.filter((r) => r.processedAt)).toHaveLength(240);
    const steps = rows.flatMap((r) => r.outcome as Array<{ step: string }>).map((s) => s.step);
    expect(steps.filter((s) => s === 'person_linked')).toHaveLength(1);
    expect(steps.filter((s) => s === 'card_created')).toHaveLength(1);
    expect(steps.filter((s) => s === 'card_updated')).toHaveLength(239);
    const lines = await t.database.db
      .select({ id: contactHistory.id })
      .from(contactHistory)
      .where(
        and(
          eq(contactHistory.orgId, org.orgId),
          eq(contactHistory.contactId, id),
          eq(contactHistory.event, 'club_event'),
        ),
      );
    expect(lines).toHaveLength(240);
    expect((await records(org, id)).payments.length).toBeGreaterThan(0);
    // One card, worded by the last payment sent: the events ran in the order they came.
    const tasks = (await org.owner.request('GET', `/api/tasks?contactId=${id}`)).json<{
      items: Array<{ comment: string }>;
    }>().items;
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.comment).toMatch(/339/);
  });

  it("another organization cannot read a person's club records", async () => {
    await expectTenantIsolation(t.app, {
      create: (org) => createPerson(org, { firstName: 'Ada' }),
      routes: [{ method: 'GET', path: '/api/persons/:id/club-records' }],
      read: (org, id) => records(org, id),
    });
  });
});
