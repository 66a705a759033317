import type { Branch, BranchUpdate } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { catchNameTaken, notFound } from '../../lib/errors.ts';
import * as repo from './branches.repo.ts';

export function toBranchDto(row: repo.BranchRow): Branch {
  return {
    id: row.id,
    name: row.name,
    archived: row.archivedAt !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

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
  return toBranchDto(
    await catchNameTaken('A branch', () => repo.insertBranch(db, actor.orgId, name)),
  );
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
  const row = await catchNameTaken('A branch', () => repo.updateBranch(db, actor.orgId, id, patch));
  if (!row) throw notFound('Branch');
  return toBranchDto(row);
}
