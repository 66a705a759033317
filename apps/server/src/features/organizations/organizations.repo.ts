import { and, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { organizations } from './organizations.table.ts';

export type OrganizationRow = typeof organizations.$inferSelect;

export async function countOrganizations(db: Db) {
  const [row] = await db.select({ n: count() }).from(organizations);
  return row?.n ?? 0;
}

export async function insertOrganization(db: Db, row: typeof organizations.$inferInsert) {
  const [created] = await db.insert(organizations).values(row).returning();
  return created!;
}

export async function findOrganization(db: Db, id: string) {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
  return row;
}

/** Applies the patch only when the caller saw the current version. */
export async function updateOrganization(
  db: Db,
  id: string,
  version: number,
  patch: Partial<
    Pick<OrganizationRow, 'name' | 'timezone' | 'locale' | 'currency' | 'twoStepRequired'>
  >,
) {
  const [row] = await db
    .update(organizations)
    .set({ ...patch, updatedAt: new Date(), version: sql`${organizations.version} + 1` })
    .where(and(eq(organizations.id, id), eq(organizations.version, version)))
    .returning();
  return row;
}

/**
 * The CRM settings' choice of roles that may use the CRM (U-2); the CRM settings' own version
 * guards it, so the organization's version is left alone. The row's trigger tells every
 * instance's session cache.
 */
export async function setCrmRoles(db: Db, id: string, roles: string[] | null) {
  await db.update(organizations).set({ crmRoles: roles }).where(eq(organizations.id, id));
}

/** The CRM settings' choice of further roles that see the reports (issue 15); like setCrmRoles. */
export async function setReportRoles(db: Db, id: string, roles: string[] | null) {
  await db.update(organizations).set({ reportRoles: roles }).where(eq(organizations.id, id));
}

/** Serializes first-run setup: two browsers racing must not both create an organization. */
export async function lockSetup(db: Db) {
  await db.execute(sql`select pg_advisory_xact_lock(7314002)`);
}
