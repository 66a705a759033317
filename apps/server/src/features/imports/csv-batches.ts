import Papa from 'papaparse';
import { headerDelimiter, isBlankRow, lineCounter } from './csv.ts';

export interface CsvBatch {
  /** Index of the first row among the data rows (0: the row after the header). */
  from: number;
  rows: string[][];
  /** The physical line each row starts on (a quoted cell may span lines). */
  lines: number[];
}

/**
 * The data rows of a stored file, `size` at a time, read as `parseCsv` reads them (the same
 * delimiter guess, blank lines before the header skipped, at most `totalRows` rows), but
 * without ever holding more than one batch of parsed rows: a 100,000-row file costs the
 * file's text and one batch, not every row at once.
 */
export async function* csvBatches(
  content: string,
  opts: { totalRows: number; size: number },
): AsyncGenerator<CsvBatch> {
  const text = content.replace(/^\uFEFF/, '');
  const delimiter = headerDelimiter(text);
  const lineAt = lineCounter(text);
  let batch: string[][] = [];
  let batchLines: number[] = [];
  // Papa's cursor starts again from 0 after each resume: `base` is where the last pause was.
  let base = 0;
  let start = 0;
  let headerSeen = false;
  let taken = 0;
  let finished = false;
  let parser: Papa.Parser | undefined;
  let wake: (() => void) | undefined;
  const ready = () => finished || batch.length >= opts.size;

  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (result, p) => {
      parser = p;
      const rowStart = start;
      start = base + result.meta.cursor;
      if (!headerSeen) {
        headerSeen = !isBlankRow(result.data);
        return;
      }
      if (taken >= opts.totalRows) return p.abort();
      batch.push(result.data);
      batchLines.push(lineAt(rowStart));
      taken++;
      if (batch.length >= opts.size) {
        base = start;
        p.pause();
        wake?.();
      }
    },
    complete: () => {
      finished = true;
      wake?.();
    },
  });

  let from = 0;
  for (;;) {
    if (!ready()) await new Promise<void>((resolve) => (wake = resolve));
    if (batch.length > 0) {
      const rows = batch;
      const lines = batchLines;
      batch = [];
      batchLines = [];
      yield { from, rows, lines };
      from += rows.length;
    }
    if (finished) return;
    parser?.resume();
  }
}
