import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { ContactKind, ImportRowError, LookupKind } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { lookups } from '../../db/schema.ts';
import { branches } from '../branches/index.ts';
import { contactHistory, contacts } from '../contacts/index.ts';
import { users } from '../users/index.ts';
import { imports } from './imports.table.ts';

/** Everything but the file itself: lists and status polls never read megabytes. */
const summary = {
  id: imports.id,
  orgId: imports.orgId,
  kind: imports.kind,
  fileName: imports.fileName,
  status: imports.status,
  headers: imports.headers,
  sample: imports.sample,
  mapping: imports.mapping,
  duplicateMode: imports.duplicateMode,
  dryRun: imports.dryRun,
  totalRows: imports.totalRows,
  processedRows: imports.processedRows,
  created: imports.created,
  updated: imports.updated,
  skipped: imports.skipped,
  failed: imports.failed,
  errors: imports.errors,
  errorCount: imports.errorCount,
  createdBy: imports.createdBy,
  createdAt: imports.createdAt,
  finishedAt: imports.finishedAt,
};

export type ImportSummaryRow = Omit<typeof imports.$inferSelect, 'content'>;
export type ImportRow = typeof imports.$inferSelect;

export async function insertImport(db: Db, values: typeof imports.$inferInsert) {
  const [row] = await db.insert(imports).values(values).returning(summary);
  return row!;
}

export async function findImport(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select(summary)
    .from(imports)
    .where(and(eq(imports.orgId, orgId), eq(imports.id, id)));
  return row;
}

export function listImports(db: Db, orgId: string, limit: number) {
  return db
    .select(summary)
    .from(imports)
    .where(eq(imports.orgId, orgId))
    .orderBy(desc(imports.createdAt), desc(imports.id))
    .limit(limit);
}

/** Starts a (dry) run unless one is already under way; undefined when it is. */
export async function startRun(
  db: Db,
  orgId: string,
  id: string,
  run: {
    mapping: Record<string, string>;
    duplicateMode: 'skip' | 'update' | 'create';
    dryRun: boolean;
  },
) {
  const [row] = await db
    .update(imports)
    .set({
      ...run,
      status: run.dryRun ? 'validating' : 'running',
      processedRows: 0,
      created: 0,
      updated: 0,
      skipped: 0,
      failed: 0,
      errors: [],
      errorCount: 0,
      finishedAt: null,
    })
    .where(
      and(
        eq(imports.orgId, orgId),
        eq(imports.id, id),
        inArray(imports.status, ['uploaded', 'validated', 'failed']),
      ),
    )
    .returning(summary);
  return row;
}

/** The whole import, file included, for the job that runs it. */
export async function findImportToRun(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(imports)
    .where(and(eq(imports.orgId, orgId), eq(imports.id, id)));
  return row;
}

/**
 * A run that failed goes on from where it stopped when its job is retried; answers the
 * status it is back in, undefined if it was not failed any more.
 */
export async function reopenFailedImport(db: Db, orgId: string, id: string, dryRun: boolean) {
  const [row] = await db
    .update(imports)
    .set({ status: dryRun ? 'validating' : 'running', finishedAt: null })
    .where(and(eq(imports.orgId, orgId), eq(imports.id, id), eq(imports.status, 'failed')))
    .returning({ status: imports.status });
  return row?.status;
}

export interface Progress {
  processedRows: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  errors: ImportRowError[];
  errorCount: number;
}

/**
 * Saves a batch's progress in the batch's transaction. Only from where the batch started: a
 * second runner that took the same batch (its lease ran out while it worked) finds the
 * progress moved on, and its transaction rolls back instead of writing the rows twice.
 */
export async function saveProgress(
  db: Db,
  orgId: string,
  id: string,
  progress: Progress,
  from: number,
) {
  const rows = await db
    .update(imports)
    .set(progress)
    .where(and(eq(imports.orgId, orgId), eq(imports.id, id), eq(imports.processedRows, from)))
    .returning({ id: imports.id });
  if (rows.length === 0) throw new Error('Another run of this import got further first');
}

export async function finishImport(
  db: Db,
  orgId: string,
  id: string,
  status: 'validated' | 'done' | 'failed',
) {
  await db
    .update(imports)
    .set({ status, finishedAt: new Date() })
    .where(and(eq(imports.orgId, orgId), eq(imports.id, id)));
}

// ---------------------------------------------------------------- reference data by name

export async function branchNames(db: Db, orgId: string) {
  return db
    .select({ id: branches.id, name: branches.name })
    .from(branches)
    .where(and(eq(branches.orgId, orgId), isNull(branches.archivedAt)))
    .limit(1000);
}

/** Active entries of the simple lists an import maps by name (tags, categories, sources …). */
export async function lookupRows(db: Db, orgId: string, kinds: LookupKind[]) {
  return db
    .select({ id: lookups.id, kind: lookups.kind, name: lookups.name, scope: lookups.scope })
    .from(lookups)
    .where(and(eq(lookups.orgId, orgId), inArray(lookups.kind, kinds), isNull(lookups.archivedAt)))
    .limit(20_000);
}

/** Tags named in the file that do not exist yet are created (a file's tags are its own words). */
export async function ensureTags(db: Db, orgId: string, names: string[], scope: ContactKind) {
  if (names.length === 0) return [];
  await db
    .insert(lookups)
    .values(names.map((name) => ({ orgId, kind: 'tags' as const, name, scope })))
    .onConflictDoNothing();
  return db
    .select({ id: lookups.id, name: lookups.name, scope: lookups.scope })
    .from(lookups)
    .where(
      and(
        eq(lookups.orgId, orgId),
        eq(lookups.kind, 'tags'),
        inArray(
          sql`lower(${lookups.name})`,
          names.map((n) => n.toLowerCase()),
        ),
      ),
    );
}

