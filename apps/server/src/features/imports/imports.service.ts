import {
  IMPORT_SKIP_TARGET,
  type ContactKind,
  type CustomField,
  type Import,
  type ImportProblemPage,
  type ImportProblemSeverity,
  type ImportRun,
  type ImportUnknownValues,
} from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import {
  AppError,
  conflict,
  fieldError,
  type FieldErrors,
  notFound,
  throwIfAny,
  validationError,
} from '../../lib/errors.ts';
import { loadCustomFields } from '../contact-settings/index.ts';
import { CsvError, decodeCsv, parseCsv, SAMPLE_ROWS } from './csv.ts';
import { isKnownTarget, suggestMapping, targetItems } from './import-targets.ts';
import { checkValueMap, createMappedValues, findUnknownValues } from './import-values.ts';
import { enqueueImportRun, loadImportContext } from './import-worker.ts';
import { mappingIdentifies } from './import-rows.ts';
import * as repo from './imports.repo.ts';

export function toImportDto(row: repo.ImportSummaryRow): Import {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.fileName,
    status: row.status,
    headers: row.headers,
    sample: row.sample,
    mapping: row.mapping,
    duplicateMode: row.duplicateMode,
    dryRun: row.dryRun,
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    created: row.created,
    updated: row.updated,
    skipped: row.skipped,
    failed: row.failed,
    warned: row.warned,
    valueMap: row.valueMap,
    skipOnProblem: row.skipOnProblem,
    errors: row.errors,
    errorCount: row.errorCount,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** Stores the file with what the mapping step needs; nothing is imported yet. */
export async function uploadImport(
  db: Db,
  actor: Actor,
  query: { kind: ContactKind; fileName: string },
  body: unknown,
): Promise<Import> {
  assertCan(actor, 'contacts.write');
  if (body !== undefined && body !== null && !(body instanceof Uint8Array)) {
    throw new AppError(415, 'unsupported_media_type', 'Send the file itself as text/csv');
  }
  const bytes = body ?? new Uint8Array();
  let parsed;
  let content;
  try {
    content = decodeCsv(bytes);
    parsed = parseCsv(content);
  } catch (err) {
    if (err instanceof CsvError) {
      throw new AppError(400, err.code, err.message, { file: fieldError('invalid', err.message) });
    }
    throw err;
  }
  const fields = await loadCustomFields(db, actor.orgId, query.kind);
  const width = parsed.headers.length;
  const row = await repo.insertImport(db, {
    orgId: actor.orgId,
    kind: query.kind,
    fileName: query.fileName,
    content,
    status: 'uploaded',
    headers: parsed.headers,
    sample: parsed.rows
      .slice(0, SAMPLE_ROWS)
      .map((r) => Array.from({ length: width }, (_, i) => (r[i] ?? '').slice(0, 200))),
    mapping: suggestMapping(query.kind, parsed.headers, fields),
    totalRows: parsed.rows.length,
    createdBy: actor.userId,
  });
  return toImportDto(row);
}

export async function listImports(db: Db, actor: Actor) {
  assertCan(actor, 'contacts.write');
  const rows = await repo.listImports(db, actor.orgId, 20);
  return { items: rows.map(toImportDto) };
}

export async function getImport(db: Db, actor: Actor, id: string) {
  assertCan(actor, 'contacts.write');
  const row = await repo.findImport(db, actor.orgId, id);
  if (!row) throw notFound('Import');
  return toImportDto(row);
}

export async function getTargets(db: Db, actor: Actor, kind: ContactKind) {
  assertCan(actor, 'contacts.write');
  const fields = await loadCustomFields(db, actor.orgId, kind);
  return { items: targetItems(kind, fields) };
}

/** The mapping as the run takes it: columns of the file, known targets, each target once. */
function checkMapping(
  existing: { kind: ContactKind; headers: string[] },
  fields: CustomField[],
  body: Record<string, string>,
) {
  const errors: FieldErrors = {};
  const used = new Map<string, string>();
  const mapping: Record<string, string> = {};
  for (const [header, target] of Object.entries(body)) {
    const key = `mapping.${header}`;
    if (!existing.headers.includes(header)) {
      errors[key] = fieldError('unknown_reference', 'Not a column of the file');
    } else if (!isKnownTarget(existing.kind, target, fields)) {
      errors[key] = fieldError('unknown_reference', 'Unknown target');
    } else if (target !== IMPORT_SKIP_TARGET && used.has(target)) {
      const first = used.get(target) ?? '';
      errors[key] = fieldError('duplicate', `Already mapped from '${first}'`, { column: first });
    } else {
      if (target !== IMPORT_SKIP_TARGET) used.set(target, header);
      mapping[header] = target;
    }
  }
  throwIfAny(errors, 'Check the column mapping');
  if (!mappingIdentifies(existing.kind, [...used.keys()])) {
    throw validationError(
      {
        mapping: fieldError(
          existing.kind === 'company' ? 'required' : 'identify_required',
          existing.kind === 'company'
            ? 'Map a column to the company name'
            : 'Map at least a name, a phone or an email column',
        ),
      },
      'Check the column mapping',
    );
  }
  return mapping;
}

/** The values of the mapped lookup columns the CRM does not know, read from the stored file. */
export async function unknownValues(
  db: Db,
  actor: Actor,
  id: string,
  body: { mapping: Record<string, string> },
): Promise<ImportUnknownValues> {
  assertCan(actor, 'contacts.write');
  const existing = await repo.findImportToRun(db, actor.orgId, id);
  if (!existing) throw notFound('Import');
  const fields = await loadCustomFields(db, actor.orgId, existing.kind);
  const mapping = checkMapping(existing, fields, body.mapping);
  const ctx = await loadImportContext(db, actor.orgId, existing.kind, existing.headers, mapping);
  return findUnknownValues(db, actor.orgId, ctx, parseCsv(existing.content).rows);
}

/** One keyset page of the latest run's problems. */
export async function listProblems(
  db: Db,
  actor: Actor,
  id: string,
  query: { after?: number; limit: number; severity?: ImportProblemSeverity },
): Promise<ImportProblemPage> {
  assertCan(actor, 'contacts.write');
  const existing = await repo.findImport(db, actor.orgId, id);
  if (!existing) throw notFound('Import');
  const rows = await repo.problemsPage(db, actor.orgId, id, {
    after: query.after ?? 0,
    limit: query.limit + 1,
    severity: query.severity,
  });
  const items = rows.slice(0, query.limit);
  return { items, next: rows.length > query.limit ? items[items.length - 1]!.n : null };
}

/**
 * Checks the mapping and the value map, and queues the (dry) run; its job does the rest (202).
 * At most `perOrganization` runs of the organization work at once; the rest wait queued.
 */
export async function runImport(
  db: Db,
  actor: Actor,
  id: string,
  body: Required<Pick<ImportRun, 'mapping'>> &
    Pick<ImportRun, 'duplicateMode' | 'dryRun' | 'valueMap' | 'skipOnProblem'>,
  opts: { now: Date; perOrganization: number },
) {
  assertCan(actor, 'contacts.write');
  const existing = await repo.findImport(db, actor.orgId, id);
  if (!existing) throw notFound('Import');
  const fields = await loadCustomFields(db, actor.orgId, existing.kind);
  const mapping = checkMapping(existing, fields, body.mapping);
  const dryRun = body.dryRun ?? false;
  const ctx = await loadImportContext(db, actor.orgId, existing.kind, existing.headers, mapping);
  const valueMap = body.valueMap ?? {};
  await checkValueMap(db, actor, ctx, valueMap);
  // One transaction: a run is never marked started without the job that runs it, and what
  // it asked to create exists only if it started.
  const row = await db.transaction(async (tx) => {
    const started = await repo.startRun(tx, actor.orgId, id, {
      mapping,
      duplicateMode: body.duplicateMode ?? 'skip',
      dryRun,
      valueMap: dryRun ? valueMap : await createMappedValues(tx, actor, ctx, valueMap),
      skipOnProblem: body.skipOnProblem ?? false,
    });
    if (started) await enqueueImportRun(tx, actor.orgId, id, opts);
    return started;
  });
  if (!row) {
    throw existing.status === 'done'
      ? conflict('already_imported', 'This file has already been imported')
      : conflict('import_running', 'This import is already running');
  }
  return toImportDto(row);
}
