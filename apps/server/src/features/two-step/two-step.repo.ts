import { and, count, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { twoStepEvents, twoStepRecoveryCodes, twoStepSecrets } from './two-step.table.ts';

export type TwoStepRow = typeof twoStepSecrets.$inferSelect;

const ofUser = (orgId: string, userId: string) =>
  and(eq(twoStepSecrets.orgId, orgId), eq(twoStepSecrets.userId, userId));
const codesOf = (orgId: string, userId: string) =>
  and(eq(twoStepRecoveryCodes.orgId, orgId), eq(twoStepRecoveryCodes.userId, userId));

export async function findTwoStep(db: Db, orgId: string, userId: string) {
  const [row] = await db.select().from(twoStepSecrets).where(ofUser(orgId, userId));
  return row;
}

export async function savePendingSecret(
  db: Db,
  orgId: string,
  userId: string,
  pendingSecret: string,
  now: Date,
) {
  await db
    .insert(twoStepSecrets)
    .values({ orgId, userId, pendingSecret, pendingAt: now })
    .onConflictDoUpdate({
      target: [twoStepSecrets.orgId, twoStepSecrets.userId],
      set: { pendingSecret, pendingAt: now },
    });
}

/**
 * Turns the pending secret into the confirmed one, once: a second confirmation racing this one
 * finds no pending secret left.
 */
export async function confirmPendingSecret(
  db: Db,
  orgId: string,
  userId: string,
  pendingSecret: string,
  step: number,
  now: Date,
) {
  const rows = await db
    .update(twoStepSecrets)
    .set({
      secret: pendingSecret,
      enabledAt: now,
      pendingSecret: null,
      pendingAt: null,
      lastUsedStep: step,
    })
    .where(and(ofUser(orgId, userId), eq(twoStepSecrets.pendingSecret, pendingSecret)))
    .returning({ userId: twoStepSecrets.userId });
  return rows.length > 0;
}

/** Takes `step` as used unless it (or a later one) already was; true when this call took it. */
export async function takeStep(db: Db, orgId: string, userId: string, step: number) {
  const rows = await db
    .update(twoStepSecrets)
    .set({ lastUsedStep: step })
    .where(and(ofUser(orgId, userId), lt(twoStepSecrets.lastUsedStep, step)))
    .returning({ userId: twoStepSecrets.userId });
  return rows.length > 0;
}

/** Two-step off: the secret, any pending one and every recovery code go. */
export async function deleteTwoStep(db: Db, orgId: string, userId: string) {
  await db.delete(twoStepRecoveryCodes).where(codesOf(orgId, userId));
  const rows = await db
    .delete(twoStepSecrets)
    .where(ofUser(orgId, userId))
    .returning({ secret: twoStepSecrets.secret });
  return rows.some((r) => r.secret !== null);
}

export async function replaceRecoveryCodes(
  db: Db,
  orgId: string,
  userId: string,
  hashes: string[],
) {
  await db.delete(twoStepRecoveryCodes).where(codesOf(orgId, userId));
  await db
    .insert(twoStepRecoveryCodes)
    .values(hashes.map((codeHash) => ({ orgId, userId, codeHash })));
}

/** Marks the code used, once: of two logins racing with one code, only one gets true. */
export async function useRecoveryCode(
  db: Db,
  orgId: string,
  userId: string,
  codeHash: string,
  now: Date,
) {
  const rows = await db
    .update(twoStepRecoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        codesOf(orgId, userId),
        eq(twoStepRecoveryCodes.codeHash, codeHash),
        isNull(twoStepRecoveryCodes.usedAt),
      ),
    )
    .returning({ codeHash: twoStepRecoveryCodes.codeHash });
  return rows.length > 0;
}

export async function countRecoveryCodesLeft(db: Db, orgId: string, userId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(twoStepRecoveryCodes)
    .where(and(codesOf(orgId, userId), isNull(twoStepRecoveryCodes.usedAt)));
  return row?.n ?? 0;
}

export async function insertEvent(
  db: Db,
  row: { orgId: string; userId: string; kind: string; actorId: string | null; at: Date },
) {
  await db.insert(twoStepEvents).values(row);
}

/** The user's latest events, newest first (a short list: a few a year). */
export async function latestEvents(db: Db, orgId: string, userId: string, limit: number) {
  return db
    .select({
      kind: twoStepEvents.kind,
      at: twoStepEvents.at,
      actorId: twoStepEvents.actorId,
    })
    .from(twoStepEvents)
    .where(and(eq(twoStepEvents.orgId, orgId), eq(twoStepEvents.userId, userId)))
    .orderBy(desc(twoStepEvents.at), desc(sql`${twoStepEvents.id}`))
    .limit(limit);
}
