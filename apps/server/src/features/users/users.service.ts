import type { Role, StaffMember, User, UserUpdate, userCreateSchema } from '@spotter/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import {
  emailTaken,
  fieldInvalid,
  forbidden,
  isUniqueViolation,
  notFound,
  ruleBroken,
} from '../../lib/errors.ts';
import { findBranchIds } from '../branches/index.ts';
import { endLiveStreams } from '../live/index.ts';
import { generateTemporaryPassword, hashPassword } from './passwords.ts';
import { userAccessRevoked } from './users.hooks.ts';
import { toUserDto } from './users.dto.ts';
import * as repo from './users.repo.ts';

type CreateInput = z.output<typeof userCreateSchema>;

export async function listUsers(db: Db, actor: Actor, limit: number, offset: number) {
  assertCan(actor, 'users.manage');
  const { rows, total } = await repo.listUsers(db, actor.orgId, limit, offset);
  return { items: rows.map(toUserDto), total };
}

export async function getUser(db: Db, actor: Actor, id: string): Promise<User> {
  assertCan(actor, 'users.manage');
  const row = await repo.findUserById(db, actor.orgId, id);
  if (!row) throw notFound('User');
  return toUserDto(row);
}

async function assertBranchesExist(db: Db, orgId: string, ids: string[] | undefined) {
  if (!ids || ids.length === 0) return;
  const found = await findBranchIds(db, orgId, ids);
  if (found.size !== new Set(ids).size) {
    throw fieldInvalid('branchIds', 'unknown_reference', 'Unknown branch');
  }
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  new Set(a).size === new Set(b).size && a.every((x) => b.includes(x));

/** Only an owner may hand out or take away the owner role. */
function assertMayManageRole(actor: Actor, role: string | undefined) {
  if (role === 'owner' && actor.role !== 'owner') throw forbidden();
}

export async function createUser(db: Db, actor: Actor, data: CreateInput) {
  assertCan(actor, 'users.manage');
  assertMayManageRole(actor, data.role);
  await assertBranchesExist(db, actor.orgId, data.branchIds);
  const temporaryPassword = generateTemporaryPassword();
  try {
    const row = await repo.insertUser(db, {
      orgId: actor.orgId,
      name: data.name,
      email: data.email,
      role: data.role,
      locale: data.locale ?? null,
      branchIds: [...new Set(data.branchIds ?? [])],
      passwordHash: await hashPassword(temporaryPassword),
      mustChangePassword: true,
    });
    return { user: toUserDto(row), temporaryPassword };
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw emailTaken(
        'A user with this email already exists',
        'email',
        'This email is already in use',
      );
    }
    throw err;
  }
}

export async function updateUser(db: Db, actor: Actor, id: string, input: UserUpdate) {
  assertCan(actor, 'users.manage');
  const existing = await repo.findUserById(db, actor.orgId, id);
  if (!existing) throw notFound('User');
  assertMayManageRole(actor, existing.role);
  assertMayManageRole(actor, input.role);
  const changesRole = input.role !== undefined && input.role !== existing.role;
  const deactivates = input.active === false && existing.active;
  const changesBranches =
    input.branchIds !== undefined && !sameSet(input.branchIds, existing.branchIds);
  if (id === actor.userId && (changesRole || deactivates)) {
    throw ruleBroken('self_change', 'You cannot change your own role or deactivate yourself');
  }
  if (existing.role === 'owner' && existing.active && (changesRole || deactivates)) {
    if ((await repo.countActiveOwners(db, actor.orgId, id)) === 0) {
      throw ruleBroken('last_owner', 'The organization must keep at least one active owner');
    }
  }
  await assertBranchesExist(db, actor.orgId, input.branchIds);
  const row = await db.transaction(async (tx) => {
    const updated = await repo.updateUser(tx, actor.orgId, id, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.role !== undefined && { role: input.role }),
      ...(input.active !== undefined && { active: input.active }),
      ...(input.branchIds !== undefined && { branchIds: [...new Set(input.branchIds)] }),
    });
    if (deactivates) await userAccessRevoked.run(tx, { orgId: actor.orgId, userId: id });
    // Open live streams were filtered by the old role and branches: they reconnect afresh.
    if (deactivates || changesRole || changesBranches) await endLiveStreams(tx, actor.orgId, id);
    return updated;
  });
  if (!row) throw notFound('User');
  return toUserDto(row);
}

export async function resetPassword(db: Db, actor: Actor, id: string) {
  assertCan(actor, 'users.manage');
  const existing = await repo.findUserById(db, actor.orgId, id);
  if (!existing) throw notFound('User');
  assertMayManageRole(actor, existing.role);
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await db.transaction(async (tx) => {
    await repo.updateUser(tx, actor.orgId, id, { passwordHash, mustChangePassword: true });
    await userAccessRevoked.run(tx, { orgId: actor.orgId, userId: id });
    await endLiveStreams(tx, actor.orgId, id);
  });
  return { temporaryPassword };
}

/** What CRM staff may know of colleagues: enough to pick a responsible or filter by one. */
export async function listStaff(db: Db, actor: Actor): Promise<{ items: StaffMember[] }> {
  assertCan(actor, 'contacts.read');
  const rows = await repo.listStaff(db, actor.orgId);
  return { items: rows.map((r) => ({ ...r, role: r.role as Role })) };
}
