import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { ensureTags } from '../contact-settings/index.ts';
import {
  contactBatchJson,
  fillInput,
  fillPatch,
  insertHistoryMany,
  insertContactBatchJson,
  linkGuardians,
  prepareContactValues,
  type GuardianLink,
  updateImportedContact,
  type ContactInput,
} from '../contacts/index.ts';
import { isBlankRow } from './csv.ts';
import { toContactInput } from './import-merge.ts';
import {
  parseRow,
  type ImportContext,
  type ParsedGuardian,
  type ParsedRow,
  type ProblemDraft,
} from './import-rows.ts';
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
  /**
   * The same for the guardians named on this file's rows (issue 17): one guardian on several
   * rows is one person. Kept apart from `known` so that a later child whose own cell holds a
   * parent's phone is not merged into that parent.
   */
  guardians: Map<string, string | null>;
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

/** What one batch adds to the import's counts. */
type Counts = Pick<repo.Progress, 'created' | 'updated' | 'skipped' | 'failed' | 'warned'>;

/**
 * A parsed batch matched against the organization's contacts and the file's earlier rows,
 * with its new contacts prepared for the database: everything but the write.
 */
export interface PlannedBatch {
  from: number;
  to: number;
  counts: Counts;
  /** The rows' problems, in row order (duplicates get their match's name when written). */
  found: ProblemDraft[];
  duplicates: ProblemDraft[];
  /** The new contacts as `insertContactBatchJson`'s parameter; null when there are none. */
  creates: string | null;
  updates: Map<string, { input: ContactInput; line: number }>;
  /** Guardian ↔ child links of the batch's rows (an existing pair is left alone). */
  links: GuardianLink[];
}

/**
 * Matches a parsed batch and prepares its writes. Its keys count for the batches after it at
 * once, before it is written: the next batch is planned while this one is written, and if a
 * write fails the whole run ends (a new run reloads the keys from the database).
 */
