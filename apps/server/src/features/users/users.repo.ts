import { and, asc, count, eq, getTableColumns, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { loginEmails, users } from './users.table.ts';

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;

const loginEmailOf = (user: UserRow) => ({
  email: user.email,
  orgId: user.orgId,
  userId: user.id,
});

/**
 * The user and their login email in one transaction: the email's key in login_emails is what
 * keeps it unique across organizations (a taken email fails with a unique violation).
 */
export async function insertUser(db: Db, row: NewUserRow): Promise<UserRow> {
  return db.transaction(async (tx) => {
    const [created] = await tx.insert(users).values(row).returning();
    await tx.insert(loginEmails).values(loginEmailOf(created!));
    return created!;
  });
}

/** Inserts the users whose email their organization does not have yet; returns those. */
export async function insertMissingUsers(db: Db, rows: NewUserRow[]): Promise<UserRow[]> {
  if (rows.length === 0) return [];
  return db.transaction(async (tx) => {
    const created = await tx.insert(users).values(rows).onConflictDoNothing().returning();
    if (created.length > 0) await tx.insert(loginEmails).values(created.map(loginEmailOf));
    return created;
  });
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

/** The branches a staff member is limited to; empty: every branch. */
export async function branchLimitOf(db: Db, orgId: string, userId: string): Promise<string[]> {
  const [row] = await db
    .select({ branchIds: users.branchIds })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
  return row?.branchIds ?? [];
}

export async function findUserById(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, id)));
  return row;
}

/** Login looks across organizations: login_emails says whose the email is. */
export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select(getTableColumns(users))
    .from(loginEmails)
    .innerJoin(users, and(eq(users.orgId, loginEmails.orgId), eq(users.id, loginEmails.userId)))
    .where(eq(loginEmails.email, email));
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
  // An email change would have to move its login_emails row too; nothing changes one yet.
  patch: Partial<Omit<NewUserRow, 'id' | 'orgId' | 'email'>>,
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

/**
 * Round robin: the active staff member whose turn `turn` (1, 2, 3 …) is among those of `roles`
 * who work in `branchId` (staff limited to no branch work in all), in the order they joined.
 * Each caller keeps its own counter (a rule set, a lead form). Undefined when nobody fits.
 */
export async function staffInTurn(
  db: Db,
  orgId: string,
  who: { roles: readonly string[]; branchId?: string | null },
  turn: number,
): Promise<string | undefined> {
  if (who.roles.length === 0) return undefined;
  const staff = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.orgId, orgId),
        inArray(users.role, [...who.roles]),
        eq(users.active, true),
        who.branchId
          ? sql`(${users.branchIds} = '{}'::uuid[] or ${who.branchId}::uuid = any(${users.branchIds}))`
          : undefined,
      ),
    )
    .orderBy(asc(users.createdAt), asc(users.id))
    .limit(500);
  if (staff.length === 0) return undefined;
  return staff[(Math.max(turn, 1) - 1) % staff.length]!.id;
}
