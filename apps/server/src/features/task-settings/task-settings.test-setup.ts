/** Shared set-up of the task settings API tests. */
import type { TaskStatus, TaskTemplate } from '@spotter/contracts';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { tasks } from '../tasks/index.ts';
import { ok, type Client } from '../../../test/test-app.ts';

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
