import type {
  RecoveryCodes,
  Role,
  TwoStepProof,
  TwoStepSetup,
  TwoStepStatus,
} from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { AppError, conflict, fieldError, notFound, ruleBroken } from '../../lib/errors.ts';
import type { SecretBox } from '../../lib/secret-box.ts';
import { findOrganization } from '../organizations/index.ts';
import { findUserById, verifyPassword } from '../users/index.ts';
import { newRecoveryCodes, recoveryCodeHash } from './recovery-codes.ts';
import * as repo from './two-step.repo.ts';
import { enrolment, matchingStep, newTotpSecret } from './totp.ts';

/** The roles an owner can require two-step for (U-6). */
const REQUIRABLE_ROLES: readonly string[] = ['owner', 'admin'] satisfies Role[];

/** The organization requires two-step of this user and they have not set it up. */
export const twoStepSetupRequired = (role: string, orgRequires: boolean, enabled: boolean) =>
  orgRequires && REQUIRABLE_ROLES.includes(role) && !enabled;

/** Sealed secrets are bound to their owner: one copied onto another user's row does not open. */
const sealContext = (orgId: string, userId: string) => `two-step:${orgId}:${userId}`;

function selfOf(actor: Actor): string {
  if (actor.via !== 'session' || !actor.userId) {
    throw new AppError(401, 'session_required', 'This needs a staff login');
  }
  return actor.userId;
}

const wrongCode = (message = 'The code is not right') =>
  new AppError(400, 'wrong_code', message, { code: fieldError('code_wrong', message) });

/**
 * Checks a six-digit code against the confirmed secret and takes its step, so the same code
 * never opens anything twice (nor an older one after a newer).
 */
async function takeTotpCode(
  db: Db,
  box: SecretBox,
  row: repo.TwoStepRow,
  code: string,
  now: Date,
): Promise<boolean> {
  const secret = row.secret && box.open(row.secret, sealContext(row.orgId, row.userId));
  if (!secret) return false;
  const step = matchingStep(secret, code.replace(/\s/g, ''), now);
  return step !== null && (await repo.takeStep(db, row.orgId, row.userId, step));
}

export async function hasTwoStep(db: Db, orgId: string, userId: string) {
  return Boolean((await repo.findTwoStep(db, orgId, userId))?.secret);
}

/**
 * The code step of a login: a code from the app, or an unused recovery code (used up here).
 * Null when it is neither.
 */
export async function verifySecondFactor(
  db: Db,
  box: SecretBox,
  user: { orgId: string; userId: string },
  code: string,
  now: Date,
): Promise<'app' | 'recovery' | null> {
  const row = await repo.findTwoStep(db, user.orgId, user.userId);
  if (!row?.secret) return null;
  if (/^\d{6}$/.test(code.replace(/\s/g, ''))) {
    return (await takeTotpCode(db, box, row, code, now)) ? 'app' : null;
  }
  const hash = recoveryCodeHash(code);
  if (!hash) return null;
  return db.transaction(async (tx) => {
    if (!(await repo.useRecoveryCode(tx, user.orgId, user.userId, hash, now))) return null;
    await repo.insertEvent(tx, {
      ...user,
      kind: 'recovery_code_used',
      actorId: user.userId,
      at: now,
    });
    return 'recovery' as const;
  });
}

export async function getStatus(db: Db, actor: Actor): Promise<TwoStepStatus> {
  const userId = selfOf(actor);
  const [row, organization, left] = await Promise.all([
    repo.findTwoStep(db, actor.orgId, userId),
    findOrganization(db, actor.orgId),
    repo.countRecoveryCodesLeft(db, actor.orgId, userId),
  ]);
  return {
    enabled: Boolean(row?.secret),
    enabledAt: row?.secret ? (row.enabledAt?.toISOString() ?? null) : null,
    recoveryCodesLeft: left,
    required: Boolean(organization?.twoStepRequired) && REQUIRABLE_ROLES.includes(actor.role ?? ''),
  };
}

