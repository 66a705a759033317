import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvError, decodeCsv, parseCsv } from './csv.ts';
import { readCustomValue, readDate, readNumber, readYesNo } from './cell-values.ts';
import { suggestMapping } from './import-targets.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('csv', () => {
  it('detects comma, semicolon and tab, strips a BOM and keeps quoted commas', () => {
    for (const sep of [',', ';', '\t']) {
      const text = `\uFEFFName${sep}Phone${sep}Note\r\nAnna${sep}070-123${sep}"a, b; c"\r\n`;
      expect(parseCsv(decodeCsv(bytes(text)))).toEqual({
        headers: ['Name', 'Phone', 'Note'],
        rows: [['Anna', '070-123', 'a, b; c']],
        lines: [2],
      });
    }
  });

  it('reports the physical line each row starts on: quoted line breaks, CRLF, BOM, blank lines', () => {
    for (const nl of ['\r\n', '\n', '\r']) {
      const text =
        `\uFEFF${nl}Namn;Anteckning${nl}` +
        `Anna;"rad ett${nl}rad två${nl}rad tre"${nl}` +
        `Erik;kort${nl}${nl}` +
        `Sara;"a ""citat""${nl}"${nl}Olle;x${nl}${nl}`;
      const parsed = parseCsv(decodeCsv(bytes(text)));
      expect(parsed.rows.map((r) => r[0])).toEqual(['Anna', 'Erik', '', 'Sara', 'Olle']);
      expect(parsed.rows[0]![1]).toBe(`rad ett${nl}rad två${nl}rad tre`);
      expect(parsed.lines).toEqual([3, 6, 7, 8, 10]);
    }
    // Two columns and a quoted line break: the header decides the delimiter.
    expect(parseCsv('a;b\r\n1;"x\r\ny"\r\n2;z\r\n')).toEqual({
      headers: ['a', 'b'],
      rows: [
        ['1', 'x\r\ny'],
        ['2', 'z'],
      ],
      lines: [2, 4],
    });
  });

  it('counts lines like an editor does, for any cells', () => {
    const cell = fc
      .tuple(
        fc.constantFrom('a', 'Å'),
        fc.oneof(fc.string(), fc.constantFrom('"', '\n', '\r\n', ';', '\r')),
      )
      .map(([a, b]) => a + b);
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 8 }),
        (rows) => {
          const quote = (c: string) => `"${c.replaceAll('"', '""')}"`;
          const text = ['Name;Note', ...rows.map((r) => r.map(quote).join(';'))].join('\r\n');
          const parsed = parseCsv(text);
          let line = 2;
          const expected = rows.map((r) => {
            const at = line;
            line += 1 + (r.join(';').match(/\r\n|\r|\n/g) ?? []).length;
            return at;
          });
          expect(parsed.rows).toEqual(rows.slice(0, parsed.rows.length));
          expect(parsed.lines).toEqual(expected.slice(0, parsed.rows.length));
        },
      ),
    );
  });

  it('reads Windows-1252 files and makes repeated or empty headers unique', () => {
    const latin1 = Uint8Array.from([0x46, 0xf6, 0x72, 0x6e, 0x61, 0x6d, 0x6e, 0x0a, 0x41, 0x0a]);
    expect(parseCsv(decodeCsv(latin1)).headers).toEqual(['Förnamn']);
    expect(parseCsv('Phone,phone,\n1,2,3\n').headers).toEqual(['Phone', 'phone (2)', 'Column 3']);
  });

  it('never crashes on arbitrary bytes: it parses or throws a CsvError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (data) => {
        try {
          const parsed = parseCsv(decodeCsv(data));
          expect(parsed.headers.length).toBeGreaterThan(0);
        } catch (err) {
          expect(err).toBeInstanceOf(CsvError);
        }
      }),
    );
  });
});

describe('cell values', () => {
  it('reads dates as clubs write them', () => {
    expect(readDate('2001-03-14')).toEqual({ ok: true, value: '2001-03-14' });
    expect(readDate('14.3.2001')).toEqual({ ok: true, value: '2001-03-14' });
    expect(readDate('14/03/2001')).toEqual({ ok: true, value: '2001-03-14' });
    expect(readDate('20010314')).toEqual({ ok: true, value: '2001-03-14' });
    expect(readDate('2001-03-14T00:00:00Z')).toEqual({ ok: true, value: '2001-03-14' });
    expect(readDate('2001-02-30').ok).toBe(false);
    expect(readDate('soon').ok).toBe(false);
  });

  it('reads numbers in the European and English ways', () => {
    expect(readNumber('1 234,50')).toEqual({ ok: true, value: 1234.5 });
    expect(readNumber('1,234.50')).toEqual({ ok: true, value: 1234.5 });
    expect(readNumber('1.234,50')).toEqual({ ok: true, value: 1234.5 });
    expect(readNumber('-12')).toEqual({ ok: true, value: -12 });
    expect(readNumber('250 kr', true)).toEqual({ ok: true, value: 250 });
    expect(readNumber('€ 99,90', true)).toEqual({ ok: true, value: 99.9 });
    expect(readNumber('12abc').ok).toBe(false);
  });

  it('reads yes and no in the five languages', () => {
    for (const yes of ['yes', 'JA', 'tak', 'да', 'так', '1', 'true']) {
      expect(readYesNo(yes)).toEqual({ ok: true, value: true });
    }
    for (const no of ['no', 'nej', 'nie', 'нет', 'ні', '0', 'false']) {
      expect(readYesNo(no)).toEqual({ ok: true, value: false });
    }
    expect(readYesNo('maybe').ok).toBe(false);
  });

  it('never crashes on any cell for any field type', () => {
    const types = ['text', 'money', 'date', 'number', 'dropdown'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...types), fc.string({ maxLength: 80 }), (type, raw) => {
        const field = {
          id: '00000000-0000-4000-8000-000000000001',
          entity: 'person' as const,
          name: 'F',
          type,
          options: [
            { id: 'o', name: 'Gold', abbreviation: 'G', color: '#000', background: '#fff' },
          ],
          position: 0,
          archived: false,
        };
        const read = readCustomValue(field, raw);
        expect(typeof read.ok).toBe('boolean');
      }),
    );
  });

  it('suggests each target once, for the first matching column', () => {
    expect(suggestMapping('person', ['Telefon', 'Phone', 'Namn'], [])).toEqual({
      Telefon: 'phone',
      Phone: 'skip',
      Namn: 'fullName',
    });
    expect(suggestMapping('company', ['Namn', 'Bransch'], [])).toEqual({
      Namn: 'name',
      Bransch: 'industry',
    });
  });
});
