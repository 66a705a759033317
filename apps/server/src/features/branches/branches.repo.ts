import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { branches } from './branches.table.ts';

export type BranchRow = typeof branches.$inferSelect;

export function listBranches(db: Db, orgId: string, includeArchived: boolean) {
  const where = includeArchived
    ? eq(branches.orgId, orgId)
    : and(eq(branches.orgId, orgId), isNull(branches.archivedAt));
  // An organization has a handful of branches, not thousands: one page is all of them.
  return db
    .select()
    .from(branches)
    .where(where)
    .orderBy(asc(branches.name), asc(branches.id))
    .limit(1000);
}

export async function findBranch(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(branches)
    .where(and(eq(branches.orgId, orgId), eq(branches.id, id)));
  return row;
}

export async function findBranchIds(db: Db, orgId: string, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: branches.id })
    .from(branches)
    .where(and(eq(branches.orgId, orgId), inArray(branches.id, ids)));
  return new Set(rows.map((r) => r.id));
}

export async function insertBranch(db: Db, orgId: string, name: string) {
  const [row] = await db.insert(branches).values({ orgId, name }).returning();
  return row!;
}

export async function updateBranch(
  db: Db,
  orgId: string,
  id: string,
  patch: { name?: string; archivedAt?: Date | null },
) {
  const [row] = await db
    .update(branches)
    .set(patch)
    .where(and(eq(branches.orgId, orgId), eq(branches.id, id)))
    .returning();
  return row;
}
