import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvBatches } from './csv-batches.ts';
import { parseCsv } from './csv.ts';

/**
 * Every batch, checked to follow on from the one before and to give each row the physical
 * line the whole-file parse gives it (Papa's cursor restarts after each pause), joined back
 * into rows.
 */
async function allRows(text: string, size: number) {
  const { rows, lines } = parseCsv(text);
  const out: string[][] = [];
  const outLines: number[] = [];
  for await (const batch of csvBatches(text, { totalRows: rows.length, size })) {
    expect(batch.from).toBe(out.length);
    expect(batch.rows.length).toBeLessThanOrEqual(size);
    expect(batch.lines).toHaveLength(batch.rows.length);
    out.push(...batch.rows);
    outLines.push(...batch.lines);
  }
  expect(outLines).toEqual(lines.slice(0, outLines.length));
  return { streamed: out, whole: rows };
}

describe('csv batches', () => {
  it('reads a file batch by batch exactly as the whole-file parse does', async () => {
    const text =
      '\uFEFFFörnamn;Telefon;Anteckning\r\n' +
      'Åsa;070-1;"rad ett\r\nrad två; med semikolon"\r\n' +
      '\r\n' +
      'Björn;070-2;"""citat"""\r\n' +
      'Märta;070-3;\r\n\r\n\r\n';
    for (const size of [1, 2, 3, 1000]) {
      const { streamed, whole } = await allRows(text, size);
      expect(streamed).toEqual(whole);
    }
    expect((await allRows(text, 2)).streamed).toEqual([
      ['Åsa', '070-1', 'rad ett\r\nrad två; med semikolon'],
      [''],
      ['Björn', '070-2', '"citat"'],
      ['Märta', '070-3', ''],
    ]);
  });

  it('agrees with the whole-file parse on any table of cells, delimiter and batch size', async () => {
    const cell = fc.string({
      maxLength: 12,
      unit: fc.constantFrom('a', 'ö', ' ', ',', ';', '"', '\n', '\r\n', '\t', '1'),
    });
    await fc.assert(
      fc.asyncProperty(
        // a file whose rows are all blank is refused as empty, so at least one row has a value
        fc
          .array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 30 })
          .filter((rows) => rows.some((row) => row.some((c) => c.trim() !== ''))),
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 1, max: 7 }),
        async (data, delimiter, newline, size) => {
          const text = Papa.unparse([['Name', 'Phone', 'Note'], ...data], {
            delimiter,
            newline,
            quotes: true,
          });
          const { streamed, whole } = await allRows(text, size);
          expect(streamed).toEqual(whole);
        },
      ),
      { numRuns: 200 },
    );
  });
});
