/**
 * Fast, realistic contact rows written straight to the table — for the 10,000-row list tests
 * and the 100,000-row search benchmark (bench/search.bench.ts). Not used by the app.
 */
import type { Db } from '../../db/client.ts';
import { buildSearchText, normalizePhone } from '../../lib/phones.ts';
import { contacts } from './contacts.table.ts';

const FIRST = [
  'Anna',
  'Erik',
  'Maja',
  'Lars',
  'Karin',
  'Oskar',
  'Elsa',
  'Johan',
  'Sara',
  'Nils',
  'Ida',
  'Olof',
  'Wilma',
  'Hugo',
  'Ebba',
  'Axel',
  'Alice',
  'Liam',
  'Olivia',
  'Noah',
  'Zofia',
  'Piotr',
  'Agnieszka',
  'Tomasz',
  'Olga',
  'Dmitri',
  'Natalia',
  'Ivan',
  'Oksana',
  'Taras',
  'Grace',
  'James',
];
const LAST = [
  'Andersson',
  'Johansson',
  'Karlsson',
  'Nilsson',
  'Eriksson',
  'Larsson',
  'Olsson',
  'Persson',
  'Svensson',
  'Gustafsson',
  'Pettersson',
  'Lindqvist',
  'Berg',
  'Nowak',
  'Kowalski',
  'Wiśniewska',
  'Ivanova',
  'Petrov',
  'Shevchenko',
  'Kovalenko',
  'Bennett',
  'Carter',
  'Turner',
  'Hughes',
];
const DOMAINS = ['example.se', 'mail.test', 'club.example', 'post.example'];
const COMPANY_WORDS = ['Nordic', 'Fitness', 'Dance', 'Kids', 'Studio', 'Sport', 'Health', 'Group'];

/** A small seeded PRNG: the same seed always builds the same data (mulberry32). */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}

export interface GenerateOptions {
  orgId: string;
  seed?: number;
  statusIds?: string[];
  tagIds?: string[];
  responsibleIds?: string[];
  /** A dropdown custom field and its option ids. */
  dropdown?: { fieldId: string; optionIds: string[] };
  /** createdAt of row i is start + i seconds (so several rows never share a stamp by accident). */
  createdStart?: Date;
  /** Make every this-many-th row share its createdAt with the previous one (paging ties). */
  tieEvery?: number;
}

type Insert = typeof contacts.$inferInsert;

const sometimes = <T>(r: ReturnType<typeof seededRandom>, p: number, value: () => T) =>
  r.next() < p ? value() : undefined;

/** `count` persons numbered from `from` (the number makes every phone and email unique). */
export function generatePersons(count: number, from: number, o: GenerateOptions): Insert[] {
  const r = seededRandom((o.seed ?? 1) + from);
  const start = (o.createdStart ?? new Date('2024-01-01T08:00:00Z')).getTime();
  const rows: Insert[] = [];
  for (let i = from; i < from + count; i++) {
    const firstName = r.pick(FIRST);
    const lastName = r.pick(LAST);
    const displayName = `${firstName} ${lastName}`;
    const phone = normalizePhone(`+4670${String(1_000_000 + i).padStart(7, '0')}`, 'SE');
    const email = `${firstName}.${lastName}.${i}@${r.pick(DOMAINS)}`.toLowerCase();
    const phones = [{ number: phone.number, label: 'mobile' as const, valid: phone.valid }];
    const emails = [{ email, label: 'personal' as const }];
    const tie = o.tieEvery && i % o.tieEvery === 1 ? 1 : 0;
    const tags = (o.tagIds ?? []).filter(() => r.next() < 0.3);
    const option = o.dropdown ? sometimes(r, 0.7, () => r.pick(o.dropdown!.optionIds)) : undefined;
    rows.push({
      orgId: o.orgId,
      kind: 'person',
      firstName,
      lastName,
      displayName,
      sortName: displayName.toLowerCase(),
      phones,
      emails,
      phoneKeys: [phone.number],
      emailKeys: [email],
      searchText: buildSearchText({ firstName, lastName, displayName, emails, phones }, 'SE'),
      statusId: o.statusIds?.length
        ? (sometimes(r, 0.9, () => r.pick(o.statusIds!)) ?? null)
        : null,
      responsibleId: o.responsibleIds?.length
        ? (sometimes(r, 0.8, () => r.pick(o.responsibleIds!)) ?? null)
        : null,
      tagIds: tags,
      custom: o.dropdown && option ? { [o.dropdown.fieldId]: option } : {},
      createdAt: new Date(start + (i - tie) * 1000),
      updatedAt: new Date(start + (i - tie) * 1000),
    });
  }
  return rows;
}

export function generateCompanies(count: number, from: number, o: GenerateOptions): Insert[] {
  const r = seededRandom((o.seed ?? 7) + from);
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const name = `${r.pick(COMPANY_WORDS)} ${r.pick(COMPANY_WORDS)} ${r.pick(LAST)} AB ${i}`;
    const orgNumber = `55${String(1_000_000 + i).padStart(8, '0')}`.replace(/^(\d{6})/, '$1-');
    const email = `info${i}@${r.pick(DOMAINS)}`;
    const emails = [{ email, label: 'work' as const }];
    return {
      orgId: o.orgId,
      kind: 'company' as const,
      name,
      orgNumber,
      displayName: name,
      sortName: name.toLowerCase(),
      emails,
      emailKeys: [email],
      searchText: buildSearchText({ name, displayName: name, orgNumber, emails }, 'SE'),
      statusId: o.statusIds?.length ? r.pick(o.statusIds) : null,
    };
  });
}

/** Multi-row INSERTs of `batch` rows: 10,000 persons take a few seconds, not minutes. */
export async function insertContacts(db: Db, rows: Insert[], batch = 1000): Promise<void> {
  for (let i = 0; i < rows.length; i += batch) {
    await db.insert(contacts).values(rows.slice(i, i + batch));
  }
}
