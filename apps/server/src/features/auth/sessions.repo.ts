import { and, eq, gt, isNotNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { organizations } from '../organizations/index.ts';
import { twoStepSecrets } from '../two-step/index.ts';
import { users } from '../users/index.ts';
import { sessions } from './sessions.table.ts';

export async function insertSession(db: Db, row: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(row);
}

/**
 * One query per request: the session, its user (still active), their organization and whether
 * the user's two-step is on (which decides whether the organization sends them to set it up).
 * Built once per database handle and sent as a named statement, so neither the ORM nor the
 * server plans it again per request.
 */
function liveSessionQuery(db: Db) {
  return db
    .select({
      session: sessions,
      user: users,
      organization: organizations,
      twoStepUserId: twoStepSecrets.userId,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.id, sessions.userId), eq(users.orgId, sessions.orgId)))
    .innerJoin(organizations, eq(organizations.id, sessions.orgId))
    .leftJoin(
      twoStepSecrets,
      and(
        eq(twoStepSecrets.orgId, sessions.orgId),
        eq(twoStepSecrets.userId, sessions.userId),
        isNotNull(twoStepSecrets.secret),
      ),
    )
    .where(
      and(
        eq(sessions.id, sql.placeholder('id')),
        gt(sessions.expiresAt, sql.placeholder('now')),
        eq(users.active, true),
      ),
    )
    .prepare('auth_live_session');
}

const liveSession = new WeakMap<Db, ReturnType<typeof liveSessionQuery>>();

export async function findLiveSession(db: Db, id: string, now: Date) {
  let query = liveSession.get(db);
  if (!query) liveSession.set(db, (query = liveSessionQuery(db)));
  const [row] = await query.execute({ id, now });
  return row;
}

export async function touchSession(db: Db, id: string, now: Date, expiresAt: Date) {
  await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, id));
}

export async function deleteSession(db: Db, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteSessionsOfUser(db: Db, orgId: string, userId: string) {
  await db.delete(sessions).where(and(eq(sessions.orgId, orgId), eq(sessions.userId, userId)));
}

export async function deleteExpiredSessions(db: Db, now: Date) {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
