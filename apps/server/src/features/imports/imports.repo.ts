import { and, asc, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { ContactKind, ImportRowError, LookupKind } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { lookups } from '../contact-settings/index.ts';
import { branches } from '../branches/index.ts';
import { contacts } from '../contacts/index.ts';
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
  heartbeatAt: imports.heartbeatAt,
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
      heartbeatAt: null,
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

/** A claim older than this belongs to an instance that died: another one takes over. */
export const STALE_AFTER_MS = 2 * 60 * 1000;

/**
 * Claims the oldest waiting import across organizations (the worker is the system, not a
 * tenant); SKIP LOCKED lets several instances poll at once without taking the same one.
 */
export async function claimNextImport(db: Db, now = new Date()) {
  const stale = new Date(now.getTime() - STALE_AFTER_MS);
  const next = db
    .select({ orgId: imports.orgId, id: imports.id })
    .from(imports)
    .where(
      and(
        inArray(imports.status, ['validating', 'running']),
        or(isNull(imports.heartbeatAt), lt(imports.heartbeatAt, stale)),
      ),
    )
    .orderBy(asc(imports.createdAt))
    .limit(1)
    .for('update', { skipLocked: true });
  const [row] = await db
    .update(imports)
    .set({ heartbeatAt: now })
    .where(
      and(
        sql`(${imports.orgId}, ${imports.id}) = (${next})`,
        inArray(imports.status, ['validating', 'running']),
      ),
    )
    .returning();
  return row;
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

export async function saveProgress(db: Db, orgId: string, id: string, progress: Progress) {
  await db
    .update(imports)
    .set({ ...progress, heartbeatAt: new Date() })
    .where(and(eq(imports.orgId, orgId), eq(imports.id, id)));
}

export async function finishImport(
  db: Db,
  orgId: string,
  id: string,
  status: 'validated' | 'done' | 'failed',
) {
  await db
    .update(imports)
    .set({ status, finishedAt: new Date(), heartbeatAt: null })
    .where(and(eq(imports.orgId, orgId), eq(imports.id, id)));
}

/** A graceful stop hands the import back at once instead of after the stale delay. */
export async function releaseImport(db: Db, orgId: string, id: string) {
  await db
    .update(imports)
    .set({ heartbeatAt: null })
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
