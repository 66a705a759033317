import type { ApiToken } from '@spotter/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createTestApp, type TestApp } from '../../../test/test-app.ts';
import { expectTenantIsolation } from '../../../test/tenant-isolation.ts';

describe('API tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const bearer = (secret: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: { authorization: `Bearer ${secret}` } });

  it('shows the secret once; the token then authenticates in its organization only', async () => {
    const org = await createOrg(t.app);
    const created = await org.owner.request('POST', '/api/api-tokens', { name: 'Booking system' });
    expect(created.statusCode).toBe(201);
    const { token, secret } = created.json<{ token: ApiToken; secret: string }>();
    expect(secret.startsWith(token.prefix)).toBe(true);

    const list = await org.owner.request('GET', '/api/api-tokens');
    expect(list.body).not.toContain(secret);
    expect(list.json<{ items: ApiToken[] }>().items.map((i) => i.name)).toEqual(['Booking system']);

    const read = await bearer(secret, 'GET', '/api/organization');
    expect(read.statusCode).toBe(200);
    expect(read.json().id).toBe(org.orgId);
    // Integrations read; they do not manage staff or mint tokens.
    expect((await bearer(secret, 'GET', '/api/users')).statusCode).toBe(403);
    expect((await bearer(secret, 'POST', '/api/api-tokens', { name: 'more' })).statusCode).toBe(
      403,
    );
    const used = (await org.owner.request('GET', '/api/api-tokens')).json<{ items: ApiToken[] }>();
    expect(used.items[0]!.lastUsedAt).not.toBeNull();
  });

  it('a revoked or made-up token is refused with 401', async () => {
    const org = await createOrg(t.app);
    const { token, secret } = (
      await org.owner.request('POST', '/api/api-tokens', { name: 'Old' })
    ).json<{ token: ApiToken; secret: string }>();
    expect((await org.owner.request('DELETE', `/api/api-tokens/${token.id}`)).statusCode).toBe(200);
    expect((await bearer(secret, 'GET', '/api/organization')).statusCode).toBe(401);
    expect((await bearer('spt_madeup', 'GET', '/api/organization')).statusCode).toBe(401);
    expect((await org.owner.request('DELETE', `/api/api-tokens/${token.id}`)).statusCode).toBe(404);
  });

  it('cannot be listed or revoked by another organization', async () => {
    const { theirs, theirId } = await expectTenantIsolation(t.app, {
      create: async (org) =>
        (await org.owner.request('POST', '/api/api-tokens', { name: 'Theirs' })).json<{
          token: ApiToken;
        }>().token.id,
      routes: [{ method: 'DELETE', path: '/api/api-tokens/:id' }],
      lists: ['/api/api-tokens'],
      read: async (org) => (await org.owner.request('GET', '/api/api-tokens')).json(),
    });
    const still = (await theirs.owner.request('GET', '/api/api-tokens')).json<{
      items: ApiToken[];
    }>();
    expect(still.items.map((i) => i.id)).toContain(theirId);
  });
});
