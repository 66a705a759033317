import { randomUUID } from 'node:crypto';
import {
  PERMISSIONS,
  TOKEN_SCOPES,
  tokenPermissions,
  type ApiToken,
  type Permission,
  type TokenScope,
} from '@spotter/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createTestApp, type TestApp, type TestOrg } from '../../../test/test-app.ts';

interface Operation {
  'x-permission'?: string;
  security?: unknown[];
  responses?: Record<string, { content?: Record<string, unknown> }>;
}

/** The live-event stream never ends by itself: live.api.test.ts opens it with a token. */
const streams = (op: Operation) =>
  Object.values(op.responses ?? {}).some((r) => r.content?.['text/event-stream'] !== undefined);

/** A value for each path parameter: unknown ids (404 at worst, never a match by luck). */
const PARAM_VALUES: Record<string, string> = { kind: 'sources' };

/**
 * Acceptance 4 of issue 13: every operation of the generated OpenAPI document names the
 * permission it needs (`x-permission`, from the route's config), and an API token without
 * that scope is refused with 403 while one with it gets past the check. A new route that
 * declares nothing fails here, and tokens cannot reach it (decision 0028).
 */
describe('API token scopes over the OpenAPI document', () => {
  let t: TestApp;
  let org: TestOrg;
  const tokens = new Map<string, string>();
  /** A club system's deliveries name a real source: an unknown one is 404 before any token. */
  let sourceId = '';
  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t.app);
    const source = await org.owner.request('POST', '/api/event-sources', {
      name: 'Booking',
      kind: 'booking',
    });
    sourceId = source.json<{ source: { id: string } }>().source.id;
  });
  afterAll(() => t.close());

  async function tokenWith(scopes: readonly TokenScope[]): Promise<string> {
    const key = [...scopes].sort().join(',');
    const known = tokens.get(key);
    if (known) return known;
    const res = await org.owner.request('POST', '/api/api-tokens', {
      name: `Scopes ${tokens.size + 1}`,
      scopes,
    });
    expect(res.statusCode, res.body).toBe(201);
    const { secret } = res.json<{ secret: string }>();
    tokens.set(key, secret);
    return secret;
  }

  const call = (secret: string, method: string, path: string) =>
    t.app.inject({
      method: method.toUpperCase() as 'GET',
      url: path,
      headers: { authorization: `Bearer ${secret}` },
      ...(method !== 'get' && method !== 'delete' && { payload: {} }),
    });

  it('every operation declares its permission, and tokens are held to it', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, Operation>>;
    }>();
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method, op })),
    );
    expect(operations.length).toBeGreaterThan(100);
    const checked: string[] = [];
    for (const { path, method, op } of operations) {
      const name = `${method.toUpperCase()} ${path}`;
      const permission = op['x-permission'];
      if (permission === undefined) {
        // Only a public route may name none (it says so with an empty security list).
        expect(op.security, `${name} declares no x-permission`).toEqual([]);
        continue;
      }
      const url = path.startsWith('/api/event-sources/{id}/events')
        ? path.replace('{id}', sourceId)
        : path.replace(/\{(\w+)\}/g, (_, p: string) => PARAM_VALUES[p] ?? randomUUID());
      if (permission === 'session') {
        const res = await call(await tokenWith(TOKEN_SCOPES), method, url);
        expect({ name, status: res.statusCode }).toEqual({ name, status: 401 });
        continue;
      }
      expect(PERMISSIONS, name).toContain(permission);
      const granting = TOKEN_SCOPES.filter((s) =>
        tokenPermissions([s]).includes(permission as Permission),
      );
      const without = TOKEN_SCOPES.filter((s) => !granting.includes(s));
      const refused = await call(await tokenWith(without), method, url);
      expect({ name, status: refused.statusCode }).toEqual({ name, status: 403 });
      if (granting.length > 0 && !streams(op)) {
        const allowed = await call(await tokenWith([granting[0]!]), method, url);
        expect({
          name,
          forbidden: allowed.statusCode === 403 || allowed.statusCode === 401,
        }).toEqual({ name, forbidden: false });
      }
      checked.push(name);
    }
    expect(checked.length).toBeGreaterThan(80);
  });

  it('keeps a token without scopes in the request to what tokens could do before', async () => {
    const created = await org.owner.request('POST', '/api/api-tokens', { name: 'Old style' });
    expect(created.json<{ token: ApiToken }>().token.scopes.sort()).toEqual(
      [
        'branches.read',
        'contacts.read',
        'contacts.write',
        'events.write',
        'organization.read',
        'tasks.read',
        'tasks.write',
      ].sort(),
    );
  });

  it('refuses a token after its expiry, and an expiry in the past', async () => {
    const past = await org.owner.request('POST', '/api/api-tokens', {
      name: 'Past',
      scopes: ['contacts.read'],
      expiresAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(past.statusCode).toBe(400);
    expect(past.json<{ fields: Record<string, string> }>().fields).toHaveProperty('expiresAt');

    const soon = new Date(Date.now() + 1_500);
    const created = await org.owner.request('POST', '/api/api-tokens', {
      name: 'Soon over',
      scopes: ['organization.read'],
      expiresAt: soon.toISOString(),
    });
    const { token, secret } = created.json<{ token: ApiToken; secret: string }>();
    expect(token.expiresAt).toBe(soon.toISOString());
    const read = () => call(secret, 'get', '/api/organization');
    expect((await read()).statusCode).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, soon.getTime() - Date.now() + 50));
    expect((await read()).statusCode).toBe(401);
  });
});
