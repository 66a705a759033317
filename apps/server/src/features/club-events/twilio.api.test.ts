import { randomBytes } from 'node:crypto';
import type { Board, EventLogEntry, EventSource } from '@spotter/contracts';
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { createOrg, ok, useTestApp, type TestOrg } from '../../../test/test-app.ts';
import { expectTenantIsolation } from '../../../test/tenant-isolation.ts';
import { runDueJobs } from '../jobs/index.ts';
import { clubEventJobs } from './process.jobs.ts';

/** A Twilio account's auth token: 32 hex characters. */
const newToken = () => randomBytes(16).toString('hex');
const PUBLIC = 'https://crm.harbour-fitness.example';

/** What Twilio posts to a number's voice URL when someone calls it. */
const ringing = (over: Record<string, string> = {}) => ({
  AccountSid: `AC${randomBytes(16).toString('hex')}`,
  ApiVersion: '2010-04-01',
  CallSid: `CA${randomBytes(16).toString('hex')}`,
  CallStatus: 'ringing',
  Called: '+46812345678',
  Caller: '+46701234567',
  Direction: 'inbound',
  From: '+46701234567',
  FromCountry: 'SE',
  To: '+46812345678',
  ...over,
});

describe("Twilio's own voice webhook (A-6)", () => {
  // Behind a proxy: the signed URL is the public one, not the address the request came to.
  const t = useTestApp({ config: { publicUrl: PUBLIC } });

  async function connect(org: TestOrg, token = newToken(), extra: object = {}) {
    const res = await org.owner.request('POST', '/api/event-sources', {
      name: `Twilio ${randomBytes(3).toString('hex')}`,
      kind: 'twilio',
      authToken: token,
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return { ...res.json<{ source: EventSource; url: string }>(), token };
  }

  /** Posts as Twilio does: form-encoded, signed by the `twilio` package's own signer. */
  function post(
    url: string,
    params: Record<string, string>,
    sign: { token: string; url?: string; params?: Record<string, string> },
  ) {
    const signature = twilio.getExpectedTwilioSignature(
      sign.token,
      sign.url ?? url,
      sign.params ?? params,
    );
    // The package's own check agrees before Spotter is asked.
    expect(
      twilio.validateRequest(sign.token, signature, sign.url ?? url, sign.params ?? params),
    ).toBe(true);
    return t.app.inject({
      method: 'POST',
      url: url.slice(PUBLIC.length),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': signature,
      },
      payload: new URLSearchParams(params).toString(),
    });
  }

  async function settle(org: TestOrg) {
    for (let i = 0; i < 100; i++) {
      await runDueJobs(t.database.db, { jobs: clubEventJobs, now: () => new Date() });
      const log = (await org.owner.request('GET', '/api/club-events?limit=50')).json<{
        items: EventLogEntry[];
      }>().items;
      if (log.every((e) => e.state !== 'accepted' || e.processedAt)) return log;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('not processed');
  }

  it('shows the webhook URL, keeps the auth token sealed and needs it', async () => {
    const org = await createOrg(t.app);
    const src = await connect(org);
    expect(src.url).toBe(`${PUBLIC}/api/event-sources/${src.source.id}/twilio`);
    expect(src.source).toMatchObject({ kind: 'twilio', hasAuthToken: true, url: src.url });
    const listed = await org.owner.request('GET', '/api/event-sources');
    expect(listed.body).not.toContain(src.token);

    const missing = await org.owner.request('POST', '/api/event-sources', {
      name: 'No token',
      kind: 'twilio',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ fields: object }>().fields).toHaveProperty('authToken');
    const notTwilio = await org.owner.request('POST', '/api/event-sources', {
      name: 'Gym',
      kind: 'membership',
      authToken: newToken(),
    });
    expect(notTwilio.json<{ fields: object }>().fields).toHaveProperty('authToken');
    const badForward = await org.owner.request('PATCH', `/api/event-sources/${src.source.id}`, {
      forwardTo: 'reception',
      version: src.source.version,
    });
    expect(badForward.statusCode).toBe(400);
    expect(badForward.json<{ fields: object }>().fields).toHaveProperty('forwardTo');
  });

  it('turns a signed call into an event, idempotent by CallSid, and answers TwiML', async () => {
    const org = await createOrg(t.app);
    const src = await connect(org);
    const params = ringing({ From: '+46701112299' });
    const res = await post(src.url, params, { token: src.token });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(res.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');

    // Twilio retries the same request: one event still. Its status callbacks follow.
    expect((await post(src.url, params, { token: src.token })).statusCode).toBe(200);
    const progress = { ...params, CallStatus: 'in-progress' };
    expect((await post(src.url, progress, { token: src.token })).statusCode).toBe(200);
    const done = { ...params, CallStatus: 'completed', CallDuration: '42' };
    expect((await post(src.url, done, { token: src.token })).statusCode).toBe(200);

    const log = await settle(org);
    const accepted = log.filter((e) => e.state === 'accepted');
    expect(accepted.map((e) => [e.type, e.externalEventId]).sort()).toEqual([
      ['call.ended', `${params.CallSid}:ended`],
      ['call.started', `${params.CallSid}:started`],
    ]);
    const started = accepted.find((e) => e.type === 'call.started')!;
    expect(started.data).toEqual({
      call: { externalId: params.CallSid, from: '+46701112299', line: '+46812345678' },
    });
    expect(accepted.find((e) => e.type === 'call.ended')!.data).toMatchObject({
      call: { durationSeconds: 42 },
    });
    // An unknown number: a lead with that phone and a card in Unsorted, as for any call.
    const board = await ok<Board>(org.owner, 'GET', '/api/board');
    const unsorted = board.columns.find((c) => c.column === 'unsorted')!;
    expect(unsorted.items.map((i) => i.comment)).toContain('Incoming call from +46701112299');
  });

  it('refuses a tampered parameter, a wrong token, another URL or no signature with 401', async () => {
    const org = await createOrg(t.app);
    const src = await connect(org);
    const params = ringing();
    const tampered = await post(
      src.url,
      { ...params, From: '+46709999999' },
      { token: src.token, params },
    );
    expect(tampered.statusCode).toBe(401);
    expect(tampered.json()).toMatchObject({ code: 'invalid_signature' });
    expect((await post(src.url, params, { token: newToken() })).statusCode).toBe(401);
    const elsewhere = `${PUBLIC}/api/event-sources/${src.source.id}/twilio?x=1`;
    expect((await post(src.url, params, { token: src.token, url: elsewhere })).statusCode).toBe(
      401,
    );
    const unsigned = await t.app.inject({
      method: 'POST',
      url: src.url.slice(PUBLIC.length),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(params).toString(),
    });
    expect(unsigned.statusCode).toBe(401);
    // Signed, but not a call Spotter can read: the field is named.
    const noStatus: Record<string, string> = { ...params };
    delete noStatus.CallStatus;
    const bad = await post(src.url, noStatus, { token: src.token });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ fields: object }>().fields).toHaveProperty('CallStatus');

    const log = await settle(org);
    expect(log.filter((e) => e.state === 'accepted')).toEqual([]);
    expect(log.filter((e) => e.state === 'refused').map((e) => e.reason)).toContain(
      'bad_signature',
    );
  });

  it('forwards a ringing call when the source says where, and records no withheld number', async () => {
    const org = await createOrg(t.app);
    const src = await connect(org, newToken(), { forwardTo: '+46 70 123 45 68' });
    expect(src.source.forwardTo).toBe('+46701234568');
    const res = await post(src.url, ringing(), { token: src.token });
    expect(res.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Dial>+46701234568</Dial></Response>',
    );
    const hidden = await post(src.url, ringing({ From: 'anonymous', Caller: 'anonymous' }), {
      token: src.token,
    });
    expect(hidden.statusCode).toBe(200);
    const log = await settle(org);
    expect(log.filter((e) => e.state === 'accepted')).toHaveLength(1);
  });

  it("a Standard Webhooks source's URL is not a Twilio one, and other tenants' sources are 404", async () => {
    const org = await createOrg(t.app);
    const plain = await ok<{ source: EventSource }>(org.owner, 'POST', '/api/event-sources', {
      name: 'Gym',
      kind: 'membership',
    });
    const url = `${PUBLIC}/api/event-sources/${plain.source.id}/twilio`;
    expect((await post(url, ringing(), { token: newToken() })).statusCode).toBe(401);
    await expectTenantIsolation(t.app, {
      create: async (o) => (await connect(o)).source.id,
      routes: [
        { method: 'GET', path: '/api/event-sources/:id' },
        { method: 'PATCH', path: '/api/event-sources/:id', body: { forwardTo: null, version: 1 } },
      ],
      lists: ['/api/event-sources'],
      read: async (o, id) => (await o.owner.request('GET', `/api/event-sources/${id}`)).json(),
    });
  });
});
