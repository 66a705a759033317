import { Readable } from 'node:stream';
import Papa from 'papaparse';
import writeXlsxFile from 'write-excel-file/node';
import type { ContactFilter, ContactKind } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { fieldInvalid } from '../../lib/errors.ts';
import { findOrganization } from '../organizations/index.ts';
import * as listRepo from './contacts-list.repo.ts';
import { parseSort, resolveScope } from './contacts-list.service.ts';
import {
  BUILTIN_COLUMNS,
  customColumn,
  DEFAULT_COLUMNS,
  neutralize,
  type CellContext,
  type ExportColumn,
} from './export.columns.ts';
import { loadCompanyNames, loadExportNames } from './export.repo.ts';

/** Rows per query: memory stays bounded however long the list is. */
const PAGE = 1000;

export type ExportQuery = ContactFilter & {
  format: 'csv' | 'xlsx';
  sort: string;
  columns?: string[];
};

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Readable | Buffer;
}

function pickColumns(
  keys: readonly string[],
  kind: ContactKind,
  fields: Awaited<ReturnType<typeof resolveScope>>['fields'],
): ExportColumn[] {
  if (keys.length === 0) throw fieldInvalid('columns', 'required', 'Choose at least one column');
  return keys.map((key) => {
    if (key.startsWith('cf:')) {
      const field = fields.get(key.slice(3).toLowerCase());
      if (!field) {
        throw fieldInvalid('columns', 'unknown_reference', `Unknown custom field ${key.slice(3)}`, {
          column: key,
        });
      }
      return customColumn(field);
    }
    const col = BUILTIN_COLUMNS.get(key);
    if (!col || !col.kinds.includes(kind)) {
      throw fieldInvalid('columns', 'unknown_reference', `Unknown column ${key}`, { column: key });
    }
    return col;
  });
}

/** Every matching row, page by page, as neutralized cells. */
async function* exportRows(
  db: Db,
  scope: listRepo.ListScope,
  sort: listRepo.SortSpec,
  columns: ExportColumn[],
  ctx: Omit<CellContext, 'companies'>,
): AsyncGenerator<string[][]> {
  // Keyset batches: the last batch of a long list costs what the first does.
  for await (const rows of listRepo.allRows(db, scope, sort, PAGE)) {
    const companyIds = [...new Set(rows.flatMap((r) => (r.companyId ? [r.companyId] : [])))];
    const companies = await loadCompanyNames(db, scope.orgId, companyIds);
    const cellCtx = { ...ctx, companies };
    yield rows.map((r) => columns.map((c) => neutralize(c.value(r, cellCtx))));
  }
}

/** C-14: the whole filtered, sorted list as CSV or XLSX, with the columns the user sees. */
export async function exportContacts(
  db: Db,
  actor: Actor,
  kind: ContactKind,
  query: ExportQuery,
  today = new Date(),
): Promise<ExportFile> {
  assertCan(actor, 'contacts.read');
  const keys = query.columns ?? DEFAULT_COLUMNS;
  const needFields = keys.some((k) => k.startsWith('cf:')) || /^-?cf:/.test(query.sort);
  const { scope, fields } = await resolveScope(db, actor.orgId, kind, query, { needFields });
  const sort = parseSort(query.sort, kind, fields);
  const columns = pickColumns(keys, kind, fields);
  const [names, org] = await Promise.all([
    loadExportNames(db, actor.orgId),
    findOrganization(db, actor.orgId),
  ]);
  const timezone = org?.timezone ?? 'UTC';
  const ctx = { names, timezone };
  const headers = columns.map((c) => neutralize(c.header));
  const day = new Intl.DateTimeFormat('sv-SE', { timeZone: timezone }).format(today);
  const base = `${kind === 'person' ? 'persons' : 'companies'}-${day}`;

  if (query.format === 'xlsx') {
    const sheet: string[][] = [headers];
    for await (const page of exportRows(db, scope, sort, columns, ctx)) sheet.push(...page);
    const buffer = await writeXlsxFile(sheet).toBuffer();
    return {
      fileName: `${base}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: buffer,
    };
  }

  async function* csv() {
    // The BOM makes Excel read the file as UTF-8 (å, ä, ö, Cyrillic).
    yield `\uFEFF${Papa.unparse([headers])}\r\n`;
    for await (const page of exportRows(db, scope, sort, columns, ctx)) {
      yield `${Papa.unparse(page)}\r\n`;
    }
  }
  return {
    fileName: `${base}.csv`,
    contentType: 'text/csv; charset=utf-8',
    body: Readable.from(csv()),
  };
}
