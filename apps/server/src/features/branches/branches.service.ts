import type { Branch, BranchUpdate } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { conflict, isUniqueViolation, notFound } from '../../lib/errors.ts';
import * as repo from './branches.repo.ts';

export function toBranchDto(row: repo.BranchRow): Branch {
  return {
    id: row.id,
    name: row.name,
    archived: row.archivedAt !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

const nameTaken = () =>
  conflict('name_taken', 'A branch with this name already exists', {
    name: 'A branch with this name already exists',
  });

export async function listBranches(db: Db, actor: Actor, includeArchived: boolean) {
  assertCan(actor, 'branches.read');
  const rows = await repo.listBranches(db, actor.orgId, includeArchived);
  return { items: rows.map(toBranchDto) };
}

export async function getBranch(db: Db, actor: Actor, id: string) {
  assertCan(actor, 'branches.read');
  const row = await repo.findBranch(db, actor.orgId, id);
  if (!row) throw notFound('Branch');
  return toBranchDto(row);
}

export async function createBranch(db: Db, actor: Actor, name: string) {
  assertCan(actor, 'branches.manage');
  try {
    return toBranchDto(await repo.insertBranch(db, actor.orgId, name));
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken();
    throw err;
  }
}

export async function updateBranch(db: Db, actor: Actor, id: string, input: BranchUpdate) {
  assertCan(actor, 'branches.manage');
  const existing = await repo.findBranch(db, actor.orgId, id);
  if (!existing) throw notFound('Branch');
  const patch: { name?: string; archivedAt?: Date | null } = {};
  if (input.name !== undefined) patch.name = input.name;
  if (input.archived !== undefined && input.archived !== (existing.archivedAt !== null)) {
    patch.archivedAt = input.archived ? new Date() : null;
  }
  if (Object.keys(patch).length === 0) return toBranchDto(existing);
  try {
    const row = await repo.updateBranch(db, actor.orgId, id, patch);
    if (!row) throw notFound('Branch');
    return toBranchDto(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken();
    throw err;
  }
}
