import type { ImportDuplicateMode } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import type { ParsedRow, ProblemDraft } from './import-rows.ts';
import * as repo from './imports.repo.ts';

/** Inserted per statement: 13 columns each stay far below PostgreSQL's 65,535 parameters. */
const INSERT_CHUNK = 1000;

/**
 * A row skipped or merged as a duplicate, naming what it matched: an existing contact (named
 * by `nameDuplicates`), a contact this run created, or, in a dry run, an earlier record of
 * the file. "Create anyway" lists nothing: the row becomes a contact of its own.
 */
export function duplicateProblem(
  row: ParsedRow,
  mode: ImportDuplicateMode,
  dryRun: boolean,
  match: { id: string; row?: ParsedRow } | undefined,
): ProblemDraft | undefined {
  if (mode === 'create') return undefined;
  const inFile = match?.row;
  const matchId = match && !(dryRun && inFile) ? match.id : null;
  const params: Record<string, string> = inFile ? { record: String(inFile.record) } : {};
  const what = mode === 'skip' ? 'Skipped' : 'Updates';
  const whom = inFile ? `record ${inFile.record} of this file` : 'an existing contact';
  return {
    record: row.record,
    line: row.line,
    column: null,
    severity: 'duplicate',
    code: mode === 'skip' ? 'duplicate_skipped' : 'duplicate_updated',
    message: `${what}: same phone or email as ${whom}`,
    params,
    value: null,
    matchId,
    matchName: null,
  };
}

/** Fills in the names of matched contacts with one query for the batch. */
export async function nameDuplicates(db: Db, orgId: string, drafts: ProblemDraft[]) {
  const ids = [...new Set(drafts.flatMap((d) => (d.matchId ? [d.matchId] : [])))];
  const names = await repo.contactNames(db, orgId, ids);
  for (const d of drafts) {
    if (!d.matchId) continue;
    const name = names.get(d.matchId);
    if (name === undefined) d.matchId = null;
    else {
      d.matchName = name;
      d.params = { ...d.params, name };
    }
  }
  return drafts;
}

/**
 * Appends a batch's problems to the run's list, in record order, numbered on from `start`
 * (the count saved with the previous batch); answers the new count.
 */
export async function storeProblems(
  db: Db,
  orgId: string,
  importId: string,
  start: number,
  drafts: ProblemDraft[],
): Promise<number> {
  const sorted = drafts
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.record - b.d.record || a.i - b.i)
    .map(({ d }, i) => ({ ...d, orgId, importId, n: start + i + 1 }));
  for (let i = 0; i < sorted.length; i += INSERT_CHUNK) {
    await repo.insertProblems(db, sorted.slice(i, i + INSERT_CHUNK));
  }
  return start + sorted.length;
}
