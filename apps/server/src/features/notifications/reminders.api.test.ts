import type { Badge, Notification } from '@spotter/contracts';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openPostgres, type Database } from '../../db/client.ts';
import type { Db } from '../../db/client.ts';
import { tasks } from '../../schema.ts';
import { createOrg, createTestApp, ok, useTestApp, type TestApp } from '../../../test/test-app.ts';
import { createPostgresTestUrl, createTestDatabase, testDbKind } from '../../../test/test-db.ts';
import { at, insertTask, MINUTE, templateId } from './notifications.fixtures.ts';
import { notifications } from './notifications.table.ts';
import { runReminderSweep } from '../tasks/reminder-sweep.ts';

const T = new Date('2025-03-10T09:00:00.000Z');

async function notificationsOf(db: Db, taskId: string) {
  return db.select().from(notifications).where(eq(notifications.taskId, taskId));
}

/** A database that outlives one app: PostgreSQL reopens by URL, PGlite keeps its instance. */
async function restartableDatabase() {
  if (testDbKind === 'postgres') {
    const url = await createPostgresTestUrl();
    return { open: () => openPostgres(url), finish: async () => {} };
  }
  const shared = await createTestDatabase();
  // An app closes its database on close: hand each app a handle whose close does nothing.
  const handle = (): Database => ({ ...shared, close: async () => {} });
  return { open: async () => handle(), finish: () => shared.close() };
}

describe('reminders (T-10, acceptance 5)', () => {
  const clock = { now: T };
  const t = useTestApp({ now: () => clock.now });

  it('a reminder set a minute ahead fires once: notification, badge, no repeat', async () => {
    clock.now = T;
    const org = await createOrg(t.app);
    const taskId = await insertTask(t.app.db, {
      orgId: org.orgId,
      assigneeId: org.ownerId,
      dueAt: at(T, 2 * 60 * MINUTE),
      remindAt: at(T, MINUTE),
    });
    const badge = () => ok<Badge>(org.owner, 'GET', '/api/me/badge');
    expect((await badge()).unreadNotifications).toBe(0);

    await runReminderSweep(t.app.db, at(T, 30_000));
    expect(await notificationsOf(t.app.db, taskId)).toHaveLength(0);

    clock.now = at(T, 61_000);
    await runReminderSweep(t.app.db, clock.now);
    // The app's own worker may have claimed it first: wait for its commit.
    const fired = await vi.waitFor(async () => {
      const rows = await notificationsOf(t.app.db, taskId);
      expect(rows).toHaveLength(1);
      return rows;
    });
    expect(fired[0]).toMatchObject({
      userId: org.ownerId,
      kind: 'reminder',
      text: 'Personal call',
    });
    expect((await badge()).unreadNotifications).toBe(1);
    const list = await ok<{ items: Notification[] }>(org.owner, 'GET', '/api/notifications');
    expect(list.items[0]).toMatchObject({
      kind: 'reminder',
      task: { id: taskId, name: 'Personal call', contactName: null },
      readAt: null,
    });

    expect(await runReminderSweep(t.app.db, at(T, 5 * MINUTE))).toBe(0);
    expect(await notificationsOf(t.app.db, taskId)).toHaveLength(1);
    const [row] = await t.app.db.select().from(tasks).where(eq(tasks.id, taskId));
    expect(row!.remindedAt).toEqual(at(T, 61_000));
  });

  it('skips done tasks, tasks with nobody assigned and reminders still ahead', async () => {
    const org = await createOrg(t.app);
    const base = { orgId: org.orgId, remindAt: at(T, -MINUTE) };
    const done = await insertTask(t.app.db, {
      ...base,
      assigneeId: org.ownerId,
      completedAt: at(T, -2 * MINUTE),
    });
    const nobody = await insertTask(t.app.db, { ...base, assigneeId: null });
    const ahead = await insertTask(t.app.db, {
      ...base,
      assigneeId: org.ownerId,
      remindAt: at(T, 10 * MINUTE),
    });
    await runReminderSweep(t.app.db, T);
    for (const id of [done, nobody, ahead]) expect(await notificationsOf(t.app.db, id)).toEqual([]);
  });
});

