import type { HistoryEntry, Person, SmsSettings, SmsTestResult } from '@spotter/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createOrg,
  createStaff,
  createTestApp,
  ok,
  type TestApp,
  type TestOrg,
} from '../../../test/test-app.ts';
import { expectTenantIsolation } from '../../../test/tenant-isolation.ts';
import { AllowList } from '../../lib/address-guard.ts';
import { SendFailure } from './channel-sender.ts';
import { createSmsSender } from './sms-send.ts';
import { smsBox } from './sms-settings.routes.ts';
import { TestGateway } from './sms.test-setup.ts';

const KEY = 'Bearer sk_live_9f8e7d6c5b4a';

describe('SMS gateway', () => {
  let t: TestApp;
  let gw: TestGateway;
  beforeAll(async () => {
    t = await createTestApp({ config: { smsAllowHosts: ['127.0.0.1'] } });
    gw = await new TestGateway().start();
  });
  afterAll(async () => {
    await t.close();
    await gw.close();
  });
  beforeEach(() => gw.reset());

  const jsonGateway = (over: Record<string, unknown> = {}) => ({
    url: `${gw.base}/v1/messages`,
    method: 'POST',
    contentType: 'application/json',
    headers: [
      { name: 'Authorization', value: KEY },
      { name: 'X-Club', value: 'friskis' },
    ],
    bodyTemplate: '{"to":"{{to}}","message":"{{ text }}","from":"{{from}}"}',
    sender: 'Friskis',
    quietHours: { from: '21:00', to: '08:00' },
    version: 0,
    ...over,
  });
  const save = (org: TestOrg, body: Record<string, unknown>) =>
    org.owner.request('PUT', '/api/sms-settings', body);
  const person = (org: TestOrg, body: Record<string, unknown>) =>
    ok<{ person: Person }>(org.owner, 'POST', '/api/persons', body).then((r) => r.person);

  it('saves the gateway, returns header names only and keeps their values sealed', async () => {
    const org = await createOrg(t.app);
    const before = await ok<SmsSettings>(org.owner, 'GET', '/api/sms-settings');
    expect(before).toMatchObject({ configured: false, version: 0, headerNames: [] });

    const res = await save(org, jsonGateway());
    expect(res.statusCode).toBe(200);
    const saved = res.json<SmsSettings>();
    expect(saved).toMatchObject({
      configured: true,
      method: 'POST',
      headerNames: ['Authorization', 'X-Club'],
      quietHours: { from: '21:00', to: '08:00' },
      version: 1,
    });
    expect(res.body).not.toContain('sk_live');
    const read = await org.owner.request('GET', '/api/sms-settings');
    expect(read.body).not.toContain('sk_live');
    expect(read.body).not.toContain('friskis"');

    const rows = await t.app.db.execute<{ h: Record<string, string> }>(
      sql`select headers_sealed as h from sms_settings where org_id = ${org.orgId}`,
    );
    const sealed = (rows as unknown as { rows: Array<{ h: Record<string, string> }> }).rows[0]!.h;
    expect(sealed.Authorization).toMatch(/^v1\./);
    expect(JSON.stringify(sealed)).not.toContain('sk_live');

    // A header named without a value keeps the stored one; one left out is dropped.
    const again = await save(
      org,
      jsonGateway({ headers: [{ name: 'Authorization' }], version: 1 }),
    );
    expect(again.statusCode).toBe(200);
    expect(again.json<SmsSettings>().headerNames).toEqual(['Authorization']);
    await ok(org.owner, 'POST', '/api/sms-settings/test', { to: '+46701234567' });
    expect(gw.hits[0]!.headers.authorization).toBe(KEY);
    expect(gw.hits[0]!.headers['x-club']).toBeUndefined();

    // A new header needs its value; a stale version is refused.
    const noValue = await save(org, jsonGateway({ headers: [{ name: 'X-New' }], version: 2 }));
    expect(noValue.statusCode).toBe(400);
    expect(noValue.json().fieldCodes).toEqual({ 'headers.0.value': 'required' });
    const stale = await save(org, jsonGateway({ version: 1 }));
    expect(stale.statusCode).toBe(409);
  });

  it('names each wrong field: placeholders, address, header names, JSON and the GET address', async () => {
    const org = await createOrg(t.app);
    const codes = async (over: Record<string, unknown>) => {
      const res = await save(org, jsonGateway(over));
      expect(res.statusCode).toBe(400);
      return res.json<{ fieldCodes: Record<string, string> }>().fieldCodes;
    };
    expect(await codes({ bodyTemplate: '{"to":"{{to}}","msg":"{{message}}"}' })).toEqual({
      bodyTemplate: 'unknown_placeholder',
    });
    const unknown = await save(org, jsonGateway({ url: `${gw.base}/send?n={{number}}` }));
    expect(unknown.json().fieldParams).toEqual({ url: { names: 'number' } });
    expect(await codes({ url: 'ftp://sms.example.com/send' })).toEqual({ url: 'invalid_format' });
    expect(await codes({ url: 'not an address' })).toEqual({ url: 'invalid_format' });
    expect(await codes({ url: 'https://user:pw@sms.example.com/' })).toEqual({
      url: 'not_allowed',
    });
    expect(await codes({ headers: [{ name: 'X Api Key', value: 'k' }] })).toEqual({
      'headers.0.name': 'invalid_characters',
    });
    expect(await codes({ headers: [{ name: 'Host', value: 'evil' }] })).toEqual({
      'headers.0.name': 'not_allowed',
    });
    expect(await codes({ headers: [{ name: 'X-Key', value: 'a\r\nX-Other: b' }] })).toEqual({
      'headers.0.value': 'invalid_characters',
    });
    expect(
      await codes({
        headers: [
          { name: 'X-Key', value: 'a' },
          { name: 'x-key', value: 'b' },
        ],
      }),
    ).toEqual({ 'headers.1.name': 'duplicate' });
    expect(await codes({ bodyTemplate: '{"to":{{to}},"message":"{{text}}"}' })).toEqual({
      bodyTemplate: 'invalid_format',
    });
    expect(await codes({ bodyTemplate: '{"to":"{{to}}"}' })).toEqual({ bodyTemplate: 'required' });
    expect(await codes({ method: 'GET', url: `${gw.base}/send?to={{to}}` })).toEqual({
      url: 'required',
    });
    expect(await codes({ quietHours: { from: '25:00', to: '08:00' } })).toHaveProperty([
      'quietHours.from',
    ]);
    expect((await ok<SmsSettings>(org.owner, 'GET', '/api/sms-settings')).configured).toBe(false);
  });

  it('sends the JSON body exactly as configured, values JSON-escaped', async () => {
    const org = await createOrg(t.app);
    await ok(org.owner, 'PUT', '/api/sms-settings', jsonGateway());
    const p = await person(org, {
      firstName: 'Åsa "Ace"',
      phones: [{ number: '070-123 45 67', label: 'mobile' }],
    });
    const res = await org.owner.request('POST', `/api/persons/${p.id}/sms`, {
      text: 'Hej {{ firstName }}!\nPass "Yoga" imorgon 18:00 \\ välkommen 😀',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().response).toMatch(/^200 \{"id":"sms-\d+","status":"queued"\}$/);
    expect(gw.hits).toHaveLength(1);
    const hit = gw.hits[0]!;
    expect(hit).toMatchObject({ method: 'POST', url: '/v1/messages' });
    expect(hit.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(hit.headers.authorization).toBe(KEY);
    expect(hit.headers['x-club']).toBe('friskis');
    expect(hit.body).toBe(
      '{"to":"+46701234567","message":"Hej Åsa \\"Ace\\"!\\nPass \\"Yoga\\" imorgon 18:00 \\\\ välkommen 😀","from":"Friskis"}',
    );
    expect(JSON.parse(hit.body)).toEqual({
      to: '+46701234567',
      message: 'Hej Åsa "Ace"!\nPass "Yoga" imorgon 18:00 \\ välkommen 😀',
      from: 'Friskis',
    });
  });

  it('sends a form body URL-encoded, and a GET gateway with the values in the query', async () => {
    const org = await createOrg(t.app);
    await ok(
      org.owner,
      'PUT',
      '/api/sms-settings',
      jsonGateway({
        url: `${gw.base}/a/sms`,
        contentType: 'application/x-www-form-urlencoded',
        bodyTemplate: 'to={{to}}&from={{from}}&message={{text}}',
        sender: 'Friskis & Svettis',
      }),
    );
    const p = await person(org, { firstName: 'Jan', phones: [{ number: '+48 512 345 678' }] });
    const text = 'Zajęcia 50% taniej & więcej: https://klub.pl/?a=1';
    await ok(org.owner, 'POST', `/api/persons/${p.id}/sms`, { text });
    expect(gw.hits[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(gw.hits[0]!.body).toBe(
      `to=%2B48512345678&from=Friskis%20%26%20Svettis&message=${encodeURIComponent(text)}`,
    );
    expect(Object.fromEntries(new URLSearchParams(gw.hits[0]!.body))).toEqual({
      to: '+48512345678',
      from: 'Friskis & Svettis',
      message: text,
    });

    await ok(
      org.owner,
      'PUT',
      '/api/sms-settings',
      jsonGateway({
        url: `${gw.base}/send?user=club&to={{to}}&text={{text}}`,
        method: 'GET',
        contentType: null,
        bodyTemplate: null,
        headers: [{ name: 'X-Api-Key', value: 'k-123' }],
        version: 1,
      }),
    );
    await ok(org.owner, 'POST', `/api/persons/${p.id}/sms`, {
      text: 'Привет, Ян! Тренировка в 18:00',
    });
    const get = gw.hits[1]!;
    expect(get.method).toBe('GET');
    expect(get.body).toBe('');
    expect(get.headers['x-api-key']).toBe('k-123');
    expect(get.url).toBe(
      `/send?user=club&to=%2B48512345678&text=${encodeURIComponent('Привет, Ян! Тренировка в 18:00')}`,
    );
  });

  it('answers the test with the gateway status and body, and 422 sms_failed with its words', async () => {
    const org = await createOrg(t.app, { locale: 'sv', name: 'Friskis' });
    const notYet = await org.owner.request('POST', '/api/sms-settings/test', {
      to: '+46701234567',
    });
    expect(notYet.statusCode).toBe(422);
    expect(notYet.json().code).toBe('sms_not_configured');
    await ok(org.owner, 'PUT', '/api/sms-settings', jsonGateway());

    const good = await ok<SmsTestResult>(org.owner, 'POST', '/api/sms-settings/test', {
      to: '+46 70 123 45 67',
    });
    expect(good).toEqual({ status: 200, response: expect.stringMatching(/^200 \{"id":/) });
    expect(JSON.parse(gw.hits[0]!.body)).toMatchObject({
      to: '+46701234567',
      message: expect.stringContaining('Friskis: test-sms från Spotter'),
    });

    gw.replies.push({ status: 401, body: '{"error":"invalid api key"}' });
    const refused = await org.owner.request('POST', '/api/sms-settings/test', {
      to: '+46701234567',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'sms_failed',
      params: { response: '401 {"error":"invalid api key"}' },
    });

    const bad = await org.owner.request('POST', '/api/sms-settings/test', { to: '12' });
    expect(bad.statusCode).toBe(400);
    const notNumber = await org.owner.request('POST', '/api/sms-settings/test', { to: '+46 123' });
    expect(notNumber.json().fieldCodes).toEqual({ to: 'invalid_phone' });
  });

  it('classifies failures: 429, 5xx, settings trouble, timeouts and refused connections retry; a 4xx about the message does not', async () => {
    const org = await createOrg(t.app);
    await ok(org.owner, 'PUT', '/api/sms-settings', jsonGateway());
    const send = createSmsSender({
      box: smsBox(t.config.sessionSecret),
      allow: new AllowList(['127.0.0.1']),
      timeoutMs: 300,
    });
    const msg = { to: '+46701234567', text: 'Hej' };
    const outcome = async () => {
      try {
        return await send(t.app.db, org.orgId, msg);
      } catch (err) {
        if (err instanceof SendFailure) return { failed: err.response, permanent: err.permanent };
        throw err;
      }
    };
    expect(await outcome()).toEqual({ response: expect.stringMatching(/^200 /) });
    gw.replies.push({ status: 429, body: 'slow down' });
    expect(await outcome()).toEqual({ failed: '429 slow down', permanent: false });
    gw.replies.push({ status: 503, body: '<html>\n  down\n</html>' });
    expect(await outcome()).toEqual({ failed: '503 <html> down </html>', permanent: false });
    gw.replies.push({ status: 400, body: '{"error":"invalid number"}' });
    expect(await outcome()).toEqual({
      failed: '400 {"error":"invalid number"}',
      permanent: true,
    });
    // The gateway's settings, not the number: retried, so the number is never bounced.
    gw.replies.push({ status: 401, body: 'bad key' });
    expect(await outcome()).toEqual({ failed: '401 bad key', permanent: false });
    gw.replies.push({ status: 302, body: '' });
    expect(await outcome()).toMatchObject({ permanent: false });
    gw.replies.push({ status: 422, body: 'text too long' });
    expect(await outcome()).toEqual({ failed: '422 text too long', permanent: true });
    gw.replies.push('hang');
    expect(await outcome()).toEqual({ failed: 'No answer within 0.3 s', permanent: false });

    // Nobody listens there: the network failed, not the message.
    const closed = await new TestGateway().start();
    const url = `${closed.base}/v1/messages`;
    await closed.close();
    await ok(org.owner, 'PUT', '/api/sms-settings', jsonGateway({ url, version: 1 }));
    expect(await outcome()).toMatchObject({ permanent: false });

    const other = await createOrg(t.app);
    await expect(send(t.app.db, other.orgId, msg)).rejects.toMatchObject({
      code: 'sms_not_configured',
    });
  });

  it('refuses a gateway on a private address unless SPOTTER_SMS_ALLOW_HOSTS lists it', async () => {
    const strict = await createTestApp({ config: { smtpAllowHosts: ['127.0.0.1'] } });
    try {
      const org = await createOrg(strict.app);
      await ok(org.owner, 'PUT', '/api/sms-settings', jsonGateway());
      const res = await org.owner.request('POST', '/api/sms-settings/test', { to: '+46701234567' });
      expect(res.statusCode).toBe(422);
      expect(res.json().params.response).toMatch(/127\.0\.0\.1, a private or reserved address/);
      expect(gw.hits).toHaveLength(0);
    } finally {
      await strict.close();
    }
  });

  it("writes one SMS to a person's history; no mobile is a 422 on the phones field", async () => {
    const org = await createOrg(t.app, { name: 'Dansstudion' });
    await ok(org.owner, 'PUT', '/api/sms-settings', jsonGateway());
    const reception = await createStaff(t.app, org, 'reception');
    const p = await person(org, {
      firstName: 'Olga',
      phones: [
        { number: '08-123 456 78', label: 'home' },
        { number: '+46 73 555 12 34', label: 'other' },
      ],
    });
    const res = await reception.client.request('POST', `/api/persons/${p.id}/sms`, {
      text: 'Hej {{ firstName | du }}, {{clubName}} påminner om din provlektion i morgon kl. 18.',
    });
    expect(res.statusCode).toBe(200);
    // A landline is never texted: the mobile number (by the numbering plan) is.
    expect(JSON.parse(gw.hits[0]!.body).to).toBe('+46735551234');
    const history = await ok<{ items: HistoryEntry[] }>(
      org.owner,
      'GET',
      `/api/persons/${p.id}/history`,
    );
    const entry = history.items.find((e) => e.event === 'sms_sent');
    expect(entry).toMatchObject({
      text: 'Hej Olga, Dansstudion påminner om din provlektion i morgon kl. 18.',
      author: expect.objectContaining({ id: reception.id }),
    });

    const landline = await person(org, {
      firstName: 'Per',
      phones: [{ number: '08-123 456 78', label: 'home' }],
    });
    const none = await org.owner.request('POST', `/api/persons/${landline.id}/sms`, {
      text: 'Hej',
    });
    expect(none.statusCode).toBe(422);
    expect(none.json().fieldCodes).toEqual({ phones: 'required' });
    expect(gw.hits).toHaveLength(1);

    const empty = await org.owner.request('POST', `/api/persons/${p.id}/sms`, { text: '  ' });
    expect(empty.statusCode).toBe(400);

    // Without a gateway nothing is sent and nothing is written.
    const bare = await createOrg(t.app);
    const q = await person(bare, { firstName: 'Q', phones: [{ number: '+46701234567' }] });
    const unconfigured = await bare.owner.request('POST', `/api/persons/${q.id}/sms`, {
      text: 'x',
    });
    expect(unconfigured.json().code).toBe('sms_not_configured');
    const qHistory = await ok<{ items: HistoryEntry[] }>(
      bare.owner,
      'GET',
      `/api/persons/${q.id}/history`,
    );
    expect(qHistory.items.some((e) => e.event === 'sms_sent')).toBe(false);
  });

  it('only settings managers change the gateway; staff with the CRM send to persons', async () => {
    const org = await createOrg(t.app);
    const sales = await createStaff(t.app, org, 'sales');
    expect((await sales.client.request('GET', '/api/sms-settings')).statusCode).toBe(403);
    expect((await sales.client.request('PUT', '/api/sms-settings', jsonGateway())).statusCode).toBe(
      403,
    );
    expect((await ok<SmsSettings>(org.owner, 'GET', '/api/sms-settings')).configured).toBe(false);
    await ok(org.owner, 'PUT', '/api/sms-settings', jsonGateway());
    const p = await person(org, { firstName: 'A', phones: [{ number: '+46701234567' }] });
    expect(
      (await sales.client.request('POST', `/api/persons/${p.id}/sms`, { text: 'Hej' })).statusCode,
    ).toBe(200);
  });

  it("never texts another organization's person nor shows its gateway", async () => {
    const { mine } = await expectTenantIsolation(t.app, {
      create: async (org) => {
        await ok(org.owner, 'PUT', '/api/sms-settings', jsonGateway());
        return (await person(org, { firstName: 'Hidden', phones: [{ number: '+46701234567' }] }))
          .id;
      },
      routes: [{ method: 'POST', path: '/api/persons/:id/sms', body: { text: 'Hej' } }],
      read: (org, id) => ok(org.owner, 'GET', `/api/persons/${id}/history`),
    });
    expect(gw.hits).toHaveLength(0);
    expect((await ok<SmsSettings>(mine.owner, 'GET', '/api/sms-settings')).configured).toBe(false);
  });
});
