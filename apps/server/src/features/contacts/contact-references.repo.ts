import { and, count, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { LookupKind } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import {
  isArrayKind,
  isSingleKind,
  type ArrayKind,
  type ContactReferences,
  type SingleKind,
} from '../contact-settings/index.ts';
import { contactHistory, contacts } from './contacts.table.ts';

/** Where contacts keep each kind of list entry. */
const ARRAY_COLUMNS = {
  tags: 'tagIds',
  categories: 'categoryIds',
  products: 'productIds',
} as const;
const SINGLE_COLUMNS = { industries: 'industryId', sources: 'sourceId' } as const;

/** Both drivers answer `execute` with `{ rows }`. */
function rowsOf(result: unknown): Array<Record<string, unknown>> {
  return (result as { rows: Array<Record<string, unknown>> }).rows;
}

// Saves based on the old record must reload rather than write a removed id back.
const bump = () => ({ version: sql`${contacts.version} + 1` });

async function countWithStatus(db: Db, orgId: string, statusId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(contacts)
    .where(
      and(eq(contacts.orgId, orgId), eq(contacts.statusId, statusId), isNull(contacts.deletedAt)),
    );
  return row?.n ?? 0;
}

async function clearStatus(db: Db, orgId: string, statusId: string) {
  await db
    .update(contacts)
    .set({ statusId: null })
    .where(and(eq(contacts.orgId, orgId), eq(contacts.statusId, statusId)));
}

async function usageByLookup(db: Db, orgId: string, kind: LookupKind) {
  let query: SQL;
  if (isArrayKind(kind)) {
    query = sql`select u.id::text as id, count(*)::int as n
      from ${contacts} cross join lateral unnest(${contacts[ARRAY_COLUMNS[kind]]}) as u(id)
      where ${contacts.orgId} = ${orgId} and ${contacts.deletedAt} is null
      group by u.id`;
  } else if (isSingleKind(kind)) {
    const column = contacts[SINGLE_COLUMNS[kind]];
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

async function countWithListEntry(
  db: Db,
  orgId: string,
  kind: ArrayKind,
  id: string,
  contactKind: 'person' | 'company',
) {
  const column = contacts[ARRAY_COLUMNS[kind]];
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

async function removeLookup(db: Db, orgId: string, kind: LookupKind, id: string) {
  if (isArrayKind(kind)) {
    const key = ARRAY_COLUMNS[kind];
    const column = contacts[key];
    await db
      .update(contacts)
      .set({ [key]: sql`array_remove(${column}, ${id}::uuid)`, ...bump() })
      .where(and(eq(contacts.orgId, orgId), sql`${column} @> array[${id}]::uuid[]`));
  } else if (isSingleKind(kind)) {
    const key = SINGLE_COLUMNS[kind];
    await db
      .update(contacts)
      .set({ [key]: null, ...bump() })
      .where(and(eq(contacts.orgId, orgId), eq(contacts[key], id)));
  } else {
    await db
      .update(contactHistory)
      .set({ typeId: null })
      .where(and(eq(contactHistory.orgId, orgId), eq(contactHistory.typeId, id)));
  }
}

async function moveLookup(db: Db, orgId: string, kind: SingleKind, from: string, to: string) {
  const key = SINGLE_COLUMNS[kind];
  const rows = await db
    .update(contacts)
    .set({ [key]: to, ...bump(), updatedAt: new Date() })
    .where(and(eq(contacts.orgId, orgId), eq(contacts[key], from)))
    .returning({ deletedAt: contacts.deletedAt });
  return rows.filter((r) => r.deletedAt === null).length;
}

async function removeCustomValues(db: Db, orgId: string, fieldId: string, optionIds?: string[]) {
  if (optionIds?.length === 0) return;
  const which = optionIds
    ? inArray(sql`${contacts.custom} ->> ${fieldId}::text`, optionIds)
    : sql`jsonb_exists(${contacts.custom}, ${fieldId}::text)`;
  await db
    .update(contacts)
    .set({ custom: sql`${contacts.custom} - ${fieldId}::text`, ...bump() })
    .where(and(eq(contacts.orgId, orgId), which));
}

/** The contacts' side of settings changes (provided to contact-settings in contacts.feature.ts). */
export const contactReferencesRepo: ContactReferences = {
  countWithStatus,
  clearStatus,
  usageByLookup,
  countWithListEntry,
  removeLookup,
  moveLookup,
  removeCustomValues,
};
