import type { EventSource } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import { createOrg, useTestApp, type TestOrg } from '../../../test/test-app.ts';
import { expectTenantIsolation } from '../../../test/tenant-isolation.ts';

describe('connected systems', () => {
  const t = useTestApp();

  const create = async (org: TestOrg) =>
    (
      await org.owner.request('POST', '/api/event-sources', {
        name: 'Gym system',
        kind: 'membership',
      })
    ).json<{ source: EventSource }>().source.id;

  it('another organization can neither read, change, rotate nor delete a source', async () => {
    const { mine, theirs, theirId } = await expectTenantIsolation(t.app, {
      create,
      routes: [
        { method: 'GET', path: '/api/event-sources/:id' },
        { method: 'PATCH', path: '/api/event-sources/:id', body: { name: 'Mine now', version: 1 } },
        { method: 'POST', path: '/api/event-sources/:id/rotate-secret', body: {} },
        { method: 'DELETE', path: '/api/event-sources/:id' },
      ],
      lists: ['/api/event-sources'],
      read: async (org, id) => (await org.owner.request('GET', `/api/event-sources/${id}`)).json(),
    });
    // Nor filter the event log by it.
    const log = await mine.owner.request('GET', `/api/club-events?sourceId=${theirId}`);
    expect(log.json().items).toEqual([]);
    expect((await theirs.owner.request('GET', '/api/club-events')).statusCode).toBe(200);
  });

  it('edits keep their version; a stale save is a conflict', async () => {
    const org = await createOrg(t.app);
    const id = await create(org);
    const renamed = await org.owner.request('PATCH', `/api/event-sources/${id}`, {
      name: 'Front desk system',
      version: 1,
    });
    expect(renamed.json<EventSource>()).toMatchObject({ name: 'Front desk system', version: 2 });
    const stale = await org.owner.request('PATCH', `/api/event-sources/${id}`, {
      enabled: false,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    expect((await org.owner.request('DELETE', `/api/event-sources/${id}`)).statusCode).toBe(200);
    expect((await org.owner.request('GET', `/api/event-sources/${id}`)).statusCode).toBe(404);
  });
});
