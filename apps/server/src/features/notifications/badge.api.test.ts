import type { Badge } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import { createOrg, createStaff, ok, useTestApp } from '../../../test/test-app.ts';
import { insertTask, MINUTE } from './notifications.fixtures.ts';
import { insertNotification } from './notifications.repo.ts';

// Sunday 23:30 in Stockholm is already Monday 05:30 in Novosibirsk.
const NOW = new Date('2025-03-09T22:30:00.000Z');
const utc = (iso: string) => new Date(iso);

describe('the badge (T-10)', () => {
  const t = useTestApp({ now: () => NOW });

  it("counts my open to-dos due before the club's tomorrow, and the overdue ones", async () => {
    const org = await createOrg(t.app, { timezone: 'Europe/Stockholm' });
    const sales = await createStaff(t.app, org, 'sales');
    const mine = { orgId: org.orgId, assigneeId: org.ownerId };
    await insertTask(t.app.db, { ...mine, dueAt: utc('2025-03-07T08:00:00Z') }); // overdue
    await insertTask(t.app.db, { ...mine, dueAt: new Date(NOW.getTime() - 10 * MINUTE) }); // overdue
    await insertTask(t.app.db, { ...mine, dueAt: utc('2025-03-09T22:45:00Z') }); // today 23:45
    await insertTask(t.app.db, { ...mine, dueAt: utc('2025-03-10T08:00:00Z') }); // Monday 09:00
    await insertTask(t.app.db, { ...mine, dueAt: null });
    await insertTask(t.app.db, {
      ...mine,
      dueAt: utc('2025-03-08T08:00:00Z'),
      completedAt: utc('2025-03-08T09:00:00Z'),
    });
    // A call round counts through its calls, not itself.
    await insertTask(t.app.db, { ...mine, type: 'round', dueAt: utc('2025-03-08T08:00:00Z') });
    await insertTask(t.app.db, {
      ...mine,
      assigneeId: sales.id,
      dueAt: utc('2025-03-08T08:00:00Z'),
    });
    await insertNotification(t.app.db, {
      ...mine,
      userId: org.ownerId,
      kind: 'reminder',
      taskId: null,
    });

    expect(await ok<Badge>(org.owner, 'GET', '/api/me/badge')).toEqual({
      todo: 3,
      overdue: 2,
      unreadNotifications: 1,
    });
    expect(await ok<Badge>(sales.client, 'GET', '/api/me/badge')).toEqual({
      todo: 1,
      overdue: 1,
      unreadNotifications: 0,
    });
  });

  it("uses the organization's timezone: the same instant is today in Novosibirsk", async () => {
    const stockholm = await createOrg(t.app, { timezone: 'Europe/Stockholm' });
    const novosibirsk = await createOrg(t.app, { timezone: 'Asia/Novosibirsk' });
    for (const org of [stockholm, novosibirsk]) {
      // Monday 09:00 in Stockholm, Monday 15:00 in Novosibirsk.
      await insertTask(t.app.db, {
        orgId: org.orgId,
        assigneeId: org.ownerId,
        dueAt: utc('2025-03-10T08:00:00Z'),
      });
    }
    expect((await ok<Badge>(stockholm.owner, 'GET', '/api/me/badge')).todo).toBe(0);
    expect((await ok<Badge>(novosibirsk.owner, 'GET', '/api/me/badge')).todo).toBe(1);
  });
});
