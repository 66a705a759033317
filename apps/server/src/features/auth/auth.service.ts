import {
  normalizeEmail,
  rolePermissions,
  type Me,
  type MeUpdate,
  type Role,
} from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { AppError, fieldError, fieldInvalid, unauthorized } from '../../lib/errors.ts';
import {
  crmRolesOf,
  reportRolesOf,
  findOrganization,
  toOrganizationDto,
  type OrganizationRow,
} from '../organizations/index.ts';
import {
  findUserByEmail,
  findUserById,
  toUserDto,
  updateUserRow,
  type UserRow,
  assertAcceptablePassword,
  hashPassword,
  verifyPassword,
} from '../users/index.ts';
import { hasTwoStep, twoStepSetupRequired } from '../two-step/index.ts';
import { rateLimited, type LoginLimiter } from './login-limiter.ts';
import { endSessionsOfUser } from './sessions.service.ts';

export function buildMe(user: UserRow, organization: OrganizationRow, twoStepEnabled: boolean): Me {
  const dto = toUserDto(user);
  return {
    user: {
      id: dto.id,
      name: dto.name,
      email: dto.email,
      role: dto.role,
      locale: dto.locale,
      branchIds: dto.branchIds,
      mustChangePassword: dto.mustChangePassword,
      twoStepEnabled,
      twoStepSetupRequired: twoStepSetupRequired(
        user.role,
        organization.twoStepRequired,
        twoStepEnabled,
      ),
      emailReminders: user.emailReminders,
    },
    organization: toOrganizationDto(organization),
    permissions: rolePermissions(
      user.role as Role,
      crmRolesOf(organization),
      reportRolesOf(organization),
    ),
  };
}

const invalidCredentials = () =>
  unauthorized('invalid_credentials', 'The email or password is not correct');

/**
 * Unknown email, wrong password and deactivated account all get the same answer after the
 * same amount of work, so the answer does not tell which emails have accounts.
 */
export async function login(
  db: Db,
  limiter: LoginLimiter,
  input: { email: string; password: string },
  ip: string,
) {
  const email = normalizeEmail(input.email);
  const attempt = limiter.attempt(email, ip);
  if (attempt.retryAfter > 0) throw rateLimited(attempt.retryAfter);
  const user = await findUserByEmail(db, email);
  const ok = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !ok || !user.active) throw invalidCredentials();
  attempt.succeeded();
  const organization = await findOrganization(db, user.orgId);
  if (!organization) throw invalidCredentials();
  return { user, organization };
}

function requireUser(actor: Actor): string {
  if (!actor.userId) throw unauthorized('session_required', 'This needs a staff login');
  return actor.userId;
}

export async function getMe(db: Db, actor: Actor) {
  const userId = requireUser(actor);
  const [user, organization, twoStep] = await Promise.all([
    findUserById(db, actor.orgId, userId),
    findOrganization(db, actor.orgId),
    hasTwoStep(db, actor.orgId, userId),
  ]);
  if (!user || !organization) throw unauthorized();
  return buildMe(user, organization, twoStep);
}

export async function updateMe(db: Db, actor: Actor, input: MeUpdate) {
  const userId = requireUser(actor);
  await updateUserRow(db, actor.orgId, userId, {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.locale !== undefined && { locale: input.locale }),
    ...(input.emailReminders !== undefined && { emailReminders: input.emailReminders }),
  });
  return getMe(db, actor);
}

export async function changePassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  keepSession: () => Promise<void>,
) {
  const userId = requireUser(actor);
  const user = await findUserById(db, actor.orgId, userId);
  if (!user) throw unauthorized();
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    const message = 'The current password is not correct';
    throw new AppError(400, 'wrong_password', message, {
      currentPassword: fieldError('password_wrong', message),
    });
  }
  assertAcceptablePassword(input.newPassword, 'newPassword');
  if (input.newPassword === input.currentPassword) {
    throw fieldInvalid(
      'newPassword',
      'password_same',
      'Choose a password different from the current one',
    );
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await updateUserRow(tx, actor.orgId, userId, { passwordHash, mustChangePassword: false });
    // A changed password logs out every other device; this one gets a fresh session.
    await endSessionsOfUser(tx, actor.orgId, userId);
  });
  await keepSession();
}
