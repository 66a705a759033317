import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrg,
  createStaff,
  createTestApp,
  type TestApp,
  type TestOrg,
} from '../../../test/test-app.ts';

/**
 * whatever arrives, the answer is a clear 4xx in the error shape, never a 500 or a stack
 * trace, and nothing already saved changes.
 */
describe('bad input on every writing route', () => {
  let t: TestApp;
  let org: TestOrg;
  let ids: { user: string; branch: string; token: string };
  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t.app);
    const staff = await createStaff(t.app, org, 'sales');
    const branch = (await org.owner.request('POST', '/api/branches', { name: 'Keep me' })).json();
    const token = (await org.owner.request('POST', '/api/api-tokens', { name: 'Keep' })).json();
    ids = { user: staff.id, branch: branch.id, token: token.token.id };
  });
  afterAll(() => t.close());

  const snapshot = async () => ({
    org: (await org.owner.request('GET', '/api/organization')).json(),
    branches: (await org.owner.request('GET', '/api/branches?includeArchived=true')).json(),
    users: (await org.owner.request('GET', '/api/users?limit=200')).json(),
    tokens: (await org.owner.request('GET', '/api/api-tokens')).json(),
  });

  const routes = () =>
    [
      ['POST', '/api/setup'],
      ['POST', '/api/signup'],
      ['POST', '/api/auth/login'],
      ['PATCH', '/api/me'],
      ['POST', '/api/me/password'],
      ['PATCH', '/api/organization'],
      ['POST', '/api/branches'],
      ['PATCH', `/api/branches/${ids.branch}`],
      ['POST', '/api/users'],
      ['PATCH', `/api/users/${ids.user}`],
      ['POST', '/api/api-tokens'],
    ] as const;

  // Values of the wrong kind in the places the real bodies use.
  const junk = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
  );
  const keys = fc.constantFrom(
    'name',
    'email',
    'password',
    'role',
    'active',
    'branchIds',
    'locale',
    'timezone',
    'currency',
    'version',
    'archived',
    'organization',
    'owner',
    'currentPassword',
    'newPassword',
    '__proto__',
    'constructor',
  );
  const body = fc.oneof(
    fc.dictionary(keys, junk, { maxKeys: 6 }),
    fc.record({ organization: fc.dictionary(keys, junk), owner: fc.dictionary(keys, junk) }),
    junk,
  );

  it('answers 4xx in the error shape and keeps saved data', async () => {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes()), body, async ([method, url], payload) => {
        const res = await org.owner.request(method, url, undefined, {
          payload: JSON.stringify(payload),
          headers: { 'content-type': 'application/json' },
        });
        if (res.statusCode >= 200 && res.statusCode < 300) return; // a valid patch is fine
        expect(res.statusCode, `${method} ${url} ${JSON.stringify(payload)}`).toBeLessThan(500);
        const err = res.json<{ code: string; message: string }>();
        expect(typeof err.code).toBe('string');
        expect(typeof err.message).toBe('string');
      }),
      { numRuns: 300, seed: 20261122 },
    );
    const after = await snapshot();
    // Random bodies may legitimately pass validation on PATCH /api/me only; the rest stays.
    expect(after.branches).toEqual(before.branches);
    expect(after.tokens).toEqual(before.tokens);
    expect(after.users.total).toBe(before.users.total);
  });

  it('answers a wrong content type and an empty body without a 500', async () => {
    for (const [method, url] of routes()) {
      const text = await org.owner.request(method, url, undefined, {
        payload: 'name=x',
        headers: { 'content-type': 'text/plain' },
      });
      expect(text.statusCode, `${method} ${url}`).toBeGreaterThanOrEqual(400);
      expect(text.statusCode, `${method} ${url}`).toBeLessThan(500);
      const empty = await org.owner.request(method, url, undefined, {
        headers: { 'content-type': 'application/json' },
        payload: '',
      });
      expect(empty.statusCode, `${method} ${url}`).toBeLessThan(500);
    }
  });
});
