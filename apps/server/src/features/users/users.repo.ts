import { and, asc, count, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from './users.table.ts';

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;

export async function insertUser(db: Db, row: NewUserRow): Promise<UserRow> {
  const [created] = await db.insert(users).values(row).returning();
  return created!;
}

/** Names of the organization's users by id (one query; ids of another organization are left out). */
export async function userNames(
  db: Db,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.id, [...ids])));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function findUserById(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, id)));
  return row;
}

/** Login looks across organizations: email is globally unique. */
export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row;
}

export async function listUsers(db: Db, orgId: string, limit: number, offset: number) {
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(users)
      .where(eq(users.orgId, orgId))
      .orderBy(asc(users.name), asc(users.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(users).where(eq(users.orgId, orgId)),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}

export async function updateUser(
  db: Db,
  orgId: string,
  id: string,
  patch: Partial<Omit<NewUserRow, 'id' | 'orgId'>>,
) {
  const [row] = await db
    .update(users)
    .set({ ...patch, updatedAt: new Date(), version: sql`${users.version} + 1` })
    .where(and(eq(users.orgId, orgId), eq(users.id, id)))
    .returning();
  return row;
}

export async function countActiveOwners(db: Db, orgId: string, exceptId?: string) {
  const conditions = [eq(users.orgId, orgId), eq(users.role, 'owner'), eq(users.active, true)];
  if (exceptId) conditions.push(ne(users.id, exceptId));
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(and(...conditions));
  return row?.n ?? 0;
}

/** Every colleague, active or not (inactive ones still show as responsible on old records). */
export function listStaff(db: Db, orgId: string) {
  // Staff of one organization number in the tens or hundreds; the cap guards the response.
  return db
    .select({ id: users.id, name: users.name, role: users.role, active: users.active })
    .from(users)
    .where(eq(users.orgId, orgId))
    .orderBy(asc(users.name), asc(users.id))
    .limit(5000);
}
