import { randomUUID } from 'node:crypto';
import type { Board, ClubRuleConfig, EventSource, Task } from '@spotter/contracts';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createOrg, createStaff, useTestApp, type TestOrg } from '../../../test/test-app.ts';
import { runDueJobs } from '../jobs/index.ts';
import { signed } from './club-events.test-setup.ts';
import { clubEventJobs } from './process.jobs.ts';

// Monday 7 December 2026, 10:00 in Stockholm (the test organizations' zone).
const clock = { now: new Date('2026-12-07T09:00:00Z') };
const at = (iso: string) => {
  clock.now = new Date(iso);
};

describe('rules turn club events into cards (A-2)', () => {
  const t = useTestApp({ now: () => clock.now });

  async function setup() {
    at('2026-12-07T09:00:00Z');
    const org = await createOrg(t.app);
    const src = (
      await org.owner.request('POST', '/api/event-sources', {
        name: 'Gym system',
        kind: 'membership',
      })
    ).json<{ source: EventSource; secret: string }>();
    return { org, src };
  }

  async function send(
    org: TestOrg,
    src: { source: EventSource; secret: string },
    ...events: object[]
  ) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/event-sources/${src.source.id}/events/batch`,
      ...signed(src.secret, { events: events.map((e) => ({ id: randomUUID(), ...e })) }),
    });
    expect(res.statusCode, res.body).toBe(200);
    await runJobs();
  }

  /** Club-event jobs due or under way (the app's own runner may be running one right now). */
  async function busy() {
    const result = await t.database.db.execute(
      sql`select count(*)::int as n from jobs where kind in ('club-events.drain',
        'club-events.unpaid-check') and (state = 'running' or (state = 'queued' and run_at <= ${clock.now.toISOString()}::timestamptz))`,
    );
    return Number((result as unknown as { rows: Array<{ n: number }> }).rows[0]!.n) > 0;
  }

  async function runJobs() {
    // The app's own runner may take a job first (a delivery wakes it): run what is due here
    // too, and wait until neither has anything left.
    for (let i = 0; i < 200; i++) {
      await runDueJobs(t.database.db, { jobs: clubEventJobs, now: () => clock.now });
      if (!(await busy())) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('club-event jobs did not finish');
  }

  const board = async (org: TestOrg) => {
    const res = await org.owner.request('GET', '/api/board');
    const cards = res.json<Board>().columns.flatMap((c) =>
      c.items.map((i) => ({
        column: c.column,
        id: i.id,
        comment: i.comment,
        dueAt: i.dueAt,
        contact: i.contact,
      })),
    );
    return cards;
  };
  const task = async (org: TestOrg, id: string) =>
    (await org.owner.request('GET', `/api/tasks/${id}`)).json<Task>();

  const person = async (org: TestOrg, body: object) =>
    (await org.owner.request('POST', '/api/persons', body)).json<{ person: { id: string } }>()
      .person.id;

  const contract = (over: object) => ({
    externalId: 'c-1',
    kind: 'fixed_term',
    service: 'Gym 12 months',
    startsOn: '2026-01-01',
    paid: true,
    state: 'active',
    ...over,
  });
  const anna = { externalId: 'm-1', phones: ['0701112233'] };

  it('a failed payment is a card for today, given to the responsible; a second one updates it', async () => {
    const { org, src } = await setup();
    at('2026-12-07T09:30:00Z');
    const id = await person(org, {
      firstName: 'Anna',
      phones: [{ number: '070-111 22 33' }],
      responsibleId: org.ownerId,
    });
    const failed = (externalId: string, amount: number) => ({
      type: 'payment.failed',
      occurredAt: '2026-12-07T06:30:00Z',
      data: {
        payment: { externalId, amount, currency: 'SEK', reason: 'Card expired' },
        member: anna,
      },
    });
    await send(org, src, failed('p-1', 499));
    let cards = (await board(org)).filter((c) => c.contact?.id === id);
    expect(cards).toHaveLength(1);
    // Today, by the end of the club's day (no end set: its last minute), never overdue at once.
    expect(cards[0]).toMatchObject({ column: 'today', dueAt: '2026-12-07T22:59:00.000Z' });
    expect(cards[0]!.comment).toContain('Payment failed');
    expect(cards[0]!.comment).toContain('Card expired');
    expect((await task(org, cards[0]!.id)).assignee?.id).toBe(org.ownerId);

    at('2026-12-07T12:00:00Z');
    await send(org, src, failed('p-2', 899));
    cards = (await board(org)).filter((c) => c.contact?.id === id);
    expect(cards).toHaveLength(1);
    expect(cards[0]!.comment).toMatch(/899/);
    // Delivered again: nothing changes.
    await send(org, src, failed('p-2', 899));
    expect((await board(org)).filter((c) => c.contact?.id === id)).toHaveLength(1);
  });

  it('a fixed-term contract ending: a renewal call the day before at 10:00 club time, moved when renewed', async () => {
    const { org, src } = await setup();
    const id = await person(org, { firstName: 'Anna', phones: [{ number: '0701112233' }] });
    await send(org, src, {
      type: 'contract.created',
      occurredAt: '2026-01-01T08:00:00Z',
      data: { contract: contract({ endsOn: '2026-12-20' }), member: anna },
    });
    let cards = (await board(org)).filter((c) => c.contact?.id === id);
    expect(cards.map((c) => [c.column, c.dueAt])).toEqual([['later', '2026-12-19T09:00:00.000Z']]);
    expect(cards[0]!.comment).toContain('Gym 12 months');

    await send(org, src, {
      type: 'contract.updated',
      occurredAt: '2026-12-07T08:00:00Z',
      data: { contract: contract({ endsOn: '2027-06-30' }), member: anna },
    });
    cards = (await board(org)).filter((c) => c.contact?.id === id);
    expect(cards.map((c) => c.dueAt)).toEqual(['2027-06-29T08:00:00.000Z']);

    // Ends tomorrow: the card is on today's board.
    await send(org, src, {
      type: 'contract.created',
      occurredAt: '2026-12-01T08:00:00Z',
      data: { contract: contract({ externalId: 'c-2', endsOn: '2026-12-08' }), member: anna },
    });
    cards = (await board(org)).filter((c) => c.contact?.id === id && c.column === 'today');
    expect(cards).toHaveLength(1);
    // A recurring contract has no end to call about.
    await send(org, src, {
      type: 'contract.created',
      occurredAt: '2026-12-01T08:00:00Z',
      data: {
        contract: contract({ externalId: 'c-3', kind: 'recurring', endsOn: '2026-12-10' }),
        member: anna,
      },
    });
    expect((await board(org)).filter((c) => c.contact?.id === id)).toHaveLength(2);
  });

  it('a recurring contract in debt: a call 10 days before its termination', async () => {
    const { org, src } = await setup();
    const id = await person(org, { firstName: 'Anna', phones: [{ number: '0701112233' }] });
    await send(org, src, {
      type: 'contract.updated',
      occurredAt: '2026-12-06T08:00:00Z',
      data: {
        contract: contract({
          kind: 'recurring',
          debt: 900,
          currency: 'SEK',
          terminationOn: '2026-12-27',
        }),
        member: anna,
      },
    });
    const cards = (await board(org)).filter((c) => c.contact?.id === id);
    expect(cards.map((c) => c.dueAt)).toEqual(['2026-12-17T09:00:00.000Z']);
    expect(cards[0]!.comment).toMatch(/900/);
  });

  it('a new contract unpaid after 15 minutes is a card; paid in time, none', async () => {
    const { org, src } = await setup();
    const id = await person(org, { firstName: 'Anna', phones: [{ number: '0701112233' }] });
    await send(org, src, {
      type: 'contract.created',
      occurredAt: '2026-12-07T09:00:00Z',
      data: {
        contract: contract({ externalId: 'c-unpaid', kind: 'recurring', paid: false }),
        member: anna,
      },
    });
    await send(org, src, {
      type: 'contract.created',
      occurredAt: '2026-12-07T09:00:00Z',
      data: {
        contract: contract({ externalId: 'c-paid', kind: 'recurring', paid: false }),
        member: anna,
      },
    });
    at('2026-12-07T09:05:00Z');
    await send(org, src, {
      type: 'payment.succeeded',
      occurredAt: '2026-12-07T09:05:00Z',
      data: {
        payment: { externalId: 'p-9', amount: 499, contractExternalId: 'c-paid' },
        member: anna,
      },
    });
    at('2026-12-07T09:10:00Z');
    await runJobs();
    expect((await board(org)).filter((c) => c.contact?.id === id)).toHaveLength(0);
    at('2026-12-07T09:16:00Z');
    await runJobs();
    const cards = (await board(org)).filter((c) => c.contact?.id === id);
    expect(cards).toHaveLength(1);
    expect(cards[0]!.comment).toContain('Contract not paid');
  });

  it('a call from an unknown number: a lead with that phone in Unsorted, for reception in turn', async () => {
    const { org, src } = await setup();
    const desk = await createStaff(t.app, org, 'reception');
    const call = () => ({
      type: 'call.started',
      occurredAt: '2026-12-07T08:59:00Z',
      data: { call: { externalId: randomUUID(), from: '+46 70 999 88 77' } },
    });
    await send(org, src, call());
    const cards = (await board(org)).filter((c) => c.contact?.name === '+46709998877');
    expect(cards.map((c) => c.column)).toEqual(['unsorted']);
    expect(cards[0]!.comment).toBe('Incoming call from +46709998877');
    expect((await task(org, cards[0]!.id)).assignee?.id).toBe(desk.id);

    await send(org, src, call());
    const found = (await org.owner.request('GET', '/api/search?q=0709998877')).json<{
      items: unknown[];
    }>();
    expect(found.items).toHaveLength(1);
    expect((await board(org)).filter((c) => c.contact?.name === '+46709998877')).toHaveLength(1);
  });

  it('a trial booking by someone new: a person with the rule’s status, tag and history type', async () => {
    const { org, src } = await setup();
    const statuses = (await org.owner.request('GET', '/api/settings/statuses')).json<{
      items: Array<{ id: string; name: string; entity: string }>;
    }>().items;
    const prospect = statuses.find((s) => s.name === 'Prospect' && s.entity === 'person')!;
    const tag = (await org.owner.request('POST', '/api/settings/tags', { name: 'Prova på' })).json<{
      id: string;
    }>();
    const type = (
      await org.owner.request('POST', '/api/settings/history-types', { name: 'Trial' })
    ).json<{
      id: string;
    }>();
    const current = (await org.owner.request('GET', '/api/club-event-rules')).json<{
      rules: Record<string, ClubRuleConfig>;
      version: number;
    }>();
    const saved = await org.owner.request('PUT', '/api/club-event-rules', {
      version: current.version,
      rules: {
        trial_booking: {
          ...current.rules.trial_booking!,
          statusId: prospect.id,
          tagId: tag.id,
          historyTypeId: type.id,
        },
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);

    await send(org, src, {
      type: 'booking.created',
      occurredAt: '2026-12-07T08:00:00Z',
      data: {
        booking: {
          externalId: 'b-1',
          className: 'Yoga flow',
          startsAt: '2026-12-09T17:00:00Z',
          trial: true,
        },
        member: { externalId: 'm-7', firstName: 'Lena', lastName: 'Ek', phones: ['0702223344'] },
      },
    });
    const found = (await org.owner.request('GET', '/api/search?q=Lena%20Ek')).json<{
      items: Array<{ id: string }>;
    }>();
    expect(found.items).toHaveLength(1);
    const lena = (await org.owner.request('GET', `/api/persons/${found.items[0]!.id}`)).json<{
      statusId: string | null;
      tagIds: string[];
    }>();
    expect(lena.statusId).toBe(prospect.id);
    expect(lena.tagIds).toEqual([tag.id]);
    const history = (
      await org.owner.request('GET', `/api/persons/${found.items[0]!.id}/history`)
    ).json<{
      items: Array<{ event: string; typeId: string | null; data: Record<string, unknown> }>;
    }>().items;
    expect(history.find((h) => h.event === 'club_event')).toMatchObject({
      typeId: type.id,
      data: { type: 'booking.created', className: 'Yoga flow' },
    });
  });

  it('rules are admins’ to change; a wrong reference names its field, a stale version conflicts', async () => {
    const { org } = await setup();
    const desk = await createStaff(t.app, org, 'reception');
    expect((await desk.client.request('GET', '/api/club-event-rules')).statusCode).toBe(403);
    const current = (await org.owner.request('GET', '/api/club-event-rules')).json<{
      rules: Record<string, ClubRuleConfig>;
      version: number;
    }>();
    expect(current.rules.contract_ending).toMatchObject({
      enabled: true,
      offsetMinutes: -1440,
      timeOfDay: '10:00',
    });
    const bad = await org.owner.request('PUT', '/api/club-event-rules', {
      version: current.version,
      rules: {
        payment_failed: {
          ...current.rules.payment_failed!,
          templateId: randomUUID(),
          assignee: 'user',
        },
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fieldCodes).toEqual({
      'rules.payment_failed.templateId': 'unknown_reference',
      'rules.payment_failed.assigneeUserId': 'required',
    });
    const off = await org.owner.request('PUT', '/api/club-event-rules', {
      version: current.version,
      rules: { payment_failed: { ...current.rules.payment_failed!, enabled: false } },
    });
    expect(off.json().rules.payment_failed.enabled).toBe(false);
    const stale = await org.owner.request('PUT', '/api/club-event-rules', {
      version: current.version,
      rules: {},
    });
    expect(stale.statusCode).toBe(409);
  });
});
