import fc from 'fast-check';
import type { CustomField, Lookup, Status } from '@spotter/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createTestApp, type TestApp, type TestOrg } from '../../../test/test-app.ts';

/** X-4 for the settings routes: any body gets a 4xx in the error shape, never a 500. */
describe('bad input on the CRM settings routes', () => {
  let t: TestApp;
  let org: TestOrg;
  let routes: Array<[method: 'POST' | 'PATCH', url: string]>;
  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t.app);
    const status = (await org.owner.request('GET', '/api/settings/statuses')).json<{
      items: Status[];
    }>().items[0]!;
    const ind = (
      await org.owner.request('POST', '/api/settings/industries', { name: 'Keep' })
    ).json<Lookup>();
    const field = (
      await org.owner.request('POST', '/api/settings/custom-fields', {
        entity: 'person',
        name: 'Keep',
        type: 'dropdown',
        options: [{ name: 'A' }],
      })
    ).json<CustomField>();
    routes = [
      ['POST', '/api/settings/statuses'],
      ['PATCH', `/api/settings/statuses/${status.id}`],
      ['POST', '/api/settings/tags'],
      ['PATCH', `/api/settings/industries/${ind.id}`],
      ['POST', `/api/settings/industries/${ind.id}/move`],
      ['POST', '/api/settings/custom-fields'],
      ['PATCH', `/api/settings/custom-fields/${field.id}`],
      ['PATCH', '/api/settings/crm'],
    ];
  });
  afterAll(() => t.close());

  const junk = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.object({ maxDepth: 1 })), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
  );
  const keys = fc.constantFrom(
    'entity',
    'name',
    'abbreviation',
    'color',
    'background',
    'position',
    'archived',
    'scope',
    'type',
    'options',
    'targetId',
    'trashRetentionDays',
    'phoneRegion',
    'version',
    '__proto__',
  );
  const body = fc.oneof(fc.dictionary(keys, junk, { maxKeys: 5 }), junk);

  it('answers every malformed body with a 4xx error, never a 500', async () => {
    const snapshot = async () =>
      Promise.all(
        ['statuses', 'industries', 'custom-fields', 'crm'].map(
          async (p) =>
            (await org.owner.request('GET', `/api/settings/${p}?includeArchived=true`)).body,
        ),
      );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 7 }), body, async (i, payload) => {
        const [method, url] = routes[i]!;
        const res = await org.owner.request(method, url, JSON.stringify(payload), {
          headers: { 'content-type': 'application/json' },
        });
        expect(res.statusCode, `${method} ${url} ${JSON.stringify(payload)}`).toBeLessThan(500);
        if (res.statusCode >= 400) expect(res.json()).toHaveProperty('code');
      }),
      { numRuns: 150 },
    );
    // Junk that happened to be valid may have changed things; the lists still read fine.
    expect((await snapshot()).every((b) => b.startsWith('{'))).toBe(true);
  });

  it('answers junk query strings and path segments with a 4xx', async () => {
    for (const url of [
      '/api/settings/statuses?entity=robot',
      '/api/settings/statuses?includeArchived=maybe',
      '/api/settings/tags?withUsage=1',
      '/api/settings/%00',
      '/api/settings/tags/not-a-uuid',
      '/api/settings/custom-fields?entity[]=person',
    ]) {
      const res = await org.owner.request('GET', url);
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
    }
    const del = await org.owner.request('DELETE', '/api/settings/tags/not-a-uuid');
    expect(del.statusCode).toBe(404);
  });
});
