import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { loginChallenges } from './login-challenges.table.ts';

export async function insertChallenge(db: Db, row: typeof loginChallenges.$inferInsert) {
  await db.insert(loginChallenges).values(row);
}

export async function findLiveChallenge(db: Db, id: string, now: Date) {
  const [row] = await db
    .select()
    .from(loginChallenges)
    .where(and(eq(loginChallenges.id, id), gt(loginChallenges.expiresAt, now)));
  return row;
}

/** Counts a wrong code; the challenge goes once it has had `max` of them. */
export async function countFailure(db: Db, id: string, max: number) {
  const [row] = await db
    .update(loginChallenges)
    .set({ failures: sql`${loginChallenges.failures} + 1` })
    .where(eq(loginChallenges.id, id))
    .returning({ failures: loginChallenges.failures });
  if (row && row.failures >= max) await deleteChallenge(db, id);
}

/** True for the one caller that removed it: a challenge opens one session at most. */
export async function deleteChallenge(db: Db, id: string) {
  const rows = await db
    .delete(loginChallenges)
    .where(eq(loginChallenges.id, id))
    .returning({ id: loginChallenges.id });
  return rows.length > 0;
}

export async function deleteExpiredChallenges(db: Db, now: Date) {
  await db.delete(loginChallenges).where(lt(loginChallenges.expiresAt, now));
}
