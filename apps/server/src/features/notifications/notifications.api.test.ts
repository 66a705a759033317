import type { Notification, Person } from '@spotter/contracts';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createOrg, createStaff, useTestApp } from '../../../test/test-app.ts';
import { expectTenantIsolation } from '../../../test/tenant-isolation.ts';
import { insertTask } from './notifications.fixtures.ts';
import { insertNotification } from './notifications.repo.ts';

interface Page {
  items: Notification[];
  nextCursor: string | null;
  unread: number;
}

describe('notifications (T-10)', () => {
  const clock = { now: new Date('2025-03-10T09:00:00.000Z') };
  const t = useTestApp({ now: () => clock.now });

  const notify = (orgId: string, userId: string, text: string, taskId: string | null = null) =>
    insertNotification(t.app.db, { orgId, userId, kind: 'reminder', taskId, text });

  it('lists only my own, newest first, page by page, with the unread count', async () => {
    const org = await createOrg(t.app);
    const sales = await createStaff(t.app, org, 'sales');
    const mine: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const id = await notify(org.orgId, org.ownerId, `mine ${i}`);
      // The embedded database's clock ticks in milliseconds: two rows inserted in the same one
      // would tie on created_at and fall back to their random ids. A minute apart, the order is
      // the one this test means.
      await t.app.db.execute(
        sql`update notifications set created_at = ${`2025-03-10T08:0${i}:00.000Z`}::timestamptz where id = ${id}`,
      );
      mine.push(id);
    }
    await notify(org.orgId, sales.id, 'for sales');

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const res = await org.owner.request('GET', `/api/notifications${query}`);
      expect(res.statusCode).toBe(200);
      const page = res.json<Page>();
      expect(page.items.length).toBeLessThanOrEqual(2);
      expect(page.unread).toBe(5);
      seen.push(...page.items.map((n) => n.text));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['mine 5', 'mine 4', 'mine 3', 'mine 2', 'mine 1']);

    const salesList = (await sales.client.request('GET', '/api/notifications')).json<Page>();
    expect(salesList.items.map((n) => n.text)).toEqual(['for sales']);
    expect(salesList.unread).toBe(1);
  });

  it('marks one read (the first time counts), filters unread, and reads all', async () => {
    const org = await createOrg(t.app);
    const sales = await createStaff(t.app, org, 'sales');
    const first = await notify(org.orgId, org.ownerId, 'first');
    await notify(org.orgId, org.ownerId, 'second');
    await notify(org.orgId, sales.id, 'sales keeps this unread');

    clock.now = new Date('2025-03-10T09:05:00.000Z');
    const read = await org.owner.request('POST', `/api/notifications/${first}/read`, {});
    expect(read.statusCode).toBe(200);
    expect(read.json<Notification>()).toMatchObject({
      id: first,
      text: 'first',
      readAt: '2025-03-10T09:05:00.000Z',
    });
    clock.now = new Date('2025-03-10T10:00:00.000Z');
    const again = await org.owner.request('POST', `/api/notifications/${first}/read`);
    expect(again.json<Notification>().readAt).toBe('2025-03-10T09:05:00.000Z');

    const unread = (await org.owner.request('GET', '/api/notifications?unread=true')).json<Page>();
    expect(unread.items.map((n) => n.text)).toEqual(['second']);
    expect(unread.unread).toBe(1);

    const all = await org.owner.request('POST', '/api/notifications/read-all', {});
    expect(all.statusCode).toBe(204);
    const after = (await org.owner.request('GET', '/api/notifications')).json<Page>();
    expect(after.unread).toBe(0);
    expect(after.items.every((n) => n.readAt !== null)).toBe(true);
    expect((await sales.client.request('GET', '/api/notifications')).json<Page>().unread).toBe(1);
  });

  it("another user's notification is not found, and stays unread", async () => {
    const org = await createOrg(t.app);
    const sales = await createStaff(t.app, org, 'sales');
    const theirs = await notify(org.orgId, sales.id, 'private to sales');
    const res = await org.owner.request('POST', `/api/notifications/${theirs}/read`);
    expect(res.statusCode).toBe(404);
    await org.owner.request('POST', '/api/notifications/read-all');
    const list = (await sales.client.request('GET', '/api/notifications')).json<Page>();
    expect(list.items[0]).toMatchObject({ id: theirs, readAt: null });
  });

  it('names the task and its person, but not a task I can no longer see', async () => {
    const org = await createOrg(t.app);
    const sales = await createStaff(t.app, org, 'sales');
    const created = await org.owner.request('POST', '/api/persons', {
      firstName: 'Åsa',
      lastName: 'Öberg',
    });
    const person = created.json<{ person: Person }>().person;
    const task = await insertTask(t.app.db, {
      orgId: org.orgId,
      assigneeId: sales.id,
      contactId: person.id,
    });
    // The owner's private to-do: a stale notification about it must not reveal it to sales.
    const hidden = await insertTask(t.app.db, {
      orgId: org.orgId,
      assigneeId: org.ownerId,
      type: 'internal',
      template: 'Private errand',
      private: true,
    });
    await notify(org.orgId, sales.id, 'Personal call', task);
    await notify(org.orgId, sales.id, 'Private errand', hidden);
    const list = (await sales.client.request('GET', '/api/notifications')).json<Page>();
    expect(list.items.map((n) => n.task)).toEqual([
      null,
      { id: task, name: 'Personal call', contactName: 'Åsa Öberg' },
    ]);
  });

  it('refuses a bad cursor, staff without tasks, and API tokens', async () => {
    const org = await createOrg(t.app);
    const bad = await org.owner.request('GET', '/api/notifications?cursor=nonsense');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toHaveProperty('cursor');
    const instructor = await createStaff(t.app, org, 'instructor');
    expect((await instructor.client.request('GET', '/api/notifications')).statusCode).toBe(403);
    expect((await instructor.client.request('GET', '/api/me/badge')).statusCode).toBe(403);
    const token = await org.owner.request('POST', '/api/api-tokens', { name: 'Booking' });
    const secret = token.json<{ secret: string }>().secret;
    const viaToken = await t.app.inject({
      method: 'GET',
      url: '/api/notifications',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(viaToken.statusCode).toBe(401);
    expect(viaToken.json().code).toBe('session_required');
    expect((await t.app.inject({ method: 'GET', url: '/api/me/badge' })).statusCode).toBe(401);
  });

  it('another organization can neither read nor mark them', async () => {
    await expectTenantIsolation(t.app, {
      create: (org) => notify(org.orgId, org.ownerId, 'their reminder'),
      routes: [{ method: 'POST', path: '/api/notifications/:id/read', body: {} }],
      lists: ['/api/notifications', '/api/notifications?unread=true'],
      read: async (org) => (await org.owner.request('GET', '/api/notifications')).json<Page>(),
    });
  });
});