export async function staffNames(db: Db, orgId: string) {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.orgId, orgId))
    .limit(10_000);
}

/** Live companies by lower-cased name (a person's "Company" column links to one). */
export async function companyIdsByName(db: Db, orgId: string, names: string[]) {
  if (names.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: contacts.id, key: contacts.sortName })
    .from(contacts)
    .where(
      and(
        eq(contacts.orgId, orgId),
        eq(contacts.kind, 'company'),
        isNull(contacts.deletedAt),
        // sortName is the lower-case name of a company, and indexed with (org, kind).
        inArray(contacts.sortName, names),
      ),
    )
    .orderBy(asc(contacts.createdAt));
  const map = new Map<string, string>();
  for (const r of rows) if (!map.has(r.key)) map.set(r.key, r.id);
  return map;
}

// ---------------------------------------------------------------- contacts

/**
 * Every normalized phone and email of the organization's live contacts of a kind, read once
 * per claim: checking each batch against an in-memory map keeps a 50,000-row import linear.
 */
export async function contactKeys(db: Db, orgId: string, kind: ContactKind) {
  return db
    .select({ id: contacts.id, phoneKeys: contacts.phoneKeys, emailKeys: contacts.emailKeys })
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.kind, kind), isNull(contacts.deletedAt)))
    .orderBy(asc(contacts.createdAt), asc(contacts.id));
}

export async function liveContactsByIds(db: Db, orgId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), inArray(contacts.id, ids), isNull(contacts.deletedAt)));
}

type ContactInsert = typeof contacts.$inferInsert & { id: string };

/** Column → Postgres type of what an import writes; the rest keep their defaults. */
const CONTACT_COLUMNS = {
  id: 'uuid',
  org_id: 'uuid',
  kind: 'text',
  first_name: 'text',
  last_name: 'text',
  birth_date: 'date',
  address: 'jsonb',
  company_id: 'uuid',
  name: 'text',
  org_number: 'text',
  visiting_address: 'jsonb',
  industry_id: 'uuid',
  display_name: 'text',
  sort_name: 'text',
  phones: 'jsonb',
  emails: 'jsonb',
  phone_keys: 'text[]',
  email_keys: 'text[]',
  search_text: 'text',
  branch_id: 'uuid',
  status_id: 'uuid',
  responsible_id: 'uuid',
  source_id: 'uuid',
  note: 'text',
  tag_ids: 'uuid[]',
  category_ids: 'uuid[]',
  product_ids: 'uuid[]',
  custom: 'jsonb',
  consent_email: 'boolean',
  consent_email_at: 'timestamptz',
  consent_email_source: 'text',
  consent_sms: 'boolean',
  consent_sms_at: 'timestamptz',
  consent_sms_source: 'text',
  created_by: 'uuid',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
} as const;

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

/**
 * One INSERT per batch, its rows sent as ONE JSON parameter: thousands of bind parameters
 * cost far more than the rows themselves on the embedded database.
 */
export async function insertContacts(db: Db, values: ContactInsert[]) {
  if (values.length === 0) return;
  const now = new Date();
  const records = values.map((v) => ({
    id: v.id,
    org_id: v.orgId,
    kind: v.kind,
    first_name: v.firstName ?? '',
    last_name: v.lastName ?? '',
    birth_date: v.birthDate ?? null,
    address: v.address ?? null,
    company_id: v.companyId ?? null,
    name: v.name ?? '',
    org_number: v.orgNumber ?? '',
    visiting_address: v.visitingAddress ?? null,
    industry_id: v.industryId ?? null,
    display_name: v.displayName,
    sort_name: v.sortName,
    phones: v.phones ?? [],
    emails: v.emails ?? [],
    phone_keys: v.phoneKeys ?? [],
    email_keys: v.emailKeys ?? [],
    search_text: v.searchText ?? '',
    branch_id: v.branchId ?? null,
    status_id: v.statusId ?? null,
    responsible_id: v.responsibleId ?? null,
    source_id: v.sourceId ?? null,
    note: v.note ?? '',
    tag_ids: v.tagIds ?? [],
    category_ids: v.categoryIds ?? [],
    product_ids: v.productIds ?? [],
    custom: v.custom ?? {},
    consent_email: v.consentEmail ?? false,
    consent_email_at: iso(v.consentEmailAt),
    consent_email_source: v.consentEmailSource ?? null,
    consent_sms: v.consentSms ?? false,
    consent_sms_at: iso(v.consentSmsAt),
    consent_sms_source: v.consentSmsSource ?? null,
    created_by: v.createdBy ?? null,
    created_at: iso(v.createdAt ?? now),
    updated_at: iso(v.updatedAt ?? now),
  }));
  const names = Object.keys(CONTACT_COLUMNS).join(', ');
  const defs = Object.entries(CONTACT_COLUMNS)
    .map(([name, type]) => `${name} ${type}`)
    .join(', ');
  await db.execute(sql`
    insert into contacts (${sql.raw(names)})
    select ${sql.raw(names)}
    from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as x(${sql.raw(defs)})`);
}

export async function insertHistoryRows(db: Db, values: Array<typeof contactHistory.$inferInsert>) {
  if (values.length === 0) return;
  await db.insert(contactHistory).values(values);
}

export async function updateContactRow(
  db: Db,
  orgId: string,
  id: string,
  values: Partial<typeof contacts.$inferInsert>,
) {
  await db
    .update(contacts)
    .set({ ...values, version: sql`${contacts.version} + 1`, updatedAt: new Date() })
    .where(and(eq(contacts.orgId, orgId), eq(contacts.id, id)));
}
