import type { CalendarFeed, Person } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import { tasks } from '../../schema.ts';
import { createOrg, createStaff, useTestApp } from '../../../test/test-app.ts';
import { formatUtc } from './ical.ts';
import { at, insertTask, MINUTE, templateId } from './notifications.fixtures.ts';

const NOW = new Date('2025-03-10T09:00:00.000Z');
const DAY = 24 * 60 * MINUTE;
/** RFC 5545 3.1: a CRLF followed by one space is removed when reading. */
const unfold = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n');

describe('calendar feed', () => {
  const t = useTestApp({ now: () => NOW });

  const fetchFeed = (url: string) => t.app.inject({ method: 'GET', url });

  it("is made and rotated by its user, shown once, and serves that user's open tasks", async () => {
    const org = await createOrg(t.app);
    const sales = await createStaff(t.app, org, 'sales');
    const none = await org.owner.request('GET', '/api/me/calendar-feed');
    expect(none.json<CalendarFeed>()).toEqual({ url: null, active: false });

    const made = (
      await org.owner.request('POST', '/api/me/calendar-feed', {})
    ).json<CalendarFeed>();
    expect(made.active).toBe(true);
    expect(made.url).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const later = await org.owner.request('GET', '/api/me/calendar-feed');
    expect(later.json<CalendarFeed>()).toEqual({ url: null, active: true });

    const person = (
      await org.owner.request('POST', '/api/persons', { firstName: 'Åsa', lastName: 'Öberg' })
    ).json<{ person: Person }>().person;
    const mine = { orgId: org.orgId, assigneeId: org.ownerId };
    const call = await insertTask(t.app.db, {
      ...mine,
      contactId: person.id,
      dueAt: new Date('2025-03-11T14:30:00Z'),
      comment: 'Ask about the family plan, then; book\na trial',
    });
    const overdue = await insertTask(t.app.db, {
      ...mine,
      template: 'Internal task',
      dueAt: at(NOW, -10 * DAY),
    });
    const tooOld = await insertTask(t.app.db, { ...mine, dueAt: at(NOW, -40 * DAY) });
    const done = await insertTask(t.app.db, {
      ...mine,
      dueAt: at(NOW, DAY),
      completedAt: at(NOW, -MINUTE),
    });
    const noDue = await insertTask(t.app.db, { ...mine, dueAt: null });
    const colleagues = await insertTask(t.app.db, {
      ...mine,
      assigneeId: sales.id,
      dueAt: at(NOW, DAY),
    });

    const res = await fetchFeed(made.url!);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['cache-control']).toBe('private, no-store');
    const lines = unfold(res.body);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    const uids = lines.filter((l) => l.startsWith('UID:'));
    expect(uids).toEqual([`UID:${overdue}@spotter`, `UID:${call}@spotter`]);
    for (const id of [tooOld, done, noDue, colleagues]) expect(res.body).not.toContain(id);
    expect(lines).toContain('DTSTART:20250311T143000Z');
    expect(lines).toContain('DTEND:20250311T144500Z');
    expect(lines).toContain('SUMMARY:Personal call — Åsa Öberg');
    expect(lines).toContain('SUMMARY:Internal task');
    expect(lines).toContain('DESCRIPTION:Ask about the family plan\\, then\\; book\\na trial');
    expect(lines).toContain(`URL:http://localhost/tasks/${call}`);
  });

  it('stops serving a rotated or revoked secret, and a made-up one', async () => {
    const org = await createOrg(t.app);
    const first = (await org.owner.request('POST', '/api/me/calendar-feed')).json<CalendarFeed>();
    const second = (await org.owner.request('POST', '/api/me/calendar-feed')).json<CalendarFeed>();
    expect(second.url).not.toBe(first.url);
    expect((await fetchFeed(first.url!)).statusCode).toBe(404);
    expect((await fetchFeed(second.url!)).statusCode).toBe(200);

    expect((await org.owner.request('DELETE', '/api/me/calendar-feed')).statusCode).toBe(204);
    expect((await fetchFeed(second.url!)).statusCode).toBe(404);
    const after = await org.owner.request('GET', '/api/me/calendar-feed');
    expect(after.json<CalendarFeed>()).toEqual({ url: null, active: false });

    expect((await fetchFeed(`/api/calendar/${'A'.repeat(43)}.ics`)).statusCode).toBe(404);
    expect((await fetchFeed('/api/calendar/short.ics')).statusCode).toBe(404);
  });

  it("stops when its user is deactivated; one user's feed is not another's", async () => {
    const org = await createOrg(t.app);
    const sales = await createStaff(t.app, org, 'sales');
    const own = (await sales.client.request('POST', '/api/me/calendar-feed')).json<CalendarFeed>();
    const owners = (await org.owner.request('GET', '/api/me/calendar-feed')).json<CalendarFeed>();
    expect(owners.active).toBe(false);
    expect((await fetchFeed(own.url!)).statusCode).toBe(200);
    const off = await org.owner.request('PATCH', `/api/users/${sales.id}`, { active: false });
    expect(off.statusCode).toBe(200);
    expect((await fetchFeed(own.url!)).statusCode).toBe(404);
  });

  it('holds at most 1,000 coming events (plus the last 30 days)', async () => {
    const org = await createOrg(t.app);
    const template = await templateId(t.app.db, org.orgId);
    await t.app.db.insert(tasks).values(
      Array.from({ length: 1005 }, (_, i) => ({
        orgId: org.orgId,
        type: 'call' as const,
        templateId: template,
        assigneeId: org.ownerId,
        dueAt: at(NOW, (i + 1) * 60 * MINUTE),
      })),
    );
    await insertTask(t.app.db, { orgId: org.orgId, assigneeId: org.ownerId, dueAt: at(NOW, -DAY) });
    const feed = (await org.owner.request('POST', '/api/me/calendar-feed')).json<CalendarFeed>();
    const res = await fetchFeed(feed.url!);
    const starts = unfold(res.body).filter((l) => l.startsWith('DTSTART:'));
    expect(starts).toHaveLength(1001);
    // Soonest first: the last of the coming thousand is due in 1,000 hours.
    expect(starts.at(-1)).toBe(`DTSTART:${formatUtc(at(NOW, 1000 * 60 * MINUTE))}`);
  });
});
