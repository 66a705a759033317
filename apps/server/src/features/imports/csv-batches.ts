import Papa from 'papaparse';
import { isBlankRow } from './csv.ts';

/** Enough for Papa's delimiter guess, which reads the first ten rows. */
const GUESS_BYTES = 64 * 1024;

export interface CsvBatch {
  /** Index of the first row among the data rows (0: the row after the header). */
  from: number;
  rows: string[][];
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
  const { delimiter } = Papa.parse<string[]>(text.slice(0, GUESS_BYTES), {
    delimitersToGuess: [',', ';', '\t'],
    skipEmptyLines: false,
  }).meta;
  let batch: string[][] = [];
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
      if (!headerSeen) {
        headerSeen = !isBlankRow(result.data);
        return;
      }
      if (taken >= opts.totalRows) return p.abort();
      batch.push(result.data);
      taken++;
      if (batch.length >= opts.size) {
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
      batch = [];
      yield { from, rows };
      from += rows.length;
    }
    if (finished) return;
    parser?.resume();
  }
}
