import type { ReportPeriod } from '@spotter/contracts';
import Papa from 'papaparse';
import type { ReportColumn } from '../report-columns.ts';

/** `<report>-<from>-<to>.<ext>`, the club's days of the period. */
export const exportFileName = (report: string, period: ReportPeriod, ext: 'csv' | 'xlsx') =>
  `${report}-${period.from}-${period.to}.${ext}`;

const cell = <Row>(column: ReportColumn<Row>, row: Row) => column.value(row) ?? '';

/**
 * The rows as CSV: the headers in the user's language, numbers unquoted, semicolons, CRLF and a
 * BOM, as spreadsheet programs in our markets open it; cells that look like formulas are
 * escaped so a spreadsheet does not run them.
 */
export function reportCsv<Row>(columns: ReportColumn<Row>[], rows: Row[]): string {
  const header = columns.map((c) => c.label);
  const body = rows.map((row) => columns.map((c) => cell(c, row)));
  return `\uFEFF${Papa.unparse([header, ...body], { delimiter: ';', escapeFormulae: true, newline: '\r\n' })}\r\n`;
}

const XLSX_FORMATS: Partial<Record<ReportColumn<unknown>['kind'], string>> = {
  percent: '0.0%',
  money: '#,##0.00',
};

/**
 * The rows as an Excel sheet: numbers stay numbers (percent as a formatted fraction), the
 * header row bold. write-excel-file's browser build is fetched only when someone exports.
 */
export async function reportXlsx<Row>(columns: ReportColumn<Row>[], rows: Row[]): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const header = columns.map((c) => ({ value: c.label, fontWeight: 'bold' as const }));
  const body = rows.map((row) =>
    columns.map((c) => {
      const value = c.value(row);
      if (value === null) return null;
      if (typeof value === 'number') {
        const format = XLSX_FORMATS[c.kind];
        return format ? { value, type: Number, format } : { value, type: Number };
      }
      return { value, type: String };
    }),
  );
  return writeXlsxFile([header, ...body], {
    columns: columns.map((c) => ({ width: c.kind === 'text' ? 28 : 14 })),
  }).toBlob();
}

/** Hands a file to the browser's downloads. */
export function saveFile(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
