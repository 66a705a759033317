import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { ContactRow } from './contacts.dto.ts';
import { contacts } from './contacts.table.ts';

/**
 * Batches of one organization take turns from matching to commit, so two concurrent batches
 * never both create the same new phone or email (a transaction-scoped advisory lock).
 */
export async function lockOrgBatches(db: Db, orgId: string) {
  await db.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`persons.batch:${orgId}`}, 0))`,
  );
}

/**
 * Live persons of the org with any of these phone or email keys, oldest first. Each key is
 * its own probe of the keys' GIN index: one `&&` over hundreds of keys is planned as a scan
 * of the whole organization, which costs seconds at 100,000 persons.
 */
export async function livePersonsByKeys(
  db: Db,
  orgId: string,
  phoneKeys: string[],
  emailKeys: string[],
): Promise<ContactRow[]> {
  if (phoneKeys.length === 0 && emailKeys.length === 0) return [];
  // `offset 0` keeps each probe a subquery of its own, so the planner cannot trade the
  // per-key index probe for a scan of the organization when its statistics are stale.
  const found = (await db.execute(sql`
    select c.id from jsonb_array_elements_text(${JSON.stringify(phoneKeys)}::jsonb) k(key),
      lateral (select id, org_id from contacts where phone_keys @> array[k.key] offset 0) c
      where c.org_id = ${orgId}
    union
    select c.id from jsonb_array_elements_text(${JSON.stringify(emailKeys)}::jsonb) k(key),
      lateral (select id, org_id from contacts where email_keys @> array[k.key] offset 0) c
      where c.org_id = ${orgId}`)) as unknown as { rows: Array<{ id: string }> };
  const ids = found.rows.map((r) => r.id);
  if (ids.length === 0) return [];
  return db
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.orgId, orgId),
        inArray(contacts.id, ids),
        eq(contacts.kind, 'person'),
        isNull(contacts.deletedAt),
      ),
    )
    .orderBy(asc(contacts.createdAt), asc(contacts.id));
}

/** Which of these ids are live companies of the org. */
export async function liveCompanyIds(db: Db, orgId: string, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(
      and(
        eq(contacts.orgId, orgId),
        eq(contacts.kind, 'company'),
        isNull(contacts.deletedAt),
        inArray(contacts.id, ids),
      ),
    );
  return new Set(rows.map((r) => r.id));
}
