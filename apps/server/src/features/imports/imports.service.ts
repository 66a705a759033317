import {
  IMPORT_SKIP_TARGET,
  type ContactKind,
  type Import,
  type ImportRun,
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
import { enqueueImportRun } from './import-worker.ts';
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

/**
 * Checks the mapping and queues the (dry) run; its background job does the rest (202).
 * At most `perOrganization` runs of the organization work at once; the rest wait queued.
 */
export async function runImport(
  db: Db,
  actor: Actor,
  id: string,
  body: Required<Pick<ImportRun, 'mapping'>> & Pick<ImportRun, 'duplicateMode' | 'dryRun'>,
  opts: { now: Date; perOrganization: number },
) {
  assertCan(actor, 'contacts.write');
  const existing = await repo.findImport(db, actor.orgId, id);
  if (!existing) throw notFound('Import');
  const fields = await loadCustomFields(db, actor.orgId, existing.kind);
  const errors: FieldErrors = {};
  const used = new Map<string, string>();
  const mapping: Record<string, string> = {};
  for (const [header, target] of Object.entries(body.mapping)) {
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
  // One transaction: a run is never marked started without the job that runs it.
  const row = await db.transaction(async (tx) => {
    const started = await repo.startRun(tx, actor.orgId, id, {
      mapping,
      duplicateMode: body.duplicateMode ?? 'skip',
      dryRun: body.dryRun ?? false,
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
