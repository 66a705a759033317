import { and, asc, desc, eq, gt, inArray, isNull } from 'drizzle-orm';
import type {
  ContactKind,
  ImportProblemSeverity,
  ImportRowError,
  ImportValueMap,
  LookupKind,
} from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { lookups } from '../contact-settings/index.ts';
import { branches } from '../branches/index.ts';
import { contacts } from '../contacts/index.ts';
import { users } from '../users/index.ts';
import { importProblems, imports } from './imports.table.ts';

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
  warned: imports.warned,
  valueMap: imports.valueMap,
  skipOnProblem: imports.skipOnProblem,
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

/**
 * Queues a (dry) run unless one is already under way; undefined when it is. Its job moves it
 * on to validating or running once one of the organization's import slots is free.
 */
export async function startRun(
  db: Db,
  orgId: string,
  id: string,
  run: {
    mapping: Record<string, string>;
    duplicateMode: 'skip' | 'update' | 'create';
    dryRun: boolean;
    valueMap: ImportValueMap;
    skipOnProblem: boolean;
  },
) {
  const [row] = await db
    .update(imports)
    .set({
      ...run,
      status: 'queued',
      processedRows: 0,
      created: 0,
      updated: 0,
      skipped: 0,
      failed: 0,
      warned: 0,
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
  // The new run lists its own problems; the previous run's go with it starting.
  if (row) {
    await db
      .delete(importProblems)
      .where(and(eq(importProblems.orgId, orgId), eq(importProblems.importId, id)));
  }
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

/** Its job got a slot: a queued run starts. Answers the status it is in now. */
export async function startQueuedImport(db: Db, orgId: string, id: string, dryRun: boolean) {
  const [row] = await db
    .update(imports)
    .set({ status: dryRun ? 'validating' : 'running' })
    .where(and(eq(imports.orgId, orgId), eq(imports.id, id), eq(imports.status, 'queued')))
    .returning({ status: imports.status });
  return row?.status;
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
  warned: number;
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

// ---------------------------------------------------------------- problems

export async function insertProblems(db: Db, rows: Array<typeof importProblems.$inferInsert>) {
  if (rows.length > 0) await db.insert(importProblems).values(rows);
}

const problemColumns = {
  n: importProblems.n,
  record: importProblems.record,
  line: importProblems.line,
  column: importProblems.column,
  severity: importProblems.severity,
  code: importProblems.code,
  message: importProblems.message,
  params: importProblems.params,
  value: importProblems.value,
  matchId: importProblems.matchId,
  matchName: importProblems.matchName,
};

/** One keyset page of a run's problems, walked by `n` on the primary key. */
export function problemsPage(
  db: Db,
  orgId: string,
  importId: string,
  opts: { after: number; limit: number; severity?: ImportProblemSeverity },
) {
  return db
    .select(problemColumns)
    .from(importProblems)
    .where(
      and(
        eq(importProblems.orgId, orgId),
        eq(importProblems.importId, importId),
        gt(importProblems.n, opts.after),
        opts.severity ? eq(importProblems.severity, opts.severity) : undefined,
      ),
    )
    .orderBy(asc(importProblems.n))
    .limit(opts.limit);
}

/** Display names of contacts a duplicate matched (deleted ones too: the row still matched). */
export async function contactNames(db: Db, orgId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: contacts.id, name: contacts.displayName })
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), inArray(contacts.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}
