import type { ImportProblem } from '@spotter/contracts';
import type { TFunction } from 'i18next';
import Papa from 'papaparse';

/** One problem in the user's language, as the list and the CSV say it. */
export function problemText(t: TFunction<'imports'>, p: ImportProblem, dryRun: boolean): string {
  const what = t(`problems.codes.${p.code}`, {
    ...p.params,
    defaultValue: p.message,
  });
  if (p.severity === 'warning' && p.column !== null) {
    const then = t(dryRun ? 'problems.willImportWithout' : 'problems.importedWithout', {
      column: p.column,
    });
    return `${what} — ${then}`;
  }
  return what;
}

/**
 * Every problem as a CSV file (semicolons and a BOM, as spreadsheet programs in our markets
 * open it), headed and worded in the user's language; cells that look like formulas are
 * escaped so a spreadsheet does not run them.
 */
export function problemsCsv(
  t: TFunction<'imports'>,
  problems: ImportProblem[],
  dryRun: boolean,
): string {
  const header = [
    t('problems.record'),
    t('problems.line'),
    t('problems.column'),
    t('problems.value'),
    t('problems.severity'),
    t('problems.message'),
    t('problems.matched'),
    t('problems.matchedId'),
  ];
  const rows = problems.map((p) => [
    p.record,
    p.line,
    p.column ?? '',
    p.value ?? '',
    t(`problems.severities.${p.severity}`),
    problemText(t, p, dryRun),
    p.matchName ?? (p.params.record ? t('problems.inFile', { record: p.params.record }) : ''),
    p.matchId ?? '',
  ]);
  return `\uFEFF${Papa.unparse([header, ...rows], { delimiter: ';', escapeFormulae: true, newline: '\r\n' })}\r\n`;
}
