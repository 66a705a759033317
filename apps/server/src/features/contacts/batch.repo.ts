import { and, arrayOverlaps, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
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

/** Live persons of the org with any of these phone or email keys, oldest first. */
export async function livePersonsByKeys(
  db: Db,
  orgId: string,
  phoneKeys: string[],
  emailKeys: string[],
): Promise<ContactRow[]> {
  const matches: SQL[] = [];
  if (phoneKeys.length) matches.push(arrayOverlaps(contacts.phoneKeys, phoneKeys));
  if (emailKeys.length) matches.push(arrayOverlaps(contacts.emailKeys, emailKeys));
  if (matches.length === 0) return [];
  return db
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.orgId, orgId),
        eq(contacts.kind, 'person'),
        isNull(contacts.deletedAt),
        or(...matches),
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
