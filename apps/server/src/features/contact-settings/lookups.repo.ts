import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { LookupKind } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { contactHistory, contacts } from '../../db/schema.ts';
import { lookups } from './contact-settings.table.ts';

export type LookupRow = typeof lookups.$inferSelect;
type LookupPatch = Partial<Pick<LookupRow, 'name' | 'color' | 'scope' | 'position' | 'archivedAt'>>;

/** Where contacts keep each kind of reference. */
const ARRAY_KEYS = { tags: 'tagIds', categories: 'categoryIds', products: 'productIds' } as const;
const SINGLE_KEYS = { industries: 'industryId', sources: 'sourceId' } as const;

export type ArrayKind = keyof typeof ARRAY_KEYS;
export type SingleKind = keyof typeof SINGLE_KEYS;
export const isArrayKind = (k: LookupKind): k is ArrayKind => k in ARRAY_KEYS;
export const isSingleKind = (k: LookupKind): k is SingleKind => k in SINGLE_KEYS;

/** Both drivers answer `execute` with `{ rows }`. */
function rowsOf(result: unknown): Array<Record<string, unknown>> {
  return (result as { rows: Array<Record<string, unknown>> }).rows;
}

export function listLookups(db: Db, orgId: string, kind: LookupKind, includeArchived: boolean) {
  const conditions = [eq(lookups.orgId, orgId), eq(lookups.kind, kind)];
  if (!includeArchived) conditions.push(isNull(lookups.archivedAt));
  // Configurable lists hold tens of entries, not thousands.
  return db
    .select()
    .from(lookups)
    .where(and(...conditions))
    .orderBy(asc(lookups.position), asc(sql`lower(${lookups.name})`), asc(lookups.id))
    .limit(2000);
}

export async function findLookup(db: Db, orgId: string, kind: LookupKind, id: string) {
  const [row] = await db
    .select()
    .from(lookups)
    .where(and(eq(lookups.orgId, orgId), eq(lookups.kind, kind), eq(lookups.id, id)));
  return row;
}

export async function nextLookupPosition(db: Db, orgId: string, kind: LookupKind) {
  const [row] = await db
    .select({ max: sql<number | null>`max(${lookups.position})` })
    .from(lookups)
    .where(and(eq(lookups.orgId, orgId), eq(lookups.kind, kind)));
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

export async function insertLookup(db: Db, row: typeof lookups.$inferInsert) {
  const [created] = await db.insert(lookups).values(row).returning();
  return created!;
}

export async function updateLookup(db: Db, orgId: string, id: string, patch: LookupPatch) {
  const [row] = await db
    .update(lookups)
    .set(patch)
    .where(and(eq(lookups.orgId, orgId), eq(lookups.id, id)))
    .returning();
  return row;
}

/** How many live contacts use each entry of a list, in one pass over the org's contacts. */
export async function usageByLookup(db: Db, orgId: string, kind: LookupKind) {
  let query: SQL;
  if (isArrayKind(kind)) {
    query = sql`select u.id::text as id, count(*)::int as n
      from ${contacts} cross join lateral unnest(${contacts[ARRAY_KEYS[kind]]}) as u(id)
      where ${contacts.orgId} = ${orgId} and ${contacts.deletedAt} is null
      group by u.id`;
  } else if (isSingleKind(kind)) {
    const column = contacts[SINGLE_KEYS[kind]];
    query = sql`select ${column}::text as id, count(*)::int as n from ${contacts}
      where ${contacts.orgId} = ${orgId} and ${contacts.deletedAt} is null and ${column} is not null
      group by ${column}`;
  } else {
    query = sql`select ${contactHistory.typeId}::text as id,
        count(distinct ${contactHistory.contactId})::int as n
      from ${contactHistory} join ${contacts}
        on ${contacts.orgId} = ${contactHistory.orgId} and ${contacts.id} = ${contactHistory.contactId}
      where ${contactHistory.orgId} = ${orgId} and ${contacts.orgId} = ${orgId}
        and ${contacts.deletedAt} is null and ${contactHistory.typeId} is not null
      group by ${contactHistory.typeId}`;
  }
  const usage = new Map<string, number>();
  for (const row of rowsOf(await db.execute(query))) usage.set(String(row.id), Number(row.n));
  return usage;
}

/** Live contacts of a kind of contact that carry a tag or category (scope narrowing). */
export async function countUsersOfKind(
  db: Db,
  orgId: string,
  kind: ArrayKind,
  id: string,
  contactKind: 'person' | 'company',
) {
  const column = contacts[ARRAY_KEYS[kind]];
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(contacts)
    .where(
      and(
        eq(contacts.orgId, orgId),
        eq(contacts.kind, contactKind),
        isNull(contacts.deletedAt),
        sql`${column} @> array[${id}]::uuid[]`,
      ),
    );
  return Number(row?.n ?? 0);
}

/** Removes an entry from every contact (live or in the trash), then the entry itself. */
export async function deleteLookup(db: Db, orgId: string, kind: LookupKind, id: string) {
  // Saves based on the old record must reload rather than write the removed id back.
  const bump = { version: sql`${contacts.version} + 1` };
  if (isArrayKind(kind)) {
    const key = ARRAY_KEYS[kind];
    const column = contacts[key];
    await db
      .update(contacts)
      .set({ [key]: sql`array_remove(${column}, ${id}::uuid)`, ...bump })
      .where(and(eq(contacts.orgId, orgId), sql`${column} @> array[${id}]::uuid[]`));
  } else if (isSingleKind(kind)) {
    const key = SINGLE_KEYS[kind];
    await db
      .update(contacts)
      .set({ [key]: null, ...bump })
      .where(and(eq(contacts.orgId, orgId), eq(contacts[key], id)));
  } else {
    await db
      .update(contactHistory)
      .set({ typeId: null })
      .where(and(eq(contactHistory.orgId, orgId), eq(contactHistory.typeId, id)));
  }
  const deleted = await db
    .delete(lookups)
    .where(and(eq(lookups.orgId, orgId), eq(lookups.kind, kind), eq(lookups.id, id)))
    .returning({ id: lookups.id });
  return deleted.length > 0;
}

/** Moves every contact from one industry (or source) to another; counts the live ones. */
export async function moveContacts(
  db: Db,
  orgId: string,
  kind: SingleKind,
  from: string,
  to: string,
) {
  const key = SINGLE_KEYS[kind];
  const rows = await db
    .update(contacts)
    .set({ [key]: to, version: sql`${contacts.version} + 1`, updatedAt: new Date() })
    .where(and(eq(contacts.orgId, orgId), eq(contacts[key], from)))
    .returning({ deletedAt: contacts.deletedAt });
  return rows.filter((r) => r.deletedAt === null).length;
}

export async function lookupNames(db: Db, orgId: string, kind: LookupKind) {
  return db
    .select({ id: lookups.id, name: lookups.name })
    .from(lookups)
    .where(and(eq(lookups.orgId, orgId), eq(lookups.kind, kind), isNull(lookups.archivedAt)))
    .limit(5000);
}

/** Kind and scope of the given ids that exist in this organization. */
export async function findLookupRefs(db: Db, orgId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: lookups.id, kind: lookups.kind, scope: lookups.scope })
    .from(lookups)
    .where(and(eq(lookups.orgId, orgId), inArray(lookups.id, ids)));
}
