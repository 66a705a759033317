/** Shared by the task API tests: a pinned clock, an organization with task settings, helpers. */
import type { Task, TaskCreate } from '@spotter/contracts';
import { beforeEach, expect } from 'vitest';
import { createOrg, useTestApp, type Client, type TestApp } from '../../../test/test-app.ts';
import { seedTaskFixture, type FixtureOptions } from './tasks.fixtures.ts';

/** A movable clock: `clock.now` is what the app sees as "now". */
export interface Clock {
  now: Date;
}

/** Wednesday 11 March 2026, 10:00 in Stockholm (CET, UTC+1). */
export const WEDNESDAY_10 = new Date('2026-03-11T09:00:00Z');

/**
 * A test file's app on a movable clock that every test starts at WEDNESDAY_10: tests move
 * `clock.now`, the app reads it.
 */
export function useTaskTestApp(): { t: TestApp; clock: Clock } {
  const clock: Clock = { now: WEDNESDAY_10 };
  const t = useTestApp({ now: () => clock.now });
  beforeEach(() => {
    clock.now = WEDNESDAY_10;
  });
  return { t, clock };
}

export async function taskOrg(t: TestApp, opts: FixtureOptions & { timezone?: string } = {}) {
  const org = await createOrg(t.app, opts.timezone ? { timezone: opts.timezone } : {});
  const fx = await seedTaskFixture(t.database.db, org.orgId, opts);
  return { org, fx, db: t.database.db };
}

export async function createTaskAs(client: Client, body: TaskCreate): Promise<Task> {
  const res = await client.request('POST', '/api/tasks', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Task>();
}

export async function getTask(client: Client, id: string): Promise<Task> {
  const res = await client.request('GET', `/api/tasks/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Task>();
}
