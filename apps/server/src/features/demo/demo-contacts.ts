import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ContactKind, Locale } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { branches } from '../branches/index.ts';
import {
  contactStatuses,
  customFields,
  getCrmSettings,
  lookups,
} from '../contact-settings/index.ts';
import {
  contactHistory,
  contacts,
  prepareContactValues,
  type ContactInput,
} from '../contacts/index.ts';
import { users } from '../users/index.ts';
import { DEMO_CRM, demoPhone, type DemoCrmWords } from './demo-crm-names.ts';
import { emailLocalPart } from './demo-names.ts';

const PERSONS = 300;
const COMPANIES = 30;
const DAY = 24 * 60 * 60 * 1000;

/** A small seeded generator: the same organization always gets the same demo. */
export function random(seed: string) {
  let a = [...seed].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261) >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
export type Random = ReturnType<typeof random>;

async function ensureLookups(
  db: Db,
  orgId: string,
  kind: 'tags' | 'sources' | 'industries',
  names: string[],
  scope: 'person' | 'company' | 'both',
) {
  const colours = ['#2563eb', '#16a34a', '#9333ea', '#ea580c', '#db2777'];
  await db
    .insert(lookups)
    .values(
      names.map((name, position) => ({
        orgId,
        kind,
        name,
        scope,
        position,
        color: kind === 'tags' ? colours[position % colours.length]! : null,
      })),
    )
    .onConflictDoNothing();
  const rows = await db
    .select({ id: lookups.id })
    .from(lookups)
    .where(and(eq(lookups.orgId, orgId), eq(lookups.kind, kind)))
    .orderBy(asc(lookups.position));
  return rows.map((r) => r.id);
}

