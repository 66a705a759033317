import type { ContactKind } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { startPoller } from '../../lib/poller.ts';
import { getCrmSettings, loadCustomFields, statusIdsByName } from '../contact-settings/index.ts';
import { parseCsv } from './csv.ts';
import {
  BATCH_SIZE,
  loadKnownKeys,
  processBatch,
  type Job,
  type RunState,
} from './import-batch.ts';
import { parseRow, type ImportContext, type NamedRef } from './import-rows.ts';
import * as repo from './imports.repo.ts';

const POLL_MS = 1000;
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
): Promise<ImportContext> {
  const [settings, fields, statuses, lists, branchRows, staffRows] = await Promise.all([
    getCrmSettings(db, orgId),
    loadCustomFields(db, orgId, kind),
    statusIdsByName(db, orgId, kind),
    repo.lookupRows(db, orgId, ['tags', 'categories', 'sources', 'industries']),
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
  };
}

export interface ProcessOptions {
  /** Checked between batches: a stopping server hands the import back. */
  shouldStop?: () => boolean;
  /** Tests stop after this many batches to play a crash. */
  maxBatches?: number;
  /** The claim's clock: tests move it past the two-minute heartbeat to play another instance. */
  now?: Date;
}

/**
 * Claims one waiting import (a new run, or one whose instance stopped reporting for two
 * minutes) and works through it batch by batch from `processedRows`. Returns whether it
 * found one.
 */
export async function processNextImport(db: Db, opts: ProcessOptions = {}): Promise<boolean> {
  const claimed = await repo.claimNextImport(db, opts.now);
  if (!claimed) return false;
  const job: Job = {
    id: claimed.id,
    kind: claimed.kind,
    orgId: claimed.orgId,
    fileName: claimed.fileName,
    dryRun: claimed.dryRun,
    duplicateMode: claimed.duplicateMode,
    createdBy: claimed.createdBy,
  };
  try {
    const { rows } = parseCsv(claimed.content);
    const ctx = await loadImportContext(
      db,
      job.orgId,
      claimed.kind,
      claimed.headers,
      claimed.mapping,
    );
    const state: RunState = {
      progress: {
        processedRows: claimed.processedRows,
        created: claimed.created,
        updated: claimed.updated,
        skipped: claimed.skipped,
        failed: claimed.failed,
        errors: claimed.errors,
        errorCount: claimed.errorCount,
      },
      known: await loadKnownKeys(db, job.orgId, job.kind),
    };
    // Resuming: rows already done still count as "earlier rows of the same file" (in a real
    // run they are in the database already; a dry run wrote nothing).
    for (let i = 0; i < claimed.processedRows && i < rows.length; i++) {
      const { row, errors } = parseRow(ctx, rows[i]!, i + 2, '');
      if (errors.length > 0) continue;
      for (const k of row.phoneKeys)
        if (!state.known.has(`p:${k}`)) state.known.set(`p:${k}`, null);
      for (const k of row.emailKeys)
        if (!state.known.has(`e:${k}`)) state.known.set(`e:${k}`, null);
    }
    let batches = 0;
    for (let from = claimed.processedRows; from < rows.length; from += BATCH_SIZE) {
      if (opts.shouldStop?.() || (opts.maxBatches !== undefined && batches >= opts.maxBatches)) {
        if (opts.shouldStop?.()) await repo.releaseImport(db, job.orgId, job.id);
        return true;
      }
      await processBatch(db, job, ctx, rows, from, Math.min(from + BATCH_SIZE, rows.length), state);
      batches++;
      // The embedded database has one connection: let waiting requests in between batches.
      await new Promise((resolve) => setTimeout(resolve, BATCH_PAUSE_MS));
    }
    await repo.finishImport(db, job.orgId, job.id, job.dryRun ? 'validated' : 'done');
    return true;
  } catch (err) {
    await repo.finishImport(db, job.orgId, job.id, 'failed').catch(() => {});
    throw err;
  }
}

/**
 * Polls for imports to run; several server instances may run it at once (the claim skips
 * locked rows). Returns a stop function that waits for the batch in progress.
 */
export function startImportWorker(db: Db, onError: (err: unknown) => void): () => Promise<void> {
  // Keeps claiming while there is work; a stopping server hands the import back between batches.
  return startPoller((stopping) => processNextImport(db, { shouldStop: stopping }), {
    intervalMs: POLL_MS,
    delayMs: POLL_MS,
    onError,
  });
}
