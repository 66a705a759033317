import { and, asc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { ContactKind } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { contacts, personRelations } from './contacts.table.ts';
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

/** Matches ranked per stage: enough to order a page sensibly, few enough to stay cheap. */
const CANDIDATES = 200;

/** The answer's columns by their SQL names, as a raw statement returns them. */
const OUT = sql.raw('id, kind, display_name, status_id, phones, emails, org_number');
interface RawSearchRow {
  stage: number;
  id: string;
  kind: ContactKind;
  display_name: string;
  status_id: string | null;
  phones: Array<{ number: string }>;
  emails: Array<{ email: string }>;
  org_number: string;
}

/**
 * A number typed in full finds its owner through the phone-key index alone: an exact E.164
 * match is the answer to "who is calling", and no substring scan is needed.
 */
async function exactPhone(
  db: Db,
  base: SQL,
  terms: SearchTerms,
  limit: number,
): Promise<SearchRow[]> {
  const full = terms.digits.filter((d) => d.length >= 8).map((d) => `+${d}`);
  if (full.length === 0) return [];
  return db
    .select(searchColumns)
    .from(contacts)
    .where(and(base, sql`${contacts.phoneKeys} && ${textArray(full)}`))
    .orderBy(asc(contacts.sortName), asc(contacts.id))
    .limit(limit);
}

/**
 * Search in stages, so that a frequent word ("son", in half the names) costs what a rare one
 * does: an exact phone number through the phone-key index; else, in one statement, names that
 * start with the query (name order, through the name-prefix index), then records with a word
 * that starts with it, then the rest — each of those two at most CANDIDATES matches, ranked
 * (exact email or org number, then last or company name or email start) and by name.
 */
export async function searchContacts(
  db: Db,
  orgId: string,
  terms: SearchTerms,
  opts: { limit: number; kind?: ContactKind },
): Promise<SearchRow[]> {
  const match = searchCondition(terms);
  if (!match) return [];
  const base = and(
    eq(contacts.orgId, orgId),
    isNull(contacts.deletedAt),
    opts.kind ? eq(contacts.kind, opts.kind) : undefined,
  )!;
  const phoneHits = await exactPhone(db, base, terms, opts.limit);
  if (phoneHits.length > 0) return phoneHits;

  const cols = sql.join(
    Object.values(searchColumns).map((c) => sql`${c}`),
    sql`, `,
  );
  const parts: SQL[] = [];
  const stage = (n: number, query: SQL) =>
    parts.push(
      sql`(select ${sql.raw(String(n))} as stage, ${OUT} from (${query}) ${sql.raw(`s${n}`)})`,
    );
  const q = escapeLike(terms.text);
  const nameStarts = sql`${contacts.sortName} like ${`${q}%`}`;
  const nameQuery = terms.digits.length === 0;
  if (nameQuery) {
    // Byte order (`~<~`), which the name-prefix index (text_pattern_ops) keeps: the scan stops
    // after the first names instead of sorting every name that starts with a frequent prefix.
    stage(
      1,
      sql`select ${cols} from ${contacts} where ${base} and ${match} and ${nameStarts}
        order by ${contacts.sortName} using ~<~, ${contacts.id} limit ${opts.limit}`,
    );
  }
  const rank = rankExpression(terms);
  const ranked = (n: number, condition: SQL) =>
    stage(
      n,
      // The inner LIMIT without an order stops the scan at CANDIDATES matches.
      sql`select ${OUT} from (select ${cols}, ${rank} as rank, ${contacts.sortName} as sort_key
          from ${contacts} where ${base} and ${match} and ${condition} limit ${CANDIDATES}) c
        order by rank, sort_key, id limit ${opts.limit}`,
    );
  const wordStarts = sql`(${contacts.searchText} like ${`${q}%`} or ${contacts.searchText} like ${`% ${q}%`})`;
  const notName = nameQuery ? sql`not (${nameStarts})` : sql`true`;
  ranked(2, sql`${notName} and ${wordStarts}`);
  ranked(3, sql`${notName} and not ${wordStarts}`);

  // No ORDER BY over the union: PostgreSQL runs its parts in turn and stops at the limit, so
  // a full first part skips the others; the stage number keeps the order explicit here.
  const result = await db.execute(sql`${sql.join(parts, sql` union all `)} limit ${opts.limit}`);
  const rows = (result as unknown as { rows: RawSearchRow[] }).rows;
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.stage - b.r.stage || a.i - b.i)
    .map(({ r }) => ({
      id: r.id,
      kind: r.kind,
      displayName: r.display_name,
      statusId: r.status_id,
      phones: r.phones,
      emails: r.emails,
      orgNumber: r.org_number,
    }));
}

/** A relative of a hit (issue 17): who they are, and the hit they were found through. */
export interface RelativeRow extends SearchRow {
  viaId: string;
  /** What the hit is to this relative: their guardian, or their child. */
  viaAs: 'guardian' | 'child';
}

/**
 * The live relatives of these hits, in ONE statement through the relation indexes (pair index
 * by guardian, child index by child): the children of hits who are guardians and the
 * guardians of hits who are children, each once (through their best-placed hit), the hits
 * themselves left out, in the order of the hits they came through.
 */
export async function relativesOf(
  db: Db,
  orgId: string,
  hitIds: readonly string[],
  limit: number,
): Promise<RelativeRow[]> {
  if (hitIds.length === 0 || limit <= 0) return [];
  const ids = uuidArray(hitIds);
  const result = await db.execute(sql`
    select * from (
      select distinct on (c.id) c.id, c.kind, c.display_name, c.status_id, c.phones, c.emails,
        c.org_number, x.via_id, x.via_as, x.pos
      from (
        select r.child_id as rel_id, r.guardian_id as via_id, 'guardian' as via_as,
          array_position(${ids}, r.guardian_id) as pos
        from ${personRelations} r
        where r.org_id = ${orgId}::uuid and r.guardian_id = any(${ids})
        union all
        select r.guardian_id, r.child_id, 'child', array_position(${ids}, r.child_id)
        from ${personRelations} r
        where r.org_id = ${orgId}::uuid and r.child_id = any(${ids})
      ) x
      join ${contacts} c on c.org_id = ${orgId}::uuid and c.id = x.rel_id
      where c.deleted_at is null and c.id <> all(${ids})
      order by c.id, x.pos, x.via_as desc
    ) d
    order by pos, lower(display_name), id
    limit ${limit}`);
  const rows = (
    result as unknown as {
      rows: Array<RawSearchRow & { via_id: string; via_as: 'guardian' | 'child' }>;
    }
  ).rows;
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    displayName: r.display_name,
    statusId: r.status_id,
    phones: r.phones,
    emails: r.emails,
    orgNumber: r.org_number,
    viaId: r.via_id,
    viaAs: r.via_as,
  }));
}
