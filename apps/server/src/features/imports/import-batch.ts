import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { ensureTags } from '../contact-settings/index.ts';
import {
  fillInput,
  fillPatch,
  insertHistoryMany,
  insertContactBatch,
  prepareContactValues,
  updateImportedContact,
  type ContactInput,
} from '../contacts/index.ts';
import { isBlankRow } from './csv.ts';
import { toContactInput } from './import-merge.ts';
import { parseRow, type ImportContext, type ParsedRow, type ProblemDraft } from './import-rows.ts';
import { duplicateProblem, nameDuplicates, storeProblems } from './import-problems.ts';
import * as repo from './imports.repo.ts';

/** Rows per batch (one transaction): fewer round trips and commits per row on PostgreSQL. */
export const BATCH_SIZE = 2000;
/**
 * On the embedded database a batch holds its one connection: smaller batches keep what
 * requests wait behind an import short (well under a second).
 */
export const EMBEDDED_BATCH_SIZE = 500;
export const MAX_STORED_ERRORS = 1000;

export interface Job {
  id: string;
  kind: 'person' | 'company';
  orgId: string;
  fileName: string;
  dryRun: boolean;
  duplicateMode: 'skip' | 'update' | 'create';
  createdBy: string | null;
}

/** What survives from one batch to the next while one instance works on an import. */
export interface RunState {
  progress: repo.Progress;
  /**
   * `p:<phone>` / `e:<email>` → the live contact that has it, or null for an earlier row of
   * this file that created nothing (a dry run): every duplicate check is a map lookup.
   */
  known: Map<string, string | null>;
}

/** Loads the organization's keys; the oldest contact wins a key shared by several. */
export async function loadKnownKeys(db: Db, orgId: string, kind: Job['kind']) {
  const known = new Map<string, string | null>();
  for (const c of await repo.contactKeys(db, orgId, kind)) {
    for (const k of c.phoneKeys) if (!known.has(`p:${k}`)) known.set(`p:${k}`, c.id);
    for (const k of c.emailKeys) if (!known.has(`e:${k}`)) known.set(`e:${k}`, c.id);
  }
  return known;
}

const keysOf = (row: ParsedRow) => [
  ...row.phoneKeys.map((k) => `p:${k}`),
  ...row.emailKeys.map((k) => `e:${k}`),
];

interface Pending {
  row: ParsedRow;
  input: ContactInput;
  id: string;
}

/** Rows [from, to) of the file read and checked on their own (no database, no state). */
export interface ParsedBatch {
  from: number;
  to: number;
  rows: Array<ReturnType<typeof parseRow>>;
}

/**
 * Reads and checks rows [from, to) of the file — `rows` holds just those. Pure CPU work that
 * needs nothing from earlier batches, so the next batch is parsed while this one is written.
 */
export function parseBatch(
  job: Job,
  ctx: ImportContext,
  rows: string[][],
  lines: number[],
  from: number,
  to: number,
): ParsedBatch {
  const consentSource = `Import: ${job.fileName}`.slice(0, 120);
  const out: ParsedBatch = { from, to, rows: [] };
  for (let i = from; i < to; i++) {
    const cells = rows[i - from]!;
    if (isBlankRow(cells)) continue;
    const at = { record: i + 1, line: lines[i - from] ?? i + 2 };
    out.rows.push(parseRow(ctx, cells, at, consentSource));
  }
  return out;
}

/**
 * Matches and (unless it is a dry run) writes a parsed batch in one transaction, together
 * with the import's progress, so a restart resumes exactly after the last batch.
 */