async function ensureMembershipFields(db: Db, orgId: string, words: DemoCrmWords) {
  const colours = [
    { color: '#1e3a8a', background: '#dbeafe' },
    { color: '#713f12', background: '#fef3c7' },
    { color: '#14532d', background: '#dcfce7' },
  ];
  await db
    .insert(customFields)
    .values([
      {
        orgId,
        entity: 'person',
        name: words.membership.field,
        type: 'dropdown',
        position: 0,
        options: words.membership.options.map(([name, abbreviation], i) => ({
          id: randomUUID(),
          name,
          abbreviation,
          ...colours[i % colours.length]!,
        })),
      },
      { orgId, entity: 'person', name: words.membership.ends, type: 'date', position: 1 },
    ])
    .onConflictDoNothing();
  const rows = await db
    .select()
    .from(customFields)
    .where(
      and(
        eq(customFields.orgId, orgId),
        inArray(customFields.name, [words.membership.field, words.membership.ends]),
      ),
    );
  const membership = rows.find((r) => r.type === 'dropdown');
  const ends = rows.find((r) => r.type === 'date');
  return membership && ends ? { membership, ends } : undefined;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

interface Refs {
  statuses: Record<ContactKind, string[]>;
  staffIds: string[];
  branchIds: string[];
  tagIds: string[];
  sourceIds: string[];
  industryIds: string[];
  historyTypeIds: string[];
}

function address(r: Random, w: DemoCrmWords) {
  const [city, postal] = r.pick(w.cities);
  return {
    street: `${r.pick(w.streets)} ${1 + r.int(120)}`,
    postalCode: `${postal}${String(r.int(100)).padStart(2, '0')}`,
    city,
    country: w.country,
  };
}

/**
 * ~300 persons and ~30 companies in the organization's language with statuses, tags, two
 * custom fields, responsible staff, branches, sources and 1–4 history notes each. Skipped
 * when the organization already has contacts, so running the demo twice does not double it.
 */
export async function seedDemoContacts(db: Db, orgId: string, locale: Locale) {
  const [existing] = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(eq(contacts.orgId, orgId))
    .limit(1);
  if (existing) return { persons: 0, companies: 0 };

  const w = DEMO_CRM[locale] ?? DEMO_CRM.en;
  const r = random(orgId);
  const { phoneRegion } = await getCrmSettings(db, orgId);
  const fields = await ensureMembershipFields(db, orgId, w);
  const statusRows = await db
    .select({ id: contactStatuses.id, entity: contactStatuses.entity })
    .from(contactStatuses)
    .where(eq(contactStatuses.orgId, orgId))
    .orderBy(asc(contactStatuses.position));
  const staff = await db
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(eq(users.orgId, orgId));
  const branchRows = await db.select().from(branches).where(eq(branches.orgId, orgId));
  const historyTypes = await db
    .select({ id: lookups.id })
    .from(lookups)
    .where(and(eq(lookups.orgId, orgId), eq(lookups.kind, 'history-types')));
  const refs: Refs = {
    statuses: {
      person: statusRows.filter((s) => s.entity === 'person').map((s) => s.id),
      company: statusRows.filter((s) => s.entity === 'company').map((s) => s.id),
    },
    staffIds: staff
      .filter((s) => ['admin', 'manager', 'sales', 'reception'].includes(s.role))
      .map((s) => s.id),
    branchIds: branchRows.map((b) => b.id),
    tagIds: await ensureLookups(db, orgId, 'tags', w.tags, 'both'),
    sourceIds: await ensureLookups(db, orgId, 'sources', w.sources, 'both'),
    industryIds: await ensureLookups(db, orgId, 'industries', w.industries, 'company'),
    historyTypeIds: historyTypes.map((h) => h.id),
  };
  const now = Date.now();
  const rows: Array<typeof contacts.$inferInsert & { id: string; createdAt: Date }> = [];
  const build = (kind: ContactKind, input: ContactInput, ageDays: number) => {
    const createdAt = new Date(now - ageDays * DAY);
    const v = prepareContactValues(kind, input, { region: phoneRegion, now: createdAt });
    const row = {
      ...v,
      id: randomUUID(),
      orgId,
      kind,
      displayName: v.displayName ?? '',
      sortName: v.sortName ?? '',
      createdBy: refs.staffIds[0] ?? null,
      createdAt,
      updatedAt: createdAt,
    };
    rows.push(row);
    return row;
  };
  const common = (kind: ContactKind) => {
    // Prospects most, then customers, a few former customers (C-3).
    const statuses = refs.statuses[kind];
    const roll = r.next();
    const status = roll < 0.4 ? statuses[0] : roll < 0.85 ? statuses[1] : statuses[2];
    return {
      statusId: status ?? null,
      responsibleId: refs.staffIds.length && r.chance(0.85) ? r.pick(refs.staffIds) : null,
      branchId: refs.branchIds.length ? r.pick(refs.branchIds) : null,
      sourceId: refs.sourceIds.length && r.chance(0.7) ? r.pick(refs.sourceIds) : null,
      tagIds: refs.tagIds.filter(() => r.chance(0.2)),
    };
  };

  const companyIds: string[] = [];
  for (let i = 0; i < COMPANIES; i++) {
    const name = `${w.companyWords[i % w.companyWords.length]} ${w.companySuffixes[Math.floor(i / w.companyWords.length) % w.companySuffixes.length]}`;
    const row = build(
      'company',
      {
        ...common('company'),
        name,
        orgNumber: `${556000 + r.int(9999)}-${String(r.int(10_000)).padStart(4, '0')}`,
        phones: [{ number: demoPhone(phoneRegion, 9_000_000 + i), label: 'work' }],
        emails: [
          { email: `info@${emailLocalPart(name).replace(/\./g, '-')}.example.com`, label: 'work' },
        ],
        billingAddress: address(r, w),
        industryId: refs.industryIds.length ? r.pick(refs.industryIds) : null,
      },
      60 + r.int(300),
    );
    companyIds.push(row.id);
  }

  for (let i = 0; i < PERSONS; i++) {
    const [first, female] = r.pick(w.firstNames);
    const [maleLast, femaleLast] = r.pick(w.lastNames);
    const last = female ? femaleLast : maleLast;
    const base = common('person');
    const isCustomer = base.statusId === refs.statuses.person[1];
    const isFormer = base.statusId === refs.statuses.person[2];
    const custom: Record<string, string> = {};
    if (fields && (isCustomer || isFormer)) {
      custom[fields.membership.id] = r.pick(fields.membership.options).id;
      const endsIn = isFormer ? -(10 + r.int(200)) : 5 + r.int(360);
      custom[fields.ends.id] = isoDay(new Date(now + endsIn * DAY));
    }
    const birth = new Date(Date.UTC(1960 + r.int(56), r.int(12), 1 + r.int(28)));
    build(
      'person',
      {
        ...base,
        firstName: first,
        lastName: last,
        phones: [{ number: demoPhone(phoneRegion, 1_000_000 + i * 7919), label: 'mobile' }],
        emails: r.chance(0.8)
          ? [{ email: `${emailLocalPart(`${first} ${last}`)}${i}@example.com`, label: 'personal' }]
          : [],
        birthDate: isoDay(birth),
        address: r.chance(0.7) ? address(r, w) : undefined,
        companyId: r.chance(0.2) ? r.pick(companyIds) : null,
        custom,
        consentEmail: { granted: r.chance(0.6), source: 'Demo' },
        consentSms: { granted: r.chance(0.4), source: 'Demo' },
      },
      30 + r.int(240),
    );
  }

  const history: Array<typeof contactHistory.$inferInsert> = [];
  for (const row of rows) {
    const ageDays = Math.max(1, Math.floor((now - row.createdAt.getTime()) / DAY));
    for (let n = 1 + r.int(4); n > 0; n--) {
      history.push({
        orgId,
        contactId: row.id,
        event: 'note',
        typeId: refs.historyTypeIds.length ? r.pick(refs.historyTypeIds) : null,
        text: r.pick(w.notes),
        authorId: refs.staffIds.length ? r.pick(refs.staffIds) : null,
        createdAt: new Date(now - r.int(ageDays) * DAY - r.int(DAY)),
      });
    }
  }
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 100)
      await tx.insert(contacts).values(rows.slice(i, i + 100));
    for (let i = 0; i < history.length; i += 200) {
      await tx.insert(contactHistory).values(history.slice(i, i + 200));
    }
  });
  return { persons: PERSONS, companies: COMPANIES };
}
