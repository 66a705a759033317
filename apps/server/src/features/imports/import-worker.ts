import type { ContactKind, ImportValueMap } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { z } from 'zod';
import { getCrmSettings, loadCustomFields, statusIdsByName } from '../contact-settings/index.ts';
import { relationRolesByName } from '../contacts/index.ts';
import { enqueueJob, type JobDefinitions } from '../jobs/index.ts';
import { csvBatches } from './csv-batches.ts';
import {
  BATCH_SIZE,
  EMBEDDED_BATCH_SIZE,
  loadKnownKeys,
  parseBatch,
  planBatch,
  writeBatch,
  type Job,
  type RunState,
} from './import-batch.ts';
import { parseRow, valueMapByLowerCase, type ImportContext, type NamedRef } from './import-rows.ts';
import * as repo from './imports.repo.ts';

/** On the embedded database (one connection), requests waiting for it get in between batches. */
const BATCH_PAUSE_MS = 20;

const byLowerName = <T extends { name: string }, V>(rows: T[], value: (r: T) => V) => {
  const map = new Map<string, V>();
  for (const r of rows) if (!map.has(r.name.toLowerCase())) map.set(r.name.toLowerCase(), value(r));
  return map;
};

/** Everything a row refers to by name, loaded once per claim. */
export async function loadImportContext(
  db: Db,
  orgId: string,
  kind: ContactKind,
  headers: string[],
  mapping: Record<string, string>,
  run: { valueMap: ImportValueMap; skipOnProblem: boolean } = {
    valueMap: {},
    skipOnProblem: false,
  },
): Promise<ImportContext> {
  const [settings, fields, statuses, lists, branchRows, staffRows] = await Promise.all([
    getCrmSettings(db, orgId),
    loadCustomFields(db, orgId, kind),
    statusIdsByName(db, orgId, kind),
    repo.lookupRows(db, orgId, ['tags', 'categories', 'sources', 'industries', 'relation-roles']),
    repo.branchNames(db, orgId),
    repo.staffNames(db, orgId),
  ]);
  const ref = (r: { id: string; scope: NamedRef['scope'] }): NamedRef => ({
    id: r.id,
    scope: r.scope,
  });
  const ofKind = (k: string) => lists.filter((l) => l.kind === k);
  const staff = new Map<string, string>();
  for (const u of staffRows) staff.set(u.email.toLowerCase(), u.id);
  for (const u of staffRows)
    if (!staff.has(u.name.toLowerCase())) staff.set(u.name.toLowerCase(), u.id);
  return {
    kind,
    region: settings.phoneRegion,
    columns: headers.flatMap((header, index) => {
      const target = mapping[header];
      return target && target !== 'skip' ? [{ index, header, target }] : [];
    }),
    fields: new Map(fields.map((f) => [f.id, f])),
    statuses,
    tags: byLowerName(ofKind('tags'), ref),
    categories: byLowerName(ofKind('categories'), ref),
    sources: byLowerName(ofKind('sources'), ref),
    industries: byLowerName(ofKind('industries'), ref),
    branches: byLowerName(branchRows, (b) => b.id),
    staff,
    relationRoles: relationRolesByName(ofKind('relation-roles')),
    valueMap: valueMapByLowerCase(run.valueMap),
    skipOnProblem: run.skipOnProblem,
  };
}

export interface ProcessOptions {
  /** Checked between batches: a stopping server hands the import back. */
  shouldStop?: () => boolean;
  /** Pause between batches (the embedded database: see BATCH_PAUSE_MS). */
  pauseMs?: number;
  /** Rows per batch; BATCH_SIZE unless said. */
  batchSize?: number;
  /** Tests stop after this many batches to play a crash. */
  maxBatches?: number;
}

/**
 * Works through one import batch by batch from `processedRows`, the point where an earlier
 * run (one whose server died, or that failed and is retried) left it. Answers 'stopped' when
 * it handed the import back unfinished, 'skipped' when there was nothing to run.
 */
