import { createHash, randomBytes } from 'node:crypto';
import type { CalendarFeed, Role } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { actorCan, type Actor } from '../../lib/actor.ts';
import { notFound } from '../../lib/errors.ts';
import { crmRolesOf } from '../organizations/index.ts';
import { taskVisibility } from '../tasks/index.ts';
import * as repo from './calendar-feed.repo.ts';
import { buildCalendar, type CalendarEvent } from './ical.ts';
import { requireStaff } from './notifications.service.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const EVENT_MS = 15 * 60 * 1000;
/** A calendar app needs the coming work and a little of the past, not every task ever. */
const PAST_MS = 30 * DAY_MS;
const MAX_EVENTS = 1000;
/** 32 random bytes in base64url. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const feedPath = (token: string) => `/api/calendar/${token}.ics`;

/** Whether the user has a feed; its URL cannot be shown again (only a hash is stored). */
export async function getMyFeed(db: Db, actor: Actor): Promise<CalendarFeed> {
  const userId = requireStaff(actor);
  return { url: null, active: await repo.feedExists(db, actor.orgId, userId) };
}

/** Creates the feed, or replaces its secret (the old URL stops working). The URL is shown once. */
export async function rotateMyFeed(db: Db, actor: Actor): Promise<CalendarFeed> {
  const userId = requireStaff(actor);
  const token = randomBytes(32).toString('base64url');
  await repo.saveFeed(db, actor.orgId, userId, hashToken(token));
  return { url: feedPath(token), active: true };
}

export async function deleteMyFeed(db: Db, actor: Actor): Promise<void> {
  const userId = requireStaff(actor);
  await repo.deleteFeed(db, actor.orgId, userId);
}

/**
 * The iCalendar text behind a feed secret: the owner's open tasks with a due time, the last
 * 30 days and up to 1,000 coming ones, each a 15-minute event. An unknown or revoked secret,
 * or a user who lost access to tasks, is a 404.
 */
export async function renderFeed(
  db: Db,
  token: string,
  now: Date,
  baseUrl: string | undefined,
): Promise<string> {
  if (!TOKEN.test(token)) throw notFound('Calendar');
  const owner = await repo.findFeedOwner(db, hashToken(token));
  const actor: Actor | undefined = owner && {
    orgId: owner.orgId,
    userId: owner.userId,
    role: owner.role as Role,
    via: 'session',
    // A role the CRM settings leave out has no tasks, and so no calendar of them (U-2).
    crmRoles: crmRolesOf(owner),
  };
  if (!owner || !actor || !actorCan(actor, 'tasks.read')) throw notFound('Calendar');
  const visibility = await taskVisibility(db, actor);
  const past = await repo.feedTasks(db, visibility, owner.userId, {
    from: new Date(now.getTime() - PAST_MS),
    to: now,
    limit: MAX_EVENTS,
    newestFirst: true,
  });
  const coming = await repo.feedTasks(db, visibility, owner.userId, {
    from: now,
    limit: MAX_EVENTS,
  });
  const events: CalendarEvent[] = [...past.reverse(), ...coming].map((t) => ({
    uid: `${t.id}@spotter`,
    start: t.dueAt!,
    end: new Date(t.dueAt!.getTime() + EVENT_MS),
    summary: t.contactName ? `${t.name} — ${t.contactName}` : t.name,
    description: t.comment,
    url: baseUrl && `${baseUrl}/tasks/${t.id}`,
  }));
  return buildCalendar({ name: `Spotter: ${owner.orgName}`, now, events });
}
