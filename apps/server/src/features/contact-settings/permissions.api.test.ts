import type { Lookup, StaffMember, Status } from '@spotter/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrg,
  createStaff,
  createTestApp,
  type Method,
  type TestApp,
} from '../../../test/test-app.ts';

describe('who may read and change CRM settings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function setup() {
    const org = await createOrg(t.app);
    const status = (await org.owner.request('GET', '/api/settings/statuses?entity=person')).json<{
      items: Status[];
    }>().items[0]!;
    const tag = (
      await org.owner.request('POST', '/api/settings/tags', { name: 'VIP' })
    ).json<Lookup>();
    const ind = (
      await org.owner.request('POST', '/api/settings/industries', { name: 'A' })
    ).json<Lookup>();
    const ind2 = (
      await org.owner.request('POST', '/api/settings/industries', { name: 'B' })
    ).json<Lookup>();
    const field = (
      await org.owner.request('POST', '/api/settings/custom-fields', {
        entity: 'person',
        name: 'F',
        type: 'text',
      })
    ).json<{ id: string }>();
    const reads = [
      '/api/settings/statuses',
      '/api/settings/tags?withUsage=true',
      '/api/settings/categories',
      '/api/settings/industries',
      '/api/settings/sources',
      '/api/settings/products',
      '/api/settings/history-types',
      '/api/settings/custom-fields',
      '/api/settings/crm',
      '/api/staff',
    ];
    const writes: Array<[Method, string, unknown?]> = [
      ['POST', '/api/settings/statuses', { entity: 'person', name: 'X' }],
      ['PATCH', `/api/settings/statuses/${status.id}`, { name: 'X' }],
      ['DELETE', `/api/settings/statuses/${status.id}`],
      ['POST', '/api/settings/tags', { name: 'X' }],
      ['PATCH', `/api/settings/tags/${tag.id}`, { name: 'X' }],
      ['DELETE', `/api/settings/tags/${tag.id}`],
      ['POST', `/api/settings/industries/${ind.id}/move`, { targetId: ind2.id }],
      ['POST', '/api/settings/custom-fields', { entity: 'person', name: 'X', type: 'text' }],
      ['PATCH', `/api/settings/custom-fields/${field.id}`, { name: 'X' }],
      ['DELETE', `/api/settings/custom-fields/${field.id}`],
      ['PATCH', '/api/settings/crm', { trashRetentionDays: 3, version: 0 }],
    ];
    return { org, reads, writes };
  }

  it('lets sales staff read every list but change none of them', async () => {
    const { org, reads, writes } = await setup();
    const sales = await createStaff(t.app, org, 'sales');
    for (const url of reads) {
      const res = await sales.client.request('GET', url);
      expect({ url, status: res.statusCode }).toEqual({ url, status: 200 });
    }
    for (const [method, url, body] of writes) {
      const res = await sales.client.request(method, url, body);
      expect({ method, url, status: res.statusCode }).toEqual({ method, url, status: 403 });
    }
    // Nothing was written before the check.
    const tags = (await org.owner.request('GET', '/api/settings/tags')).json<{ items: Lookup[] }>();
    expect(tags.items.map((l) => l.name)).toEqual(['VIP']);
    expect((await org.owner.request('GET', '/api/settings/crm')).json().version).toBe(0);
  });

  it('keeps instructors out of reads too', async () => {
    const { org, reads, writes } = await setup();
    const instructor = await createStaff(t.app, org, 'instructor');
    for (const [method, url, body] of [...reads.map((u) => ['GET', u] as const), ...writes]) {
      const res = await instructor.client.request(method, url, body);
      expect({ method, url, status: res.statusCode }).toEqual({ method, url, status: 403 });
    }
  });

  it('lists staff, active and inactive, without private details', async () => {
    const org = await createOrg(t.app);
    const other = await createOrg(t.app);
    const sales = await createStaff(t.app, org, 'sales');
    const gone = await createStaff(t.app, org, 'reception');
    await org.owner.request('PATCH', `/api/users/${gone.id}`, { active: false });
    const res = await sales.client.request('GET', '/api/staff');
    const items = res.json<{ items: StaffMember[] }>().items;
    expect(items).toHaveLength(3);
    expect(items.find((s) => s.id === gone.id)).toEqual({
      id: gone.id,
      name: 'reception person',
      role: 'reception',
      active: false,
    });
    expect(items.map((s) => s.id)).not.toContain(other.ownerId);
    expect(res.body).not.toContain('@');
  });
});
