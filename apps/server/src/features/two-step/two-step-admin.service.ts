import type { UserTwoStep } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { conflict, forbidden, notFound, ruleBroken } from '../../lib/errors.ts';
import { findUserById, userNames } from '../users/index.ts';
import { twoStepReset } from './two-step.hooks.ts';
import * as repo from './two-step.repo.ts';

/** A colleague whose two-step an admin may see or reset: only an owner handles an owner. */
async function managedUser(db: Db, actor: Actor, userId: string) {
  assertCan(actor, 'users.manage');
  const user = await findUserById(db, actor.orgId, userId);
  if (!user) throw notFound('User');
  if (user.role === 'owner' && actor.role !== 'owner') throw forbidden();
  return user;
}

const EVENTS_SHOWN = 20;

export async function userTwoStep(db: Db, actor: Actor, userId: string): Promise<UserTwoStep> {
  await managedUser(db, actor, userId);
  const [row, left, events] = await Promise.all([
    repo.findTwoStep(db, actor.orgId, userId),
    repo.countRecoveryCodesLeft(db, actor.orgId, userId),
    repo.latestEvents(db, actor.orgId, userId, EVENTS_SHOWN),
  ]);
  const names = await userNames(
    db,
    actor.orgId,
    events.flatMap((e) => (e.actorId ? [e.actorId] : [])),
  );
  return {
    enabled: Boolean(row?.secret),
    enabledAt: row?.secret ? (row.enabledAt?.toISOString() ?? null) : null,
    recoveryCodesLeft: left,
    events: events.map((e) => ({
      kind: e.kind as UserTwoStep['events'][number]['kind'],
      at: e.at.toISOString(),
      actorId: e.actorId,
      actorName: (e.actorId && names.get(e.actorId)) ?? null,
    })),
  };
}

/**
 * For a user who lost their phone and their recovery codes: two-step goes off (or, if their
 * organization requires it, must be set up again at the next login), their sessions end, and
 * the reset is recorded with who did it.
 */
export async function resetUserTwoStep(db: Db, actor: Actor, userId: string, now: Date) {
  await managedUser(db, actor, userId);
  if (userId === actor.userId) {
    throw ruleBroken('self_change', 'Turn your own two-step off in your account settings');
  }
  await db.transaction(async (tx) => {
    if (!(await repo.deleteTwoStep(tx, actor.orgId, userId))) {
      throw conflict('two_step_not_enabled', 'This user has not turned two-step sign-in on');
    }
    await repo.insertEvent(tx, {
      orgId: actor.orgId,
      userId,
      kind: 'reset',
      actorId: actor.userId,
      at: now,
    });
    await twoStepReset.run(tx, { orgId: actor.orgId, userId });
  });
}
