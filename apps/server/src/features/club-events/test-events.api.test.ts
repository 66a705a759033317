import type { EventLogEntry, EventReceipt, EventSource } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import { createOrg, createStaff, useTestApp, type TestOrg } from '../../../test/test-app.ts';
import { expectTenantIsolation } from '../../../test/tenant-isolation.ts';
import { runDueJobs } from '../jobs/index.ts';
import { clubEventJobs } from './process.jobs.ts';

const clock = { now: new Date('2026-12-07T09:00:00Z') };

describe('test events sent from settings', () => {
  const t = useTestApp({ now: () => clock.now });

  const connect = async (org: TestOrg) =>
    (
      await org.owner.request('POST', '/api/event-sources', {
        name: 'Gym system',
        kind: 'payments',
      })
    ).json<{ source: EventSource }>().source;

  const paymentFailed = {
    type: 'payment.failed',
    data: {
      payment: { externalId: 'p-1', amount: 499, currency: 'SEK', reason: 'Card declined' },
      member: { externalId: 'm-1', firstName: 'Anna', phones: ['070-555 01 02'] },
    },
  };

  async function processed(org: TestOrg) {
    for (let i = 0; i < 100; i++) {
      await runDueJobs(t.database.db, { jobs: clubEventJobs, now: () => clock.now });
      const items = (await org.owner.request('GET', '/api/club-events')).json<{
        items: EventLogEntry[];
      }>().items;
      if (items.every((e) => e.processedAt)) return items;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('events were not processed');
  }

  it('is stored and processed like a delivery: the member is linked and the payment recorded', async () => {
    const org = await createOrg(t.app);
    const source = await connect(org);
    const person = (
      await org.owner.request('POST', '/api/persons', {
        firstName: 'Anna',
        phones: [{ number: '+46 70 555 01 02' }],
      })
    ).json<{ person: { id: string } }>().person;

    const res = await org.owner.request(
      'POST',
      `/api/event-sources/${source.id}/test-event`,
      paymentFailed,
    );
    expect(res.statusCode, res.body).toBe(200);
    const receipt = res.json<EventReceipt>();
    expect(receipt.outcome).toBe('accepted');
    expect(receipt.id).toMatch(/^test_[0-9a-f-]{36}$/);

    const [entry] = await processed(org);
    expect(entry).toMatchObject({
      id: receipt.eventId,
      externalEventId: receipt.id,
      type: 'payment.failed',
      state: 'accepted',
      occurredAt: clock.now.toISOString(),
      contactId: person.id,
    });
    expect(entry!.outcome).toContainEqual({
      step: 'person_linked',
      contactId: person.id,
      by: 'phone',
    });
    const records = (
      await org.owner.request('GET', `/api/persons/${person.id}/club-records`)
    ).json<{ payments: Array<{ data: Record<string, unknown> }> }>();
    expect(records.payments.map((p) => p.data.state)).toEqual(['failed']);
    // The source shows it was heard from.
    const after = (await org.owner.request('GET', `/api/event-sources/${source.id}`)).json();
    expect(after.lastEventAt).toBe(clock.now.toISOString());
  });

  it('checks the data as a delivery is checked, naming the field', async () => {
    const org = await createOrg(t.app);
    const source = await connect(org);
    const url = `/api/event-sources/${source.id}/test-event`;
    const bad = await org.owner.request('POST', url, {
      type: 'payment.failed',
      data: { ...paymentFailed.data, payment: { externalId: 'p-1', amount: 'lots' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields)).toContain('data.payment.amount');
    const unknown = await org.owner.request('POST', url, { type: 'cake.baked', data: {} });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('unknown_event_type');
    const stale = await org.owner.request('POST', url, {
      ...paymentFailed,
      occurredAt: 'yesterday',
    });
    expect(stale.statusCode).toBe(400);
    expect(Object.keys(stale.json().fields)).toContain('occurredAt');
  });

  it("cannot send as another organization's source", async () => {
    const { mine } = await expectTenantIsolation(t.app, {
      create: async (org) => (await connect(org)).id,
      routes: [{ method: 'POST', path: '/api/event-sources/:id/test-event', body: paymentFailed }],
      read: async (org) => (await org.owner.request('GET', '/api/club-events')).json(),
    });
    expect((await mine.owner.request('GET', '/api/club-events')).json().items).toEqual([]);
  });

  it('is refused for a switched-off source and for staff', async () => {
    const org = await createOrg(t.app);
    const source = await connect(org);
    const url = `/api/event-sources/${source.id}/test-event`;

    const reception = await createStaff(t.app, org, 'reception');
    expect((await reception.client.request('POST', url, paymentFailed)).statusCode).toBe(403);

    await org.owner.request('PATCH', `/api/event-sources/${source.id}`, {
      enabled: false,
      version: source.version,
    });
    const off = await org.owner.request('POST', url, paymentFailed);
    expect(off.statusCode).toBe(403);
    // Nothing of the refused attempts was stored.
    expect((await org.owner.request('GET', '/api/club-events')).json().items).toEqual([]);
  });
});
