import { randomUUID } from 'node:crypto';
import type { EventLogEntry, EventReceipt, EventSource } from '@spotter/contracts';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { createOrg, createStaff, useTestApp, type TestOrg } from '../../../test/test-app.ts';
import { signed } from './club-events.test-setup.ts';

const clock = { now: new Date('2026-12-07T09:00:00Z') };

describe('event ingestion (A-1)', () => {
  const t = useTestApp({ now: () => clock.now });

  async function connect(org: TestOrg, name = 'Booking system') {
    const res = await org.owner.request('POST', '/api/event-sources', { name, kind: 'booking' });
    expect(res.statusCode).toBe(201);
    return res.json<{ source: EventSource; secret: string; url: string }>();
  }

  const paymentFailed = (id?: string) => ({
    ...(id && { id }),
    type: 'payment.failed',
    version: 1,
    occurredAt: '2026-12-07T08:55:00+01:00',
    data: {
      payment: {
        externalId: `pay-${randomUUID()}`,
        amount: 499,
        currency: 'SEK',
        reason: 'Declined',
      },
      member: { externalId: 'm-17', firstName: 'Åsa', lastName: 'Berg', phones: ['070-123 45 67'] },
    },
  });

  const deliver = (path: string, request: { payload: string; headers: Record<string, string> }) =>
    t.app.inject({ method: 'POST', url: path, ...request });

  const log = async (org: TestOrg) =>
    (await org.owner.request('GET', '/api/club-events')).json<{ items: EventLogEntry[] }>().items;

  it('accepts a signed event once: a repeat answers the first stored id and changes nothing', async () => {
    const org = await createOrg(t.app);
    const { source, secret, url } = await connect(org);
    expect(secret).toMatch(/^whsec_/);
    expect(url).toMatch(new RegExp(`/api/event-sources/${source.id}/events$`));
    const path = new URL(url).pathname;

    const event = paymentFailed();
    const first = await deliver(path, signed(secret, event, { msgId: 'msg_1' }));
    expect(first.statusCode).toBe(200);
    const [receipt] = first.json<{ items: EventReceipt[] }>().items;
    expect(receipt).toMatchObject({ id: 'msg_1', outcome: 'accepted' });

    // The sender retries (a new signature, same id): nothing new is stored.
    const again = await deliver(path, signed(secret, event, { msgId: 'msg_1' }));
    expect(again.json<{ items: EventReceipt[] }>().items).toEqual([
      { id: 'msg_1', outcome: 'duplicate', eventId: receipt!.eventId },
    ]);
    const entries = await log(org);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      id: receipt!.eventId,
      externalEventId: 'msg_1',
      type: 'payment.failed',
      state: 'accepted',
      sourceName: 'Booking system',
    });
    const sources = (await org.owner.request('GET', '/api/event-sources')).json<{
      items: EventSource[];
    }>();
    expect(sources.items[0]!.lastEventAt).toBe(clock.now.toISOString());
    expect(JSON.stringify(sources)).not.toContain(secret);
  });

  it('refuses a tampered body, a wrong secret, an old timestamp and an unknown source alike', async () => {
    const org = await createOrg(t.app);
    const { source, secret } = await connect(org);
    const path = `/api/event-sources/${source.id}/events`;
    const good = signed(secret, paymentFailed());

    const tampered = { ...good, payload: good.payload.replace('499', '1') };
    const wrongSecret = signed(
      `whsec_${Buffer.from('x'.repeat(32)).toString('base64')}`,
      paymentFailed(),
    );
    const old = signed(secret, paymentFailed(), { at: new Date(Date.now() - 6 * 60_000) });
    const future = signed(secret, paymentFailed(), { at: new Date(Date.now() + 6 * 60_000) });
    const unsigned = { payload: good.payload, headers: { 'content-type': 'application/json' } };
    const answers = await Promise.all([
      deliver(path, tampered),
      deliver(path, wrongSecret),
      deliver(path, old),
      deliver(path, future),
      deliver(path, unsigned),
      deliver(`/api/event-sources/${randomUUID()}/events`, good),
      deliver('/api/event-sources/not-a-uuid/events', good),
    ]);
    for (const res of answers) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({
        code: 'invalid_signature',
        message: 'The delivery could not be verified',
      });
    }
    // A body that is not even JSON is refused the same way when it is not signed right.
    const garbage = await deliver(path, { ...unsigned, payload: '{not json' });
    expect(garbage.statusCode).toBe(401);

    const entries = await log(org);
    expect(entries.every((e) => e.state === 'refused' && e.data === null)).toBe(true);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries[0]!.reason).toMatch(/bad_signature|stale_timestamp/);
  });

  it('rotation: the old secret verifies during the overlap, then only the new one', async () => {
    const org = await createOrg(t.app);
    const { source, secret: oldSecret } = await connect(org);
    const path = `/api/event-sources/${source.id}/events`;
    const rotated = await org.owner.request(
      'POST',
      `/api/event-sources/${source.id}/rotate-secret`,
      {
        overlapHours: 2,
      },
    );
    expect(rotated.statusCode).toBe(200);
    const { secret: newSecret, source: after } = rotated.json<{
      secret: string;
      source: EventSource;
    }>();
    expect(newSecret).not.toBe(oldSecret);
    expect(after.previousSecretValidUntil).toBe('2026-12-07T11:00:00.000Z');

    expect((await deliver(path, signed(oldSecret, paymentFailed()))).statusCode).toBe(200);
    expect((await deliver(path, signed(newSecret, paymentFailed()))).statusCode).toBe(200);
    // A delivery signed with both (as senders do while switching) verifies too.
    const both = signed(newSecret, paymentFailed());
    const oldSig = new Webhook(oldSecret).sign(
      both.headers['webhook-id'],
      new Date(Number(both.headers['webhook-timestamp']) * 1000),
      both.payload,
    );
    both.headers['webhook-signature'] = `${oldSig} ${both.headers['webhook-signature']}`;
    expect((await deliver(path, both)).statusCode).toBe(200);

    const saved = clock.now;
    clock.now = new Date('2026-12-07T11:00:01Z');
    try {
      expect((await deliver(path, signed(oldSecret, paymentFailed()))).statusCode).toBe(401);
      expect((await deliver(path, signed(newSecret, paymentFailed()))).statusCode).toBe(200);
    } finally {
      clock.now = saved;
    }
  });

  it('names the wrong field, and tells an unknown type apart', async () => {
    const org = await createOrg(t.app);
    const { source, secret } = await connect(org);
    const path = `/api/event-sources/${source.id}/events`;
    const bad = paymentFailed();
    (bad.data.payment as Record<string, unknown>).amount = 'a lot';
    delete (bad.data.member as Record<string, unknown>).externalId;
    const res = await deliver(path, signed(secret, bad));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'validation',
      fieldCodes: { 'data.payment.amount': 'invalid', 'data.member.externalId': 'required' },
    });

    const unknown = await deliver(
      path,
      signed(secret, { ...paymentFailed(), type: 'payment.refunded' }),
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      code: 'unknown_event_type',
      fieldCodes: { type: 'invalid_option' },
    });
    const laterVersion = await deliver(path, signed(secret, { ...paymentFailed(), version: 2 }));
    expect(laterVersion.json().code).toBe('unknown_event_type');

    const notJson = await deliver(path, signed(secret, null, { raw: '{"type": ' }));
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().code).toBe('bad_request');

    const huge = await deliver(
      path,
      signed(secret, null, { raw: `{"x":"${'a'.repeat(1_100_000)}"}` }),
    );
    expect(huge.statusCode).toBe(413);
    expect(await log(org)).toHaveLength(0);
  });

  it('a batch answers each event in order; ids repeat within and across batches safely', async () => {
    const org = await createOrg(t.app);
    const { source, secret } = await connect(org);
    const path = `/api/event-sources/${source.id}/events/batch`;
    const a = paymentFailed('a');
    const b = paymentFailed('b');
    const res = await deliver(path, signed(secret, { events: [a, b, a] }));
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: EventReceipt[] }>().items;
    expect(items.map((i) => [i.id, i.outcome])).toEqual([
      ['a', 'accepted'],
      ['b', 'accepted'],
      ['a', 'duplicate'],
    ]);
    expect(items[2]!.eventId).toBe(items[0]!.eventId);

    const next = await deliver(path, signed(secret, { events: [b, paymentFailed('c')] }));
    expect(next.json<{ items: EventReceipt[] }>().items.map((i) => i.outcome)).toEqual([
      'duplicate',
      'accepted',
    ]);
    // In a batch every event needs its own id; a bad one fails the batch and stores nothing.
    const noId = await deliver(
      path,
      signed(secret, { events: [paymentFailed('d'), paymentFailed()] }),
    );
    expect(noId.statusCode).toBe(400);
    expect(noId.json().fieldCodes).toEqual({ 'events.1.id': 'required' });
    const tooMany = await deliver(
      path,
      signed(secret, { events: Array.from({ length: 101 }, (_, i) => paymentFailed(`x${i}`)) }),
    );
    expect(tooMany.statusCode).toBe(400);
    expect((await log(org)).map((e) => e.externalEventId).sort()).toEqual(['a', 'b', 'c']);
  });

  it('an API token of the organization may deliver instead of signing; ids are then required', async () => {
    const org = await createOrg(t.app);
    const other = await createOrg(t.app);
    const { source } = await connect(org);
    const theirs = await connect(other);
    const token = (
      await org.owner.request('POST', '/api/api-tokens', { name: 'Club system' })
    ).json<{
      secret: string;
    }>().secret;
    const withToken = (url: string, body: unknown) =>
      t.app.inject({
        method: 'POST',
        url,
        payload: body as object,
        headers: { authorization: `Bearer ${token}` },
      });

    const ok = await withToken(`/api/event-sources/${source.id}/events`, paymentFailed('t-1'));
    expect(ok.statusCode).toBe(200);
    const noId = await withToken(`/api/event-sources/${source.id}/events`, paymentFailed());
    expect(noId.statusCode).toBe(400);
    expect(noId.json().fieldCodes).toEqual({ id: 'required' });
    // Another organization's source does not exist for this token.
    expect(
      (await withToken(`/api/event-sources/${theirs.source.id}/events`, paymentFailed('t-2')))
        .statusCode,
    ).toBe(404);
    expect(
      await withToken(`/api/event-sources/${source.id}/events`, paymentFailed('t-3')).then(() =>
        log(other),
      ),
    ).toHaveLength(0);
    const made = await t.app.inject({
      method: 'POST',
      url: `/api/event-sources/${source.id}/events`,
      payload: paymentFailed('t-4'),
      headers: { authorization: 'Bearer spt_madeup' },
    });
    expect(made.statusCode).toBe(401);
  });

  it('a switched-off source delivers nothing', async () => {
    const org = await createOrg(t.app);
    const { source, secret } = await connect(org);
    const off = await org.owner.request('PATCH', `/api/event-sources/${source.id}`, {
      enabled: false,
      version: source.version,
    });
    expect(off.json<EventSource>().enabled).toBe(false);
    const res = await deliver(
      `/api/event-sources/${source.id}/events`,
      signed(secret, paymentFailed()),
    );
    expect(res.statusCode).toBe(401);
    expect((await log(org)).map((e) => e.reason)).toEqual(['source_disabled']);
  });

  it('the same event delivered many times at once is stored once', async () => {
    const org = await createOrg(t.app);
    const { source, secret } = await connect(org);
    const event = paymentFailed('same');
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        deliver(`/api/event-sources/${source.id}/events`, signed(secret, event)),
      ),
    );
    const receipts = answers.map((r) => r.json<{ items: EventReceipt[] }>().items[0]!);
    expect(receipts.filter((r) => r.outcome === 'accepted')).toHaveLength(1);
    expect(new Set(receipts.map((r) => r.eventId)).size).toBe(1);
    expect(await log(org)).toHaveLength(1);
  });

  it('only admins manage connected systems and read the log', async () => {
    const org = await createOrg(t.app);
    const { client: reception } = await createStaff(t.app, org, 'reception');
    expect((await reception.request('GET', '/api/event-sources')).statusCode).toBe(403);
    expect((await reception.request('GET', '/api/club-events')).statusCode).toBe(403);
    expect(
      (await reception.request('POST', '/api/event-sources', { name: 'X', kind: 'other' }))
        .statusCode,
    ).toBe(403);
    await connect(org, 'Kassa');
    const dup = await org.owner.request('POST', '/api/event-sources', {
      name: 'kassa',
      kind: 'payments',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('name_taken');
  });
});
