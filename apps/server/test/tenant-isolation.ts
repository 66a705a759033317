import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { createOrg, type Method, type TestOrg } from './test-app.ts';

export interface IsolationCase {
  /** Creates a record in `org` and returns its id. */
  create(org: TestOrg): Promise<string>;
  /** Every route that takes the id; `:id` is replaced by the other organization's id. */
  routes: Array<{ method: Method; path: string; body?: unknown }>;
  /** List routes whose JSON `items` must never show the other organization's record. */
  lists?: string[];
  /** Reads the record as its own organization, to prove nothing changed. */
  read(org: TestOrg, id: string): Promise<unknown>;
}

/**
 * Two organizations; every route of a feature is tried by one with the other's ids.
 * Each answer must be 404 (never 403, which would confirm the id exists), and the other
 * organization's record must be exactly as it was.
 */
export async function expectTenantIsolation(app: FastifyInstance, c: IsolationCase) {
  const mine = await createOrg(app);
  const theirs = await createOrg(app);
  const theirId = await c.create(theirs);
  const before = await c.read(theirs, theirId);

  for (const route of c.routes) {
    const url = route.path.replace(':id', theirId);
    const res = await mine.owner.request(route.method, url, route.body);
    expect({ route: `${route.method} ${route.path}`, status: res.statusCode }).toEqual({
      route: `${route.method} ${route.path}`,
      status: 404,
    });
  }
  for (const list of c.lists ?? []) {
    const res = await mine.owner.request('GET', list);
    expect(res.statusCode).toBe(200);
    const ids = (res.json<{ items: Array<{ id: string }> }>().items ?? []).map((i) => i.id);
    expect(ids).not.toContain(theirId);
  }
  expect(await c.read(theirs, theirId)).toEqual(before);
  return { mine, theirs, theirId };
}