export async function planBatch(
  db: Db,
  job: Job,
  ctx: ImportContext,
  batch: ParsedBatch,
  state: Pick<RunState, 'known' | 'guardians'>,
): Promise<PlannedBatch> {
  const counts: Counts = { created: 0, updated: 0, skipped: 0, failed: 0, warned: 0 };
  const found: ProblemDraft[] = [];

  const valid: ParsedRow[] = [];
  for (const { row, problems, rejected } of batch.rows) {
    found.push(...problems);
    if (rejected) counts.failed++;
    else valid.push(row);
  }

  const companyColumn = ctx.columns.find((c) => c.target === 'company')?.header ?? null;
  const companyNames = [
    ...new Set(valid.flatMap((r) => (r.companyName ? [r.companyName.toLowerCase()] : []))),
  ];
  const companies = await repo.companyIdsByName(db, job.orgId, companyNames);
  const tagIds = await resolveTags(db, job, ctx, valid);

  const creates: Pending[] = [];
  const pendingByKey = new Map<string, Pending>();
  const updates = new Map<string, { input: ContactInput; line: number }>();
  const accepted: Array<{ row: ParsedRow; id: string | null }> = [];
  const duplicates: ProblemDraft[] = [];

  const warnedRecords = new Set(found.map((x) => x.record));
  for (const row of valid) {
    const companyId = row.companyName ? companies.get(row.companyName.toLowerCase()) : undefined;
    if (row.companyName && !companyId) {
      found.push({
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
      });
      warnedRecords.add(row.record);
      if (ctx.skipOnProblem) {
        counts.failed++;
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
      counts.skipped++;
      accepted.push({ row, id: null });
    } else if (duplicate && job.duplicateMode === 'update') {
      counts.updated++;
      if (warnedRecords.has(row.record)) counts.warned++;
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
      counts.created++;
      if (warnedRecords.has(row.record)) counts.warned++;
      const entry = { row, input, id: randomUUID() };
      creates.push(entry);
      accepted.push({ row, id: entry.id });
      for (const k of keys) if (!pendingByKey.has(k)) pendingByKey.set(k, entry);
    }
  }

  for (const { row, id } of accepted) {
    for (const k of keysOf(row)) {
      if (!state.known.has(k)) state.known.set(k, job.dryRun ? null : id);
    }
  }
  // A skipped row (no id) links nothing; in a dry run every written row has an id too.
  const family = planGuardians(
    job,
    state,
    accepted.filter((a) => a.id !== null),
  );
  creates.push(...family.creates);
  return {
    from: batch.from,
    to: batch.to,
    counts,
    found,
    duplicates,
    creates: job.dryRun || creates.length === 0 ? null : createsJson(job, ctx, creates),
    updates: job.dryRun ? new Map() : updates,
    links: job.dryRun ? [] : family.links,
  };
}

const guardianKeys = (g: ParsedGuardian) => [
  ...g.phoneKeys.map((k) => `p:${k}`),
  ...g.emailKeys.map((k) => `e:${k}`),
];

/**
 * The guardians of the batch's written rows: found by phone or email among this file's
 * guardians, then among the organization's persons (never the row's own child), else created;
 * each linked to the row's child. A skipped row links nothing.
 */
function planGuardians(
  job: Job,
  state: Pick<RunState, 'known' | 'guardians'>,
  accepted: Array<{ row: ParsedRow; id: string | null }>,
) {
  const creates: Pending[] = [];
  const links: GuardianLink[] = [];
  for (const { row, id: childId } of accepted) {
    for (const g of row.guardians) {
      const keys = guardianKeys(g);
      const inFile = keys.find((k) => state.guardians.has(k));
      // null in the file's map: a resumed run's earlier guardian, in the database by now.
      let id: string | undefined = (inFile && state.guardians.get(inFile)) || undefined;
      id ??=
        keys.map((k) => state.known.get(k)).find((known) => known && known !== childId) ??
        undefined;
      if (!inFile && !id) {
        const entry = { row, input: guardianInput(g), id: randomUUID() };
        if (!job.dryRun) creates.push(entry);
        if (!job.dryRun) id = entry.id;
      }
      for (const k of keys) if (!state.guardians.has(k)) state.guardians.set(k, id ?? null);
      if (id && childId && id !== childId) {
        links.push({
          guardianId: id,
          childId,
          roleId: g.roleId ?? null,
          data: { importId: job.id, fileName: job.fileName, line: row.line },
        });
      }
    }
  }
  return { creates, links };
}

function guardianInput(g: ParsedGuardian): ContactInput {
  return toContactInput(
    {
      firstName: g.firstName ?? '',
      lastName: g.lastName ?? '',
      phones: g.phones,
      emails: g.emails,
      categoryIds: [],
      custom: {},
    },
    { tagIds: [] },
  );
}

/**
 * Writes a planned batch in one transaction, together with the import's progress, so a
 * restart resumes exactly after the last batch written.
 */
export async function writeBatch(
  db: Db,
  job: Job,
  ctx: ImportContext,
  plan: PlannedBatch,
  state: Pick<RunState, 'progress'>,
  /** Called once the batch's big statement is on its way to the database. */
  sent?: () => void,
): Promise<void> {
  await db.transaction(async (tx) => {
    const p = structuredClone(state.progress);
    for (const k of ['created', 'updated', 'skipped', 'failed', 'warned'] as const) {
      p[k] += plan.counts[k];
    }
    const found = [...plan.found];
    const inserting = plan.creates && insertContactBatchJson(tx, plan.creates, 'imported');
    sent?.();
    await inserting;
    if (plan.updates.size > 0) await writeUpdates(tx, job, ctx, plan.updates);
    if (plan.links.length > 0) await linkGuardians(tx, job.orgId, plan.links, job.createdBy);
    found.push(...(await nameDuplicates(tx, job.orgId, plan.duplicates)));
    for (const e of found) if (p.errors.length < MAX_STORED_ERRORS) p.errors.push(e);
    p.errorCount = await storeProblems(tx, job.orgId, job.id, p.errorCount, found);
    p.processedRows = plan.to;
    await repo.saveProgress(tx, job.orgId, job.id, p, plan.from);
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

/** The batch's new contacts, with their 'imported' history entries' data. */
function createsJson(job: Job, ctx: ImportContext, creates: Pending[]) {
  const now = new Date();
  return contactBatchJson(
    creates.map(({ input, id, row }) => ({
      ...prepareContactValues(ctx.kind, input, { region: ctx.region, now }),
      id,
      orgId: job.orgId,
      kind: ctx.kind,
      createdBy: job.createdBy,
      createdAt: now,
      updatedAt: now,
      historyData: { importId: job.id, fileName: job.fileName, line: row.line },
    })),
  );
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
