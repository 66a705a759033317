import type { Notification, Person, WebhookAttempt, WebhookEndpoint } from '@spotter/contracts';
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
import { createForm, openForm, post } from '../lead-forms/lead-forms.test-setup.ts';
import { webhookJobs } from './deliver.jobs.ts';
import { settleDeliveries, TestReceiver } from './webhooks.test-setup.ts';

const SECOND = 1000;

/**
 * The clock is pinned a minute ahead of the wall clock, so events emitted at the wall
 * clock's time are due at once, and moved by hand to make retries due (decision 0007).
 */
describe('outbound webhooks', () => {
  const clock = { now: new Date(Date.now() + 60 * SECOND) };
  const advance = (ms: number) => (clock.now = new Date(clock.now.getTime() + ms));
  let t: TestApp;
  let receiver: TestReceiver;
  beforeAll(async () => {
    t = await createTestApp({
      now: () => clock.now,
      config: { webhookAllowHosts: ['127.0.0.1'] },
    });
    receiver = await new TestReceiver().start();
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });
  // Each test starts near the wall clock: receivers refuse signatures 5 minutes off.
  beforeEach(() => {
    clock.now = new Date(Date.now() + 60 * SECOND);
  });
  const runDue = () => settleDeliveries(t.app.db, webhookJobs(t.app), () => clock.now);

  async function endpointFor(org: TestOrg, eventTypes: string[], url = receiver.url) {
    const created = await org.owner.request('POST', '/api/webhook-endpoints', {
      url,
      description: 'Accounting',
      eventTypes,
    });
    expect(created.statusCode).toBe(201);
    const body = created.json<{ endpoint: WebhookEndpoint; secret: string }>();
    expect(body.secret).toMatch(/^whsec_/);
    return body;
  }

  const log = async (org: TestOrg, id: string, query = '') =>
    ok<{ items: WebhookAttempt[]; nextCursor: string | null }>(
      org.owner,
      'GET',
      `/api/webhook-endpoints/${id}/attempts${query}`,
    );

  it('signs each delivery; a receiver failing 3 times then recovering gets it exactly once more', async () => {
    const org = await createOrg(t.app);
    const { endpoint, secret } = await endpointFor(org, ['person.created']);
    receiver.secret = secret;
    receiver.received.length = 0;
    receiver.answer = (n) => (n <= 3 ? 500 : 200);

    const person = (
      await ok<{ person: Person }>(org.owner, 'POST', '/api/persons', {
        firstName: 'Lena',
        phones: [{ number: '070-123 45 67' }],
      })
    ).person;
    await runDue();
    expect(receiver.received).toHaveLength(1);
    // The runner waits 10 s, 20 s, 40 s between tries: nothing is due before that.
    for (const wait of [10, 20, 40]) {
      await runDue();
      advance(wait * SECOND);
      await runDue();
    }
    expect(receiver.received.map((r) => r.status)).toEqual([500, 500, 500, 200]);
    advance(6 * 60 * 60 * SECOND);
    await runDue();
    expect(receiver.accepted).toHaveLength(1);
    expect(receiver.received).toHaveLength(4);
    expect(receiver.received.every((r) => r.verified)).toBe(true);
    // One message: the same webhook-id on every try, the person as the API returns it.
    expect(new Set(receiver.received.map((r) => r.id)).size).toBe(1);
    const sent = receiver.received[3]!.body;
    expect(sent.type).toBe('person.created');
    expect(sent.data).toEqual(
      await ok<Person>(org.owner, 'GET', `/api/persons/${person.id}`).then((p) => ({
        ...p,
        version: (sent.data as Person).version,
      })),
    );

    const page = await log(org, endpoint.id);
    expect(page.items.map((a) => [a.attempt, a.outcome, a.status])).toEqual([
      [4, 'succeeded', 200],
      [3, 'failed', 500],
      [2, 'failed', 500],
      [1, 'failed', 500],
    ]);
    expect(page.items[0]!.responseExcerpt).toBe('answer 200');
    const first = await log(org, endpoint.id, '?limit=3');
    expect(first.items).toHaveLength(3);
    const rest = await log(org, endpoint.id, `?limit=3&cursor=${first.nextCursor}`);
    expect(rest.items.map((a) => a.attempt)).toEqual([1]);
    expect(rest.nextCursor).toBeNull();
  });

  it('tells of a lead form submission, with its person as the API returns it', async () => {
    const org = await createOrg(t.app);
    const { secret } = await endpointFor(org, ['lead_form.submitted']);
    receiver.secret = secret;
    receiver.received.length = 0;
    receiver.answer = () => 200;
    const form = await createForm(org);
    const { token } = await openForm(t.app, form.publicId);
    advance(20 * SECOND);
    const res = await post(t.app, form.publicId, {
      _t: token,
      website: '',
      firstName: 'Astrid',
      phone: '070-123 45 67',
      consent: ['terms'],
    });
    expect(res.statusCode, res.body).toBe(303);
    await runDue();
    expect(receiver.received.map((r) => [r.type, r.verified])).toEqual([
      ['lead_form.submitted', true],
    ]);
    const data = receiver.received[0]!.body.data as {
      formId: string;
      personCreated: boolean;
      taskId: string | null;
      person: Person;
    };
    expect(data).toMatchObject({ formId: form.id, personCreated: true });
    expect(data.taskId).toEqual(expect.any(String));
    expect(data.person).toEqual(
      await ok<Person>(org.owner, 'GET', `/api/persons/${data.person.id}`),
    );
  });

  it('tells only endpoints that hear the type, only of changes that commit', async () => {
    const org = await createOrg(t.app);
    const { secret } = await endpointFor(org, ['company.created']);
    receiver.secret = secret;
    receiver.received.length = 0;
    receiver.answer = () => 200;
    await ok(org.owner, 'POST', '/api/persons', { firstName: 'Not heard' });
    // A refused change (a bad phone) writes nothing, so it tells nothing either.
    const bad = await org.owner.request('POST', '/api/companies', {
      name: 'Broken',
      phones: [{ number: '1' }],
    });
    expect(bad.statusCode).toBe(400);
    await ok(org.owner, 'POST', '/api/companies', { name: 'Heard AB' });
    await runDue();
    expect(receiver.received.map((r) => r.type)).toEqual(['company.created']);
  });

  it('sends a test event, redelivers with the same id, and refuses a stale edit', async () => {
    const org = await createOrg(t.app);
    const { endpoint, secret } = await endpointFor(org, ['task.created']);
    receiver.secret = secret;
    receiver.received.length = 0;
    receiver.answer = () => 200;
    const test = await org.owner.request('POST', `/api/webhook-endpoints/${endpoint.id}/test`);
    expect(test.statusCode).toBe(202);
    await runDue();
    expect(receiver.received.map((r) => [r.type, r.verified])).toEqual([['webhook.test', true]]);
    const [attempt] = (await log(org, endpoint.id)).items;
    const again = await org.owner.request(
      'POST',
      `/api/webhook-endpoints/${endpoint.id}/deliveries/${attempt!.deliveryId}/redeliver`,
    );
    expect(again.statusCode).toBe(202);
    await runDue();
    expect(receiver.received.map((r) => r.id)).toEqual([attempt!.messageId, attempt!.messageId]);

    const rotated = await ok<{ secret: string }>(
      org.owner,
      'POST',
      `/api/webhook-endpoints/${endpoint.id}/rotate-secret`,
    );
    expect(rotated.secret).not.toBe(secret);
    const stale = await org.owner.request('PATCH', `/api/webhook-endpoints/${endpoint.id}`, {
      enabled: false,
      version: endpoint.version,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('refuses a bad address and an empty event list with field errors', async () => {
    const org = await createOrg(t.app);
    const res = await org.owner.request('POST', '/api/webhook-endpoints', {
      url: 'ftp://example.com/x',
      eventTypes: [],
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json<{ fields: object }>().fields).sort()).toEqual([
      'eventTypes',
      'url',
    ]);
  });

  it('switches off an endpoint failing for days and tells the admins', async () => {
    const org = await createOrg(t.app);
    const { endpoint } = await endpointFor(org, ['company.created']);
    receiver.answer = () => 503;
    await ok(org.owner, 'POST', '/api/companies', { name: 'First AB' });
    await runDue();
    // Days later, every try of a new event still fails.
    advance(3 * 24 * 60 * 60 * SECOND + SECOND);
    await ok(org.owner, 'POST', '/api/companies', { name: 'Second AB' });
    await runDue();
    const after = await ok<WebhookEndpoint>(
      org.owner,
      'GET',
      `/api/webhook-endpoints/${endpoint.id}`,
    );
    expect(after).toMatchObject({ enabled: false, disabledReason: 'failing' });
    const notes = await ok<{ items: Notification[] }>(org.owner, 'GET', '/api/notifications');
    expect(notes.items.map((n) => [n.kind, n.text])).toContainEqual([
      'webhook_disabled',
      `Accounting · ${receiver.url}`,
    ]);
    // Switched on again, it starts afresh.
    const on = await ok<WebhookEndpoint>(
      org.owner,
      'PATCH',
      `/api/webhook-endpoints/${endpoint.id}`,
      { enabled: true, version: after.version },
    );
    expect(on).toMatchObject({ enabled: true, disabledReason: null, failingSince: null });
  });

  it('is for admins only, and another organization sees none of it', async () => {
    const org = await createOrg(t.app);
    const sales = await createStaff(t.app, org, 'sales');
    expect((await sales.client.request('GET', '/api/webhook-endpoints')).statusCode).toBe(403);
    const add = await sales.client.request('POST', '/api/webhook-endpoints', {
      url: receiver.url,
      eventTypes: ['person.created'],
    });
    expect(add.statusCode).toBe(403);
    await expectTenantIsolation(t.app, {
      create: async (o) => (await endpointFor(o, ['person.created'])).endpoint.id,
      routes: [
        { method: 'GET', path: '/api/webhook-endpoints/:id' },
        {
          method: 'PATCH',
          path: '/api/webhook-endpoints/:id',
          body: { enabled: false, version: 1 },
        },
        { method: 'POST', path: '/api/webhook-endpoints/:id/test' },
        { method: 'POST', path: '/api/webhook-endpoints/:id/rotate-secret' },
        { method: 'GET', path: '/api/webhook-endpoints/:id/attempts' },
        { method: 'DELETE', path: '/api/webhook-endpoints/:id' },
      ],
      lists: ['/api/webhook-endpoints'],
      read: (o) => ok(o.owner, 'GET', '/api/webhook-endpoints'),
    });
  });
});

describe('outbound webhooks without the allow-list', () => {
  let t: TestApp;
  let receiver: TestReceiver;
  beforeAll(async () => {
    t = await createTestApp();
    receiver = await new TestReceiver().start();
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  it('never connects to a loopback receiver: the try is logged as refused', async () => {
    const org = await createOrg(t.app);
    const { endpoint } = (
      await org.owner.request('POST', '/api/webhook-endpoints', {
        url: receiver.url,
        eventTypes: ['person.created'],
      })
    ).json<{ endpoint: WebhookEndpoint }>();
    await org.owner.request('POST', `/api/webhook-endpoints/${endpoint.id}/test`);
    await settleDeliveries(t.app.db, webhookJobs(t.app), t.app.now);
    const { items } = await ok<{ items: WebhookAttempt[] }>(
      org.owner,
      'GET',
      `/api/webhook-endpoints/${endpoint.id}/attempts`,
    );
    expect(items[0]).toMatchObject({ outcome: 'refused', status: null });
    expect(items[0]!.error).toContain('127.0.0.1');
    expect(receiver.received).toHaveLength(0);
  });
});
