import type { ContactKind } from '@spotter/contracts';
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { userNames } from '../users/index.ts';
import {
  toContactDto,
  type ContactPersonRef,
  type ContactRow,
  noFamily,
  type DtoRefs,
} from './contacts.dto.ts';
import { contacts } from './contacts.table.ts';
import { primaryGuardians } from './relations.repo.ts';

export type ContactInsert = typeof contacts.$inferInsert;
/** Columns a create or an edit may set (never the tenant, the kind or the id). */
export type ContactPatch = Partial<Omit<ContactInsert, 'id' | 'orgId' | 'kind'>>;

/** A company page lists at most this many contact persons. */
export const CONTACT_PERSONS_LIMIT = 200;

const live = (orgId: string, id: string) =>
  and(eq(contacts.orgId, orgId), eq(contacts.id, id), isNull(contacts.deletedAt));

/** A live (not deleted) contact of this org and kind, optionally locked for the transaction. */
export async function findContact(
  db: Db,
  orgId: string,
  kind: ContactKind,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<ContactRow | undefined> {
  const q = db
    .select()
    .from(contacts)
    .where(and(live(orgId, id), eq(contacts.kind, kind)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertContactRow(db: Db, values: ContactInsert): Promise<ContactRow> {
  const [row] = await db.insert(contacts).values(values).returning();
  return row!;
}

/**
 * Applies the patch to a live contact and bumps its version; with `version` only when the row
 * still has it (a stale save changes nothing and returns undefined).
 */
export async function updateContactRow(
  db: Db,
  orgId: string,
  id: string,
  patch: ContactPatch,
  version?: number,
): Promise<ContactRow | undefined> {
  const where: SQL[] = [live(orgId, id)!];
  if (version !== undefined) where.push(eq(contacts.version, version));
  const [row] = await db
    .update(contacts)
    .set({ ...patch, version: sql`${contacts.version} + 1`, updatedAt: new Date() })
    .where(and(...where))
    .returning();
  return row;
}

export async function softDeleteContact(
  db: Db,
  orgId: string,
  kind: ContactKind,
  id: string,
  userId: string | null,
): Promise<ContactRow | undefined> {
  const now = new Date();
  const [row] = await db
    .update(contacts)
    .set({ deletedAt: now, deletedBy: userId, updatedAt: now })
    .where(and(live(orgId, id), eq(contacts.kind, kind)))
    .returning();
  return row;
}

/** Gone for good (a merge's source); its history must have been moved first. */
export async function hardDeleteContact(db: Db, orgId: string, id: string): Promise<void> {
  await db.delete(contacts).where(and(eq(contacts.orgId, orgId), eq(contacts.id, id)));
}

/** The persons of a merged-away company now belong to the company that stays. */
export async function relinkCompanyPersons(db: Db, orgId: string, fromId: string, toId: string) {
  await db
    .update(contacts)
    .set({ companyId: toId })
    .where(and(eq(contacts.orgId, orgId), eq(contacts.companyId, fromId)));
}

/** Three queries whatever the page size: staff names, company names, contact persons. */
export async function loadDtoRefs(
  db: Db,
  orgId: string,
  rows: ReadonlyArray<
    Pick<ContactRow, 'id' | 'kind' | 'createdBy' | 'companyId' | 'consentEmailBy' | 'consentSmsBy'>
  >,
  now = new Date(),
): Promise<DtoRefs> {
  const userIds = [...new Set(rows.flatMap((r) => (r.createdBy ? [r.createdBy] : [])))];
  const companyIds = [...new Set(rows.flatMap((r) => (r.companyId ? [r.companyId] : [])))];
  const companyRowIds = rows.filter((r) => r.kind === 'company').map((r) => r.id);

  // One after another: the caller may hand in a transaction, which runs one query at a time.
  const names = await userNames(db, orgId, userIds);
  const companyRows = companyIds.length
    ? await db
        .select({ id: contacts.id, name: contacts.displayName })
        .from(contacts)
        .where(
          and(
            eq(contacts.orgId, orgId),
            inArray(contacts.id, companyIds),
            isNull(contacts.deletedAt),
          ),
        )
    : [];
  const personRows = companyRowIds.length ? await loadContactPersons(db, orgId, companyRowIds) : [];

  const contactPersons = new Map<string, ContactPersonRef[]>();
  for (const p of personRows) {
    const list = contactPersons.get(p.companyId) ?? [];
    list.push({ id: p.id, displayName: p.displayName, phone: p.phone });
    contactPersons.set(p.companyId, list);
  }
  const personIds = rows.filter((r) => r.kind === 'person').map((r) => r.id);
  const family = personIds.length
    ? await primaryGuardians(db, orgId, personIds, now)
    : noFamily(now);
  return {
    userNames: names,
    companyNames: new Map(companyRows.map((c) => [c.id, c.name])),
    contactPersons,
    family,
    consentBy: await consentGiverNames(db, orgId, rows),
  };
}

/** The names of the guardians who gave the rows' consents (none: no query). */
export async function consentGiverNames(
  db: Db,
  orgId: string,
  rows: ReadonlyArray<Pick<ContactRow, 'consentEmailBy' | 'consentSmsBy'>>,
): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((r) => [r.consentEmailBy, r.consentSmsBy]))].filter(
    (id): id is string => !!id,
  );
  if (ids.length === 0) return new Map();
  const found = await db
    .select({ id: contacts.id, name: contacts.displayName })
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), inArray(contacts.id, ids)));
  return new Map(found.map((r) => [r.id, r.name]));
}

/** Live persons of each company, sorted by name, at most CONTACT_PERSONS_LIMIT per company. */
async function loadContactPersons(db: Db, orgId: string, companyIds: string[]) {
  const ranked = db
    .select({
      id: contacts.id,
      companyId: sql<string>`${contacts.companyId}`.as('company_id'),
      displayName: contacts.displayName,
      phone: sql<string | null>`${contacts.phones}->0->>'number'`.as('phone'),
      sortName: contacts.sortName,
      rank: sql<number>`row_number() over (partition by ${contacts.companyId} order by ${contacts.sortName}, ${contacts.id})`.as(
        'rank',
      ),
    })
    .from(contacts)
    .where(
      and(
        eq(contacts.orgId, orgId),
        eq(contacts.kind, 'person'),
        inArray(contacts.companyId, companyIds),
        isNull(contacts.deletedAt),
      ),
    )
    .as('ranked');
  return db
    .select({
      id: ranked.id,
      companyId: ranked.companyId,
      displayName: ranked.displayName,
      phone: ranked.phone,
    })
    .from(ranked)
    .where(sql`${ranked.rank} <= ${CONTACT_PERSONS_LIMIT}`)
    .orderBy(ranked.companyId, ranked.sortName, ranked.id);
}

/** Rows → DTOs with their refs loaded in one round (O(1) queries for a page). */
export async function toContactDtos(db: Db, orgId: string, rows: readonly ContactRow[]) {
  const refs = await loadDtoRefs(db, orgId, rows);
  return rows.map((r) => toContactDto(r, refs));
}

/** Is this a live company of the org (a person's companyId)? */
export async function companyExists(db: Db, orgId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(live(orgId, id), eq(contacts.kind, 'company')));
  return row !== undefined;
}
