import { IMPORT_MAX_ROWS as MAX_IMPORT_ROWS } from '@spotter/contracts';
import Papa from 'papaparse';

export const SAMPLE_ROWS = 5;

export class CsvError extends Error {
  constructor(
    readonly code: 'empty_file' | 'no_header' | 'too_many_rows' | 'not_text',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Bytes → text. UTF-8 (with or without BOM) first; files saved by older spreadsheet programs
 * in Windows-1252 still read correctly. Control bytes mean it is not a text file at all.
 */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new CsvError('empty_file', 'The file is empty');
  for (const b of bytes.subarray(0, Math.min(bytes.length, 64 * 1024))) {
    if (b < 9 || (b > 13 && b < 32)) {
      throw new CsvError('not_text', 'This is not a CSV text file');
    }
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '');
}

export interface ParsedCsv {
  headers: string[];
  /** Data rows (the header excluded), trailing empty rows dropped. */
  rows: string[][];
  /**
   * The physical line (1-based, in the file as saved) where each data row starts: a quoted
   * cell may span lines, so row i is not always line i + 2.
   */
  lines: number[];
}

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The delimiter is the one the header (the first line with text) uses most. Papa's own guess needs an average of
 * two fields a row, which a two-column file with a quoted line break does not reach.
 */
export function headerDelimiter(content: string): string {
  const header = /^[^\r\n]*\S[^\r\n]*/m.exec(content)?.[0] ?? '';
  let best: string = ',';
  let most = 0;
  for (const d of DELIMITERS) {
    const n = header.split(d).length - 1;
    if (n > most) [best, most] = [d, n];
  }
  return best;
}

/** Rows with the offset each starts at, in one pass over the text. */
function readRows(content: string) {
  const rows: string[][] = [];
  const starts: number[] = [];
  let start = 0;
  Papa.parse<string[]>(content, {
    delimiter: headerDelimiter(content),
    skipEmptyLines: false,
    step: (result) => {
      if (Array.isArray(result.data)) {
        rows.push(result.data);
        starts.push(start);
      }
      start = result.meta.cursor;
    },
  });
  const counter = lineCounter(content);
  return { rows, lines: starts.map(counter) };
}

/**
 * Turns offsets into the text (each at or after the one before) into physical lines, as an
 * editor counts them: CRLF, LF and a lone CR each end one. One pass over the text in all.
 */
export function lineCounter(content: string): (offset: number) => number {
  let line = 1;
  let at = 0;
  return (offset) => {
    for (; at < offset; at++) {
      const c = content.charCodeAt(at);
      if (c === 10 || (c === 13 && content.charCodeAt(at + 1) !== 10)) line++;
    }
    return line;
  };
}

const looksLikeData = (cell: string) =>
  /@/.test(cell) ||
  /^[+\d][\d\s().-]{5,}$/.test(cell) ||
  /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/.test(cell);

/** Parses a whole CSV text: the delimiter (, ; tab) is detected; a header row is required. */
export function parseCsv(text: string): ParsedCsv {
  const content = text.replace(/^\uFEFF/, '');
  if (content.trim() === '') throw new CsvError('empty_file', 'The file is empty');
  const { rows: data, lines } = readRows(content);
  while (data.length > 0 && isBlankRow(data[data.length - 1]!)) {
    data.pop();
    lines.pop();
  }
  while (data.length > 0 && isBlankRow(data[0]!)) {
    data.shift();
    lines.shift();
  }
  const [first, ...rows] = data;
  if (!first) throw new CsvError('empty_file', 'The file is empty');
  const rawHeaders = first.map((h) => h.trim());
  if (rawHeaders.every((h) => h === '') || rawHeaders.some(looksLikeData)) {
    throw new CsvError('no_header', 'The first line must name the columns');
  }
  if (rows.length === 0) throw new CsvError('empty_file', 'The file has a header but no rows');
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new CsvError(
      'too_many_rows',
      `The file has ${rows.length} rows; at most ${MAX_IMPORT_ROWS} can be imported at once`,
    );
  }
  return { headers: uniqueHeaders(rawHeaders), rows, lines: lines.slice(1) };
}

export function isBlankRow(row: string[]): boolean {
  return row.every((c) => c.trim() === '');
}

/** Mapping is keyed by header, so every header must be unique and non-empty. */
function uniqueHeaders(headers: string[]): string[] {
  const seen = new Set<string>();
  return headers.map((h, i) => {
    const base = h === '' ? `Column ${i + 1}` : h;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base} (${n})`;
    seen.add(name.toLowerCase());
    return name;
  });
}
