import { readFileSync } from 'node:fs';
import type { ImportProblem } from '@spotter/contracts';
import i18next, { type TFunction } from 'i18next';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { problemsCsv, problemText } from './problems-csv.ts';

const imports = (lng: string) =>
  JSON.parse(
    readFileSync(new URL(`../../../locales/${lng}/imports.json`, import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
const fixedT: Record<string, TFunction<'imports'>> = {};
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: 'en',
    resources: { en: { imports: imports('en') }, sv: { imports: imports('sv') } },
    defaultNS: 'imports',
    interpolation: { escapeValue: false },
  });
  fixedT.en = i18n.getFixedT('en', 'imports');
  fixedT.sv = i18n.getFixedT('sv', 'imports');
});

const base: ImportProblem = {
  n: 1,
  record: 3,
  line: 5,
  column: 'E-post',
  severity: 'warning',
  code: 'invalid_email',
  message: "Invalid email 'erik@@x.se'",
  params: { value: 'erik@@x.se' },
  value: 'erik@@x.se',
  matchId: null,
  matchName: null,
};

describe('the problems download', () => {
  it('says each problem in the user’s language, with what the import does about it', () => {
    const t = fixedT.sv!;
    expect(problemText(t, base, true)).toBe(
      "Ogiltig e-post 'erik@@x.se' — importeras utan ”E-post”",
    );
    expect(problemText(t, { ...base, severity: 'error' }, true)).toBe(
      "Ogiltig e-post 'erik@@x.se'",
    );
  });

  it('has a row per problem, names the matched contact, and defuses formulas', () => {
    const t = fixedT.en!;
    const csv = problemsCsv(
      t,
      [
        { ...base, value: '=HYPERLINK("http://x")', params: { value: '=HYPERLINK' } },
        {
          ...base,
          n: 2,
          record: 4,
          line: 6,
          column: null,
          severity: 'duplicate',
          code: 'duplicate_skipped',
          value: null,
          matchId: '0195f0b4-1111-7000-8000-000000000001',
          matchName: 'Karin Ek',
          params: {},
        },
      ],
      false,
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    expect(rows).toHaveLength(3);
    expect(rows[0]![0]).toBe('Record');
    expect(rows[1]![3]).toBe(`'=HYPERLINK("http://x")`);
    expect(rows[2]).toEqual([
      '4',
      '6',
      '',
      '',
      'Duplicate',
      'Duplicate: skipped',
      'Karin Ek',
      '0195f0b4-1111-7000-8000-000000000001',
    ]);
  });
});
