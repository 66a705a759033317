/** Shared set-up of the task settings API tests. */
import type { TaskStatus, TaskTemplate } from '@spotter/contracts';
import { eq } from 'drizzle-orm';
import { buildApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { tasks } from '../tasks/index.ts';
import { testConfig, type Client, type TestApp } from '../../../test/test-app.ts';
import { createTestDatabase } from '../../../test/test-db.ts';
import { taskSettingsRoutes } from './task-settings.routes.ts';

/**
 * `createTestApp`, plus the settings routes while app.ts does not register them yet (the lead
 * wires features into app.ts); once it does, this is `createTestApp()`.
 */
export async function createSettingsTestApp(): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig();
  const app = await buildApp(config, { database, logger: false });
  if (!app.hasRoute({ method: 'GET', url: '/api/settings/task-templates' })) {
    await app.register(taskSettingsRoutes);
  }
  await app.ready();
  return { app, database, config, close: () => app.close() };
}

export async function ok<T>(
  client: Client,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
): Promise<T> {
  const res = await client.request(method, url, body);
  if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode}: ${res.body}`);
  return res.json<T>();
}

export async function templatesOf(client: Client, includeArchived = false) {
  const query = includeArchived ? '?includeArchived=true' : '';
  return (
    await ok<{ items: TaskTemplate[] }>(client, 'GET', `/api/settings/task-templates${query}`)
  ).items;
}

export async function defaultTemplate(client: Client, type: TaskTemplate['type']) {
  return (await templatesOf(client)).find((t) => t.isDefault && t.type === type)!;
}

export async function statusesOf(client: Client, includeArchived = false) {
  const query = includeArchived ? '?includeArchived=true' : '';
  return (await ok<{ items: TaskStatus[] }>(client, 'GET', `/api/settings/task-statuses${query}`))
    .items;
}

/** Writes a task straight to the table: these tests are about settings, not the tasks API. */
export async function insertTask(
  db: Db,
  values: Partial<typeof tasks.$inferInsert> & { orgId: string; templateId: string },
) {
  const [row] = await db
    .insert(tasks)
    .values({ type: 'call', ...values })
    .returning();
  return row!;
}

export async function completeTask(db: Db, id: string) {
  await db.update(tasks).set({ completedAt: new Date() }).where(eq(tasks.id, id));
}
