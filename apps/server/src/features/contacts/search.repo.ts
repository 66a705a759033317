import { and, asc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { ContactKind } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { contacts } from './contacts.table.ts';
import { escapeLike } from '../../lib/like.ts';

/** What a search box query means once read: its lower-case words and any phone digits. */
export interface SearchTerms {
  /** The whole query, trimmed and lower-cased. */
  text: string;
  tokens: string[];
  /** Digit strings to look for when the query looks like a phone number (else empty). */
  digits: string[];
}

/** Words shorter than this cannot use the trigram index: they match word prefixes only. */
const TRIGRAM_MIN = 3;

/** `array[$1, $2]::text[]` — drizzle spreads a bare JS array into a value list. */
export function textArray(values: readonly string[]): SQL {
  if (values.length === 0) return sql`'{}'::text[]`;
  return sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}

export function uuidArray(values: readonly string[]): SQL {
  if (values.length === 0) return sql`'{}'::uuid[]`;
  return sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::uuid[]`;
}

function tokenCondition(token: string): SQL {
  const t = escapeLike(token);
  if (token.length >= TRIGRAM_MIN) return sql`${contacts.searchText} like ${`%${t}%`}`;
  // Too short for trigrams, but the rows are already narrowed by a longer word: a word start.
  return sql`(${contacts.searchText} like ${`${t}%`} or ${contacts.searchText} like ${`% ${t}%`})`;
}

/**
 * The one matching rule of the search box and of the lists' `search` filter. search_text is
 * lower-case and trigram-indexed (contacts_search_trgm_idx), so every word of 3+ characters
 * becomes a LIKE the index can answer; a query of only shorter words ("an", "jo k") needs
 * the name to start with its first word. A
 * phone-like query matches through its digit strings, which search_text holds in
 * international and national form.
 */
export function searchCondition(terms: SearchTerms): SQL | undefined {
  if (terms.digits.length > 0) {
    const phone = terms.digits.map(
      (d) => sql`${contacts.searchText} like ${`%${escapeLike(d)}%`}` as SQL,
    );
    if (terms.text.length >= TRIGRAM_MIN) phone.push(tokenCondition(terms.text));
    return or(...phone);
  }
  if (terms.tokens.length === 0) return undefined;
  const [first = '', ...rest] = terms.tokens;
  if (terms.tokens.every((t) => t.length < TRIGRAM_MIN)) {
    return and(
      sql`${contacts.sortName} like ${`${escapeLike(first)}%`}`,
      ...rest.map(tokenCondition),
    );
  }
  return and(...terms.tokens.map(tokenCondition));
}

/**
 * 0: an exact phone, email, org number or name; 1: the name starts with the query; 2: the last
 * name, company name or an email starts with it; 3: the rest.
 */
function rankExpression(terms: SearchTerms): SQL {
  const q = terms.text;
  const prefix = `${escapeLike(q)}%`;
  const exact: SQL[] = [
    sql`${contacts.sortName} = ${q}`,
    sql`${q} = any(${contacts.emailKeys})`,
    sql`lower(${contacts.orgNumber}) = ${q}`,
  ];
  if (terms.digits.length > 0) {
    exact.push(sql`${contacts.phoneKeys} && ${textArray(terms.digits.map((d) => `+${d}`))}`);
    exact.push(
      sql`regexp_replace(${contacts.orgNumber}, '[^0-9]', '', 'g') = any(${textArray(terms.digits)})`,
    );
  }
  const starts: SQL[] = [
    sql`lower(${contacts.lastName}) like ${prefix}`,
    sql`lower(${contacts.name}) like ${prefix}`,
    sql`exists (select 1 from unnest(${contacts.emailKeys}) as e(v) where e.v like ${prefix})`,
  ];
  return sql`case when ${or(...exact)} then 0 when ${contacts.sortName} like ${prefix} then 1
    when ${or(...starts)} then 2 else 3 end`;
}

export interface SearchRow {
  id: string;
  kind: ContactKind;
  displayName: string;
  statusId: string | null;
  phones: Array<{ number: string }>;
  emails: Array<{ email: string }>;
  orgNumber: string;
}

const searchColumns = {
  id: contacts.id,
  kind: contacts.kind,
  displayName: contacts.displayName,
  statusId: contacts.statusId,
  phones: contacts.phones,
  emails: contacts.emails,
  orgNumber: contacts.orgNumber,
};

export async function searchContacts(
  db: Db,
  orgId: string,
  terms: SearchTerms,
  opts: { limit: number; kind?: ContactKind },
): Promise<SearchRow[]> {
  const match = searchCondition(terms);
  if (!match) return [];
  const where = (condition: SQL) =>
    and(
      eq(contacts.orgId, orgId),
      isNull(contacts.deletedAt),
      opts.kind ? eq(contacts.kind, opts.kind) : undefined,
      condition,
    );
  // A common word ("anna") matches thousands of rows, and ranking them all costs tens of ms.
  // When enough names start with the query, those are the whole first page of the ranking
  // (a name query has no exact phone, email or org number), and the prefix index finds them.
  if (terms.digits.length === 0 && !terms.text.includes('@') && terms.text.length >= 3) {
    const prefixed = await db
      .select(searchColumns)
      .from(contacts)
      .where(where(sql`${contacts.sortName} like ${`${escapeLike(terms.text)}%`}`))
      .orderBy(asc(contacts.sortName), asc(contacts.id))
      .limit(opts.limit);
    if (prefixed.length === opts.limit) return prefixed;
  }
  const rank = rankExpression(terms);
  // A frequent word matches thousands of rows scattered over the table; with the default
  // random_page_cost (4, tuned for spinning disks) the planner then reads the whole table
  // instead of the trigram index. The contacts of one club are hot in memory: say so.
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local random_page_cost = 1.1`);
    return tx
      .select(searchColumns)
      .from(contacts)
      .where(where(match))
      .orderBy(rank, asc(contacts.sortName), asc(contacts.id))
      .limit(opts.limit);
  });
}
