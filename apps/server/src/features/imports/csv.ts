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
}

const looksLikeData = (cell: string) =>
  /@/.test(cell) ||
  /^[+\d][\d\s().-]{5,}$/.test(cell) ||
  /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/.test(cell);

/** Parses a whole CSV text: the delimiter (, ; tab) is detected; a header row is required. */
export function parseCsv(text: string): ParsedCsv {
  const content = text.replace(/^\uFEFF/, '');
  if (content.trim() === '') throw new CsvError('empty_file', 'The file is empty');
  const result = Papa.parse<string[]>(content, {
    delimitersToGuess: [',', ';', '\t'],
    skipEmptyLines: false,
  });
  const data = result.data.filter(Array.isArray);
  while (data.length > 0 && isBlankRow(data[data.length - 1]!)) data.pop();
  while (data.length > 0 && isBlankRow(data[0]!)) data.shift();
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
  return { headers: uniqueHeaders(rawHeaders), rows };
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