/** A new secret to scan; two-step stays as it is until the first code confirms it. */
export async function beginSetup(
  db: Db,
  box: SecretBox,
  actor: Actor,
  now: Date,
): Promise<TwoStepSetup> {
  const userId = selfOf(actor);
  const [row, user] = await Promise.all([
    repo.findTwoStep(db, actor.orgId, userId),
    findUserById(db, actor.orgId, userId),
  ]);
  if (!user) throw notFound('User');
  if (row?.secret) {
    throw conflict('two_step_enabled', 'Two-step sign-in is already on; turn it off first');
  }
  const secret = newTotpSecret();
  await repo.savePendingSecret(
    db,
    actor.orgId,
    userId,
    box.seal(secret, sealContext(actor.orgId, userId)),
    now,
  );
  return enrolment(secret, user.email);
}

/** The first code proves the app has the secret: two-step is on, here are the recovery codes. */
export async function confirmSetup(
  db: Db,
  box: SecretBox,
  actor: Actor,
  code: string,
  now: Date,
): Promise<RecoveryCodes> {
  const userId = selfOf(actor);
  const row = await repo.findTwoStep(db, actor.orgId, userId);
  if (row?.secret) {
    throw conflict('two_step_enabled', 'Two-step sign-in is already on');
  }
  const sealed = row?.pendingSecret;
  const secret = sealed && box.open(sealed, sealContext(actor.orgId, userId));
  if (!sealed || !secret) {
    throw conflict('two_step_not_enabled', 'Start the setup first: no new secret is waiting');
  }
  const step = matchingStep(secret, code.replace(/\s/g, ''), now);
  if (step === null) throw wrongCode();
  const recoveryCodes = newRecoveryCodes();
  await db.transaction(async (tx) => {
    if (!(await repo.confirmPendingSecret(tx, actor.orgId, userId, sealed, step, now))) {
      throw conflict('two_step_enabled', 'Two-step sign-in is already on');
    }
    await repo.replaceRecoveryCodes(tx, actor.orgId, userId, recoveryCodes.map(hashOf));
    await repo.insertEvent(tx, {
      orgId: actor.orgId,
      userId,
      kind: 'enabled',
      actorId: userId,
      at: now,
    });
  });
  return { recoveryCodes };
}

const hashOf = (code: string) => recoveryCodeHash(code)!;

/** The password or a current code from the app, whichever the user gave. */
async function assertProof(db: Db, box: SecretBox, actor: Actor, proof: TwoStepProof, now: Date) {
  const userId = selfOf(actor);
  const row = await repo.findTwoStep(db, actor.orgId, userId);
  if (!row?.secret) throw conflict('two_step_not_enabled', 'Two-step sign-in is not on');
  if (proof.code !== undefined) {
    if (!(await takeTotpCode(db, box, row, proof.code, now))) throw wrongCode();
    return userId;
  }
  const user = await findUserById(db, actor.orgId, userId);
  if (!(await verifyPassword(user?.passwordHash, proof.password ?? ''))) {
    const message = 'The password is not correct';
    throw new AppError(400, 'wrong_password', message, {
      password: fieldError('password_wrong', message),
    });
  }
  return userId;
}

export async function disable(
  db: Db,
  box: SecretBox,
  actor: Actor,
  proof: TwoStepProof,
  now: Date,
) {
  const status = await getStatus(db, actor);
  if (status.required && status.enabled) {
    throw ruleBroken(
      'two_step_required',
      'Your organization requires two-step sign-in for your role',
    );
  }
  const userId = await assertProof(db, box, actor, proof, now);
  await db.transaction(async (tx) => {
    await repo.deleteTwoStep(tx, actor.orgId, userId);
    await repo.insertEvent(tx, {
      orgId: actor.orgId,
      userId,
      kind: 'disabled',
      actorId: userId,
      at: now,
    });
  });
}

/** New recovery codes; the old ones, used or not, stop working. */
export async function renewRecoveryCodes(
  db: Db,
  box: SecretBox,
  actor: Actor,
  proof: TwoStepProof,
  now: Date,
): Promise<RecoveryCodes> {
  const userId = await assertProof(db, box, actor, proof, now);
  const recoveryCodes = newRecoveryCodes();
  await db.transaction(async (tx) => {
    await repo.replaceRecoveryCodes(tx, actor.orgId, userId, recoveryCodes.map(hashOf));
    await repo.insertEvent(tx, {
      orgId: actor.orgId,
      userId,
      kind: 'recovery_codes_renewed',
      actorId: userId,
      at: now,
    });
  });
  return { recoveryCodes };
}