export async function processBatch(
  db: Db,
  job: Job,
  ctx: ImportContext,
  batch: ParsedBatch,
  state: RunState,
): Promise<void> {
  const { from, to } = batch;
  await db.transaction(async (tx) => {
    const p = structuredClone(state.progress);
    const found: ProblemDraft[] = [];
    const addErrors = (errors: ProblemDraft[]) => {
      found.push(...errors);
      for (const e of errors) if (p.errors.length < MAX_STORED_ERRORS) p.errors.push(e);
    };

    const valid: ParsedRow[] = [];
    for (const { row, problems, rejected } of batch.rows) {
      addErrors(problems);
      if (rejected) p.failed++;
      else valid.push(row);
    }

    const companyColumn = ctx.columns.find((c) => c.target === 'company')?.header ?? null;
    const companyNames = [
      ...new Set(valid.flatMap((r) => (r.companyName ? [r.companyName.toLowerCase()] : []))),
    ];
    const companies = await repo.companyIdsByName(tx, job.orgId, companyNames);
    const tagIds = await resolveTags(tx, job, ctx, valid);

    const creates: Pending[] = [];
    const pendingByKey = new Map<string, Pending>();
    const updates = new Map<string, { input: ContactInput; line: number }>();
    const accepted: Array<{ row: ParsedRow; id: string | null }> = [];
    const duplicates: ProblemDraft[] = [];

    const warnedRecords = new Set(found.map((x) => x.record));
    for (const row of valid) {
      const companyId = row.companyName ? companies.get(row.companyName.toLowerCase()) : undefined;
      if (row.companyName && !companyId) {
        const problem: ProblemDraft = {
          record: row.record,
          line: row.line,
          column: companyColumn,
          severity: ctx.skipOnProblem ? 'error' : 'warning',
          message: `Unknown company '${row.companyName}'`,
          code: 'unknown_company',
          params: { value: row.companyName },
          value: row.companyName.slice(0, 200),
          matchId: null,
          matchName: null,
        };
        addErrors([problem]);
        warnedRecords.add(row.record);
        if (ctx.skipOnProblem) {
          p.failed++;
          continue;
        }
      }
      const input = toContactInput(row.input, {
        tagIds: row.tagNames.flatMap((n) => tagIds.get(n.toLowerCase()) ?? []),
        companyId,
      });
      const keys = keysOf(row);
      const pending = keys.map((k) => pendingByKey.get(k)).find(Boolean);
      const inDb = keys.map((k) => state.known.get(k)).find(Boolean);
      const earlier = keys.some((k) => state.known.has(k));
      const duplicate = Boolean(pending || earlier);

      if (duplicate) {
        const match = pending ?? (inDb ? { id: inDb } : undefined);
        const problem = duplicateProblem(row, job.duplicateMode, job.dryRun, match);
        if (problem) duplicates.push(problem);
      }
      if (duplicate && job.duplicateMode === 'skip') {
        p.skipped++;
        accepted.push({ row, id: null });
      } else if (duplicate && job.duplicateMode === 'update') {
        p.updated++;
        if (warnedRecords.has(row.record)) p.warned++;
        accepted.push({ row, id: pending?.id ?? inDb ?? null });
        if (pending) pending.input = fillInput(pending.input, input);
        else if (inDb) {
          const current = updates.get(inDb);
          updates.set(inDb, {
            input: current ? fillInput(current.input, input) : input,
            line: current?.line ?? row.line,
          });
        }
      } else {
        p.created++;
        if (warnedRecords.has(row.record)) p.warned++;
        const entry = { row, input, id: randomUUID() };
        creates.push(entry);
        accepted.push({ row, id: entry.id });
        for (const k of keys) if (!pendingByKey.has(k)) pendingByKey.set(k, entry);
      }
    }

    if (!job.dryRun) {
      await writeCreates(tx, job, ctx, creates);
      await writeUpdates(tx, job, ctx, updates);
    }
    addErrors(await nameDuplicates(tx, job.orgId, duplicates));
    p.errorCount = await storeProblems(tx, job.orgId, job.id, p.errorCount, found);
    // Only now, with the batch written, do its keys count for the rows that follow.
    for (const { row, id } of accepted) {
      for (const k of keysOf(row)) {
        if (!state.known.has(k)) state.known.set(k, job.dryRun ? null : id);
      }
    }
    p.processedRows = to;
    await repo.saveProgress(tx, job.orgId, job.id, p, from);
    state.progress = p;
  });
}

/** Tag names → ids; names the organization has no tag for are created (not in a dry run). */
async function resolveTags(db: Db, job: Job, ctx: ImportContext, rows: ParsedRow[]) {
  const missing = new Map<string, string>();
  for (const r of rows) {
    for (const name of r.tagNames) {
      if (!ctx.tags.has(name.toLowerCase())) missing.set(name.toLowerCase(), name);
    }
  }
  if (missing.size > 0 && !job.dryRun) {
    for (const t of await ensureTags(db, job.orgId, [...missing.values()], ctx.kind)) {
      ctx.tags.set(t.name.toLowerCase(), { id: t.id, scope: t.scope });
    }
  }
  return new Map([...ctx.tags].map(([k, v]) => [k, v.id]));
}

/** The batch's new contacts and their 'imported' history entries, in one statement. */
async function writeCreates(db: Db, job: Job, ctx: ImportContext, creates: Pending[]) {
  const now = new Date();
  const values = creates.map(({ input, id, row }) => {
    const v = prepareContactValues(ctx.kind, input, { region: ctx.region, now });
    return {
      ...v,
      id,
      orgId: job.orgId,
      kind: ctx.kind,
      createdBy: job.createdBy,
      createdAt: now,
      updatedAt: now,
      historyData: { importId: job.id, fileName: job.fileName, line: row.line },
    };
  });
  await insertContactBatch(db, values, 'imported');
}

async function writeUpdates(
  db: Db,
  job: Job,
  ctx: ImportContext,
  updates: Map<string, { input: ContactInput; line: number }>,
) {
  const history = [];
  // A contact deleted since the import started is not brought back by it.
  for (const contact of await repo.liveContactsByIds(db, job.orgId, [...updates.keys()])) {
    const { input, line } = updates.get(contact.id)!;
    const patch = fillPatch(contact, input, ctx.region);
    if (!patch) continue;
    const values = prepareContactValues(ctx.kind, patch, { region: ctx.region, existing: contact });
    await updateImportedContact(db, job.orgId, contact.id, values);
    history.push({
      contactId: contact.id,
      event: 'updated' as const,
      data: { importId: job.id, fileName: job.fileName, line, fields: Object.keys(patch) },
      authorId: job.createdBy,
    });
  }
  await insertHistoryMany(db, job.orgId, history);
}
