import { asc, sql, type SQL } from 'drizzle-orm';
import { contactFilterSchema, type ContactFilter } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { listWhere } from './contacts-list.repo.ts';
import { resolveScope } from './contacts-list.service.ts';
import { searchCondition } from './search.repo.ts';
import { listSearchTerms } from './search.service.ts';
import { contacts } from './contacts.table.ts';

/**
 * The live persons a call round covers: everyone the persons list shows for `filter` (the same
 * WHERE as the list, so "everyone in this filtered list" means exactly that), optionally only
 * among `ids`. Returns at most `limit` ids in list order; callers ask for one more than they
 * accept to tell "too many" apart.
 */
export async function livePersonIds(
  db: Db,
  orgId: string,
  opts: { filter?: ContactFilter; ids?: string[]; limit: number },
): Promise<string[]> {
  if (opts.ids?.length === 0) return [];
  const { scope } = await resolveScope(
    db,
    orgId,
    'person',
    opts.filter ?? contactFilterSchema.parse({}),
    { ids: opts.ids },
  );
  const rows = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(listWhere(scope))
    .orderBy(asc(contacts.sortName), asc(contacts.id))
    .limit(opts.limit);
  return rows.map((r) => r.id);
}

/**
 * The persons list's WHERE for `filter` as one SQL condition on `contacts` (live persons of
 * the organization the list would show), for statements that count or copy those persons in
 * the database (a campaign's audience). Throws the list's field errors for a bad filter (an
 * unknown custom field).
 */
export async function personListCondition(
  db: Db,
  orgId: string,
  filter: ContactFilter,
): Promise<SQL> {
  const { scope } = await resolveScope(db, orgId, 'person', filter);
  return listWhere(scope);
}

/**
 * The search box's matching rule as a condition on a contact id column of another table
 * (tasks searched by their person's name or phone): `column in (matching live contacts)`.
 * Null when the query has nothing to look for.
 */
export async function contactSearchIn(
  db: Db,
  orgId: string,
  search: string,
  column: SQL | { getSQL(): SQL },
): Promise<SQL | null> {
  const terms = await listSearchTerms(db, orgId, search);
  const match = terms ? searchCondition(terms) : undefined;
  if (!match) return null;
  return sql`${column} in (select ${contacts.id} from ${contacts} where ${contacts.orgId} = ${orgId} and ${contacts.deletedAt} is null and ${match})`;
}