export async function processImport(
  db: Db,
  orgId: string,
  importId: string,
  opts: ProcessOptions = {},
): Promise<'finished' | 'stopped' | 'skipped'> {
  const claimed = await repo.findImportToRun(db, orgId, importId);
  if (!claimed) return 'skipped';
  let status = claimed.status;
  if (status === 'queued')
    status = (await repo.startQueuedImport(db, orgId, importId, claimed.dryRun)) ?? status;
  if (status === 'failed')
    status = (await repo.reopenFailedImport(db, orgId, importId, claimed.dryRun)) ?? status;
  if (status !== 'validating' && status !== 'running') return 'skipped';
  const job: Job = {
    id: claimed.id,
    kind: claimed.kind,
    orgId: claimed.orgId,
    fileName: claimed.fileName,
    dryRun: claimed.dryRun,
    duplicateMode: claimed.duplicateMode,
    createdBy: claimed.createdBy,
  };
  const ctx = await loadImportContext(
    db,
    job.orgId,
    claimed.kind,
    claimed.headers,
    claimed.mapping,
    claimed,
  );
  const state: RunState = {
    progress: {
      processedRows: claimed.processedRows,
      created: claimed.created,
      updated: claimed.updated,
      skipped: claimed.skipped,
      failed: claimed.failed,
      warned: claimed.warned,
      errors: claimed.errors,
      errorCount: claimed.errorCount,
    },
    known: await loadKnownKeys(db, job.orgId, job.kind),
    guardians: new Map(),
  };
  const { content, totalRows } = claimed;
  let batches = 0;
  // The batch being written: the next one is read, checked, matched and prepared meanwhile
  // (Node would otherwise wait idle for the database, and the database for Node), and
  // written only once this one has committed.
  let writing: Promise<void> | undefined;
  const written = async () => {
    if (writing) await writing;
    writing = undefined;
  };
  for await (const { from, rows, lines } of csvBatches(content, {
    totalRows,
    size: opts.batchSize ?? BATCH_SIZE,
  })) {
    // A batch may straddle where an earlier run stopped (one with another batch size).
    const done = Math.max(0, Math.min(rows.length, claimed.processedRows - from));
    if (done > 0) rememberDone(ctx, rows.slice(0, done), from, lines, state);
    if (done === rows.length) continue;
    if (opts.shouldStop?.() || (opts.maxBatches !== undefined && batches >= opts.maxBatches)) {
      await written();
      return 'stopped';
    }
    const parsed = parseBatch(
      job,
      ctx,
      rows.slice(done),
      lines.slice(done),
      from + done,
      from + rows.length,
    );
    const plan = await planBatch(db, job, ctx, parsed, state);
    await written();
    if (batches > 0 && opts.pauseMs) {
      await new Promise((resolve) => setTimeout(resolve, opts.pauseMs));
    }
    let sent = () => {};
    const started = new Promise<void>((resolve) => (sent = resolve));
    writing = writeBatch(db, job, ctx, plan, state, sent);
    // Awaited before the next write or the end; until then a failure must not count as unhandled.
    writing.catch(() => undefined);
    batches++;
    // Reading the next batch is long synchronous work: it starts only once this batch's
    // statement has gone out, so that the database works while Node does.
    await Promise.race([started, writing.catch(() => undefined)]);
    await new Promise((resolve) => setImmediate(resolve));
  }
  await written();
  await repo.finishImport(db, job.orgId, job.id, job.dryRun ? 'validated' : 'done');
  return 'finished';
}

/**
 * Resuming: rows already done still count as "earlier rows of the same file" (in a real run
 * they are in the database already; a dry run wrote nothing).
 */
function rememberDone(
  ctx: ImportContext,
  rows: string[][],
  from: number,
  lines: number[],
  state: RunState,
) {
  rows.forEach((cells, n) => {
    const at = { record: from + n + 1, line: lines[n] ?? from + n + 2 };
    const { row, rejected } = parseRow(ctx, cells, at, '');
    if (rejected) return;
    for (const k of row.phoneKeys) if (!state.known.has(`p:${k}`)) state.known.set(`p:${k}`, null);
    for (const k of row.emailKeys) if (!state.known.has(`e:${k}`)) state.known.set(`e:${k}`, null);
    // A resumed real run finds these guardians in the database (`known`); a dry run wrote none.
    for (const g of row.guardians) {
      for (const k of g.phoneKeys)
        if (!state.guardians.has(`p:${k}`)) state.guardians.set(`p:${k}`, null);
      for (const k of g.emailKeys)
        if (!state.guardians.has(`e:${k}`)) state.guardians.set(`e:${k}`, null);
    }
  });
}

export const IMPORT_JOB = 'imports.run';
/** A run that keeps failing is given up (and the import marked failed) after this many. */
const IMPORT_ATTEMPTS = 3;
const importJobPayload = z.object({ importId: z.uuid() });

/**
 * Queues the run of an import (again, if an earlier run of it has ended). At most
 * `perOrganization` imports of one organization run at once; the rest wait queued.
 */
export async function enqueueImportRun(
  db: Db,
  orgId: string,
  importId: string,
  opts: { now: Date; perOrganization: number },
) {
  await enqueueJob(
    db,
    {
      kind: IMPORT_JOB,
      key: `${IMPORT_JOB}:${importId}`,
      orgId,
      payload: { importId },
      runAt: opts.now,
      maxAttempts: IMPORT_ATTEMPTS,
      concurrency: { key: `imports:${orgId}`, limit: opts.perOrganization },
    },
    { again: true },
  );
}

/**
 * The import's background job: several server instances may run jobs at once, and one whose
 * server died is claimed again when its lease runs out, going on from the last saved batch.
 */
export const importJobs: JobDefinitions = {
  [IMPORT_JOB]: {
    run: async (db, job, ctx) => {
      const { importId } = importJobPayload.parse(job.payload);
      if (!job.orgId) throw new Error('An import job needs its organization');
      const outcome = await processImport(db, job.orgId, importId, {
        shouldStop: ctx.stopping,
        pauseMs: ctx.oneConnection ? BATCH_PAUSE_MS : 0,
        batchSize: ctx.oneConnection ? EMBEDDED_BATCH_SIZE : BATCH_SIZE,
      });
      return outcome === 'stopped' ? 'release' : undefined;
    },
    onFailed: async (db, job) => {
      const parsed = importJobPayload.safeParse(job.payload);
      if (parsed.success && job.orgId) {
        await repo.finishImport(db, job.orgId, parsed.data.importId, 'failed');
      }
    },
  },
};
