import { randomBytes } from 'node:crypto';
import type { WebhookEndpoint } from '@spotter/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createTestApp, ok, type TestApp } from '../../../test/test-app.ts';
import { createPostgresTestUrl, createTestDatabase, testDbKind } from '../../../test/test-db.ts';
import { openPostgres, type Database } from '../../db/client.ts';
import { webhookJobs } from './deliver.jobs.ts';
import { settleDeliveries, TestReceiver } from './webhooks.test-setup.ts';

/**
 * Two instances of Spotter on one database, each with its own job runner (its background
 * loop and a test-driven one): every event reaches the receiver once.
 */
describe('webhooks with two instances', () => {
  let a: TestApp;
  let b: TestApp;
  let receiver: TestReceiver;
  beforeAll(async () => {
    let databases: [Database, Database];
    if (testDbKind === 'postgres') {
      const url = await createPostgresTestUrl();
      databases = [await openPostgres(url), await openPostgres(url)];
    } else {
      const shared = await createTestDatabase();
      databases = [shared, { ...shared, close: async () => {} }];
    }
    const config = {
      sessionSecret: randomBytes(32).toString('hex'),
      webhookAllowHosts: ['127.0.0.1'],
    };
    b = await createTestApp({ database: databases[1], config });
    a = await createTestApp({ database: databases[0], config });
    receiver = await new TestReceiver().start();
  });
  afterAll(async () => {
    await b.close();
    await a.close();
    await receiver.close();
  });

  it('delivers each event once', async () => {
    const org = await createOrg(a.app);
    const { secret } = await ok<{ endpoint: WebhookEndpoint; secret: string }>(
      org.owner,
      'POST',
      '/api/webhook-endpoints',
      { url: receiver.url, eventTypes: ['company.created'] },
    );
    receiver.secret = secret;
    const names = Array.from({ length: 12 }, (_, i) => `Company ${i}`);
    for (const name of names) await ok(org.owner, 'POST', '/api/companies', { name });
    // Both instances' runners at once, as two servers would.
    await Promise.all([
      settleDeliveries(a.app.db, webhookJobs(a.app), a.app.now),
      settleDeliveries(b.app.db, webhookJobs(b.app), b.app.now),
    ]);
    await settleDeliveries(a.app.db, webhookJobs(a.app), a.app.now);
    expect(receiver.received).toHaveLength(names.length);
    expect(new Set(receiver.received.map((r) => r.id)).size).toBe(names.length);
    expect(receiver.received.every((r) => r.verified)).toBe(true);
    expect(receiver.received.map((r) => (r.body.data as { name: string }).name).sort()).toEqual(
      [...names].sort(),
    );
  });
});
