import type { Organization } from '@spotter/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createStaff, createTestApp, type TestApp } from '../../../test/test-app.ts';

describe('organization settings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reads and updates name, timezone, language and currency', async () => {
    const org = await createOrg(t.app);
    const current = (await org.owner.request('GET', '/api/organization')).json<Organization>();
    const res = await org.owner.request('PATCH', '/api/organization', {
      version: current.version,
      name: 'Klubb Nord',
      timezone: 'Asia/Novosibirsk',
      locale: 'ru',
      currency: 'rub',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<Organization>()).toMatchObject({
      name: 'Klubb Nord',
      timezone: 'Asia/Novosibirsk',
      locale: 'ru',
      currency: 'RUB',
      version: current.version + 1,
    });
  });

  it('answers a stale version with 409 and keeps the first save', async () => {
    const org = await createOrg(t.app);
    const { version } = (await org.owner.request('GET', '/api/organization')).json<Organization>();
    const first = await org.owner.request('PATCH', '/api/organization', { version, name: 'First' });
    expect(first.statusCode).toBe(200);
    const second = await org.owner.request('PATCH', '/api/organization', {
      version,
      name: 'Second',
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('version_conflict');
    const now = (await org.owner.request('GET', '/api/organization')).json<Organization>();
    expect(now.name).toBe('First');
  });

  it('refuses a bad timezone with the field named and changes nothing', async () => {
    const org = await createOrg(t.app);
    const before = (await org.owner.request('GET', '/api/organization')).json<Organization>();
    const res = await org.owner.request('PATCH', '/api/organization', {
      version: before.version,
      timezone: 'Europe/Atlantis',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toHaveProperty('timezone');
    expect((await org.owner.request('GET', '/api/organization')).json()).toEqual(before);
  });

  it('lets an admin change settings but not a manager', async () => {
    const org = await createOrg(t.app);
    const admin = await createStaff(t.app, org, 'admin');
    const manager = await createStaff(t.app, org, 'manager');
    const { version } = (
      await admin.client.request('GET', '/api/organization')
    ).json<Organization>();
    expect(
      (await admin.client.request('PATCH', '/api/organization', { version, name: 'By admin' }))
        .statusCode,
    ).toBe(200);
    const denied = await manager.client.request('PATCH', '/api/organization', {
      version: version + 1,
      name: 'By manager',
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('forbidden');
  });
});
