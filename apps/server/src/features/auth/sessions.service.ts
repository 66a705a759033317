import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import type { JobDefinitions } from '../jobs/index.ts';
import { deleteExpiredChallenges } from './login-challenges.repo.ts';
import * as repo from './sessions.repo.ts';

const sweepChallenges = (db: Db) => deleteExpiredChallenges(db, new Date());

export const SESSION_COOKIE = 'spotter_session';
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** Sliding expiry, but write at most once an hour per session rather than on every request. */
const TOUCH_AFTER_MS = 60 * 60 * 1000;

/** The table stores a keyed hash, so a copy of the database cannot be used to log in. */
export function sessionId(secret: string, token: string): string {
  return createHmac('sha256', secret).update(token).digest('hex');
}

export async function startSession(
  db: Db,
  secret: string,
  user: { id: string; orgId: string },
  meta: { ip: string; userAgent: string | undefined },
) {
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  await repo.insertSession(db, {
    id: sessionId(secret, token),
    orgId: user.orgId,
    userId: user.id,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

export async function resolveSession(db: Db, secret: string, token: string) {
  const now = new Date();
  const id = sessionId(secret, token);
  const found = await repo.findLiveSession(db, id, now);
  if (!found) return undefined;
  if (now.getTime() - found.session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await repo.touchSession(db, id, now, new Date(now.getTime() + SESSION_TTL_MS));
  }
  const { twoStepUserId, ...rest } = found;
  return { ...rest, twoStepEnabled: twoStepUserId !== null };
}

export function endSession(db: Db, secret: string, token: string) {
  return repo.deleteSession(db, sessionId(secret, token));
}

export function endSessionsOfUser(db: Db, orgId: string, userId: string) {
  return repo.deleteSessionsOfUser(db, orgId, userId);
}

const SWEEP_EVERY_MS = 6 * 60 * 60 * 1000;

/** Expired sessions and logins are useless rows: a recurring job removes them every six hours. */
export const sessionJobs: JobDefinitions = {
  'sessions.sweep': {
    every: SWEEP_EVERY_MS,
    // Sessions expire by the real clock (resolveSession reads it), not the app's pinnable one.
    run: async (db) => {
      await repo.deleteExpiredSessions(db, new Date());
      await sweepChallenges(db);
    },
  },
};