describe('reminders across a restart', () => {
  it('fire once when the server restarts between setting and firing, and not again after', async () => {
    const database = await restartableDatabase();
    const clock = { now: T };
    const app1 = await createTestApp({ database: await database.open(), now: () => clock.now });
    const org = await createOrg(app1.app);
    const taskId = await insertTask(app1.app.db, {
      orgId: org.orgId,
      assigneeId: org.ownerId,
      remindAt: at(T, MINUTE),
    });
    await runReminderSweep(app1.app.db, at(T, 30_000));
    await app1.close();

    clock.now = at(T, 61_000);
    // A new app sweeps on start by itself; the explicit sweep then skips the row the worker
    // holds, so wait for the worker's transaction to commit.
    const app2 = await createTestApp({ database: await database.open(), now: () => clock.now });
    await runReminderSweep(app2.app.db, clock.now);
    await vi.waitFor(async () =>
      expect(await notificationsOf(app2.app.db, taskId)).toHaveLength(1),
    );
    await app2.close();

    clock.now = at(T, 10 * MINUTE);
    const app3 = await createTestApp({ database: await database.open(), now: () => clock.now });
    await runReminderSweep(app3.app.db, clock.now);
    expect(await notificationsOf(app3.app.db, taskId)).toHaveLength(1);
    await app3.close();
    await database.finish();
  });
});

describe.runIf(testDbKind === 'postgres')('reminders with two server instances', () => {
  let a: Database;
  let b: Database;
  let t: TestApp;
  beforeAll(async () => {
    const url = await createPostgresTestUrl();
    [a, b] = await Promise.all([openPostgres(url), openPostgres(url)]);
    // The app on `a` runs its own reminder worker too: a third sweeper in the race.
    t = await createTestApp({ database: a });
  });
  afterAll(async () => {
    await t.close();
    await b.close();
  });

  it('fire each reminder exactly once in total', async () => {
    const org = await createOrg(t.app);
    const count = 300;
    const past = new Date(Date.now() - 60 * MINUTE);
    const template = await templateId(a.db, org.orgId);
    await a.db.insert(tasks).values(
      Array.from({ length: count }, (_, i) => ({
        orgId: org.orgId,
        type: 'call' as const,
        templateId: template,
        assigneeId: org.ownerId,
        remindAt: at(past, i * 1000),
      })),
    );
    // One sweep fires at most its batch (the app's own runner may have taken some first).
    const first = await runReminderSweep(b.db, new Date(), 7);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(7);
    // Small batches on both handles at once, so their claims interleave.
    const drain = async (db: Db) => {
      let total = 0;
      for (let n = -1; n !== 0; total += n) n = await runReminderSweep(db, new Date(), 7);
      return total;
    };
    await Promise.all([drain(a.db), drain(b.db), drain(a.db), drain(b.db)]);
    // A drain ends when it finds nothing it can lock: the app's own sweep may still hold a batch
    // (skipped by the others) and commit it a moment later, stamps and notifications together.
    const unstamped = async () =>
      (
        await a.db
          .select({ id: tasks.id })
          .from(tasks)
          .where(and(eq(tasks.orgId, org.orgId), isNull(tasks.remindedAt)))
      ).length;
    await expect.poll(unstamped, { timeout: 30_000, interval: 100 }).toBe(0);

    const rows = await a.db
      .select({ taskId: notifications.taskId, n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(eq(notifications.orgId, org.orgId))
      .groupBy(notifications.taskId);
    expect(rows).toHaveLength(count);
    expect(rows.every((r) => r.n === 1)).toBe(true);
  });
});
