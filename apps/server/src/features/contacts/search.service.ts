import type { ContactKind, SearchHit } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { phoneSearchKeys, queryPhoneDigits } from '../../lib/phones.ts';
import { getCrmSettings } from '../contact-settings/index.ts';
import * as repo from './search.repo.ts';

/** Reads a query the way search_text was written: lower-case words, phone digits apart. */
export function parseSearchTerms(q: string, region: string | null): repo.SearchTerms {
  const text = q.trim().toLowerCase();
  return {
    text,
    tokens: text.split(/\s+/).filter(Boolean),
    digits: queryPhoneDigits(q, region),
  };
}

/** The search terms of a list filter, or null when there is nothing to search for. */
export async function listSearchTerms(db: Db, orgId: string, search: string | undefined) {
  if (!search?.trim()) return null;
  const { phoneRegion } = await getCrmSettings(db, orgId);
  return parseSearchTerms(search, phoneRegion);
}

/** What the hit shows under its name: the value that matched, else the first phone. */
export function hitDetail(
  row: repo.SearchRow,
  terms: repo.SearchTerms,
  region: string | null,
): string | null {
  if (terms.digits.length > 0) {
    const phone = row.phones.find((p) =>
      phoneSearchKeys(p.number, region).some((k) => terms.digits.some((d) => k.includes(d))),
    );
    if (phone) return phone.number;
  }
  const email = row.emails.find((e) => terms.tokens.some((t) => e.email.includes(t)));
  if (email) return email.email;
  if (row.orgNumber) {
    const org = row.orgNumber.toLowerCase();
    const orgDigits = org.replace(/\D/g, '');
    const matched =
      terms.tokens.some((t) => org.includes(t)) || terms.digits.some((d) => orgDigits.includes(d));
    if (matched) return row.orgNumber;
  }
  return row.phones[0]?.number ?? row.emails[0]?.email ?? (row.orgNumber || null);
}

export async function search(
  db: Db,
  actor: Actor,
  query: { q: string; limit: number; kind?: ContactKind },
): Promise<{ items: SearchHit[] }> {
  assertCan(actor, 'contacts.read');
  const { phoneRegion } = await getCrmSettings(db, actor.orgId);
  const terms = parseSearchTerms(query.q, phoneRegion);
  const rows = await repo.searchContacts(db, actor.orgId, terms, {
    limit: query.limit,
    kind: query.kind,
  });
  const items: SearchHit[] = rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    displayName: row.displayName,
    detail: hitDetail(row, terms, phoneRegion),
    statusId: row.statusId,
    via: null,
  }));
  // A child is found by their guardian's phone, a guardian by their child's name (C-11):
  // the relatives of the person hits fill the places the limit leaves.
  if (query.kind === 'company') return { items };
  const persons = rows.filter((r) => r.kind === 'person');
  const names = new Map(persons.map((p) => [p.id, p.displayName]));
  const relatives = await repo.relativesOf(
    db,
    actor.orgId,
    persons.map((p) => p.id),
    query.limit - items.length,
  );
  for (const r of relatives) {
    items.push({
      id: r.id,
      kind: r.kind,
      displayName: r.displayName,
      detail: r.phones[0]?.number ?? r.emails[0]?.email ?? null,
      statusId: r.statusId,
      via: { id: r.viaId, displayName: names.get(r.viaId) ?? '', as: r.viaAs },
    });
  }
  return { items };
}
