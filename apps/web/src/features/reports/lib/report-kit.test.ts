import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ReportColumn } from '../report-columns.ts';
import { periodOnly, periodQuery } from '../reports-search.ts';
import { exportFileName, reportCsv } from './report-export.ts';
import { changeRatio, formatDay, formatReportValue } from './report-format.ts';

interface Row {
  name: string;
  done: number;
  share: number | null;
}
const columns: ReportColumn<Row>[] = [
  { key: 'name', label: 'Сотрудник', kind: 'text', value: (r) => r.name },
  { key: 'done', label: 'Выполнено', kind: 'count', value: (r) => r.done },
  { key: 'share', label: 'Доля', kind: 'percent', value: (r) => r.share },
];

describe('report export', () => {
  it('writes translated headers, numbers as numbers, a BOM and escaped formulas', () => {
    const csv = reportCsv(columns, [
      { name: 'Анна', done: 12, share: 0.25 },
      { name: '=HYPERLINK("x")', done: 0, share: null },
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1).trim(), { delimiter: ';' });
    expect(parsed.data).toEqual([
      ['Сотрудник', 'Выполнено', 'Доля'],
      ['Анна', '12', '0.25'],
      ['\'=HYPERLINK("x")', '0', ''],
    ]);
  });

  it('names files after the report and its days', () => {
    expect(exportFileName('crm', { from: '2026-03-01', to: '2026-03-31' }, 'xlsx')).toBe(
      'crm-2026-03-01-2026-03-31.xlsx',
    );
  });
});

describe('report formatting', () => {
  it('formats through Intl in the user language', () => {
    expect(formatReportValue('count', 12345, 'en')).toBe('12,345');
    expect(formatReportValue('count', 12345, 'sv')).toBe('12\u00a0345');
    expect(formatReportValue('percent', 0.125, 'en')).toBe('12.5%');
    expect(formatReportValue('money', 1500, 'en', 'EUR')).toBe('€1,500');
    expect(formatReportValue('count', null, 'en')).toBe('—');
    expect(formatDay('2026-03-29', 'en')).toBe('Mar 29, 2026');
  });

  it('has no change ratio against nothing', () => {
    expect(changeRatio(5, 0)).toBeNull();
    expect(changeRatio(15, 10)).toBe(0.5);
  });
});

describe('report period in the URL', () => {
  it('sends a preset, or a custom range in order', () => {
    expect(periodQuery({})).toEqual({ preset: 'this-month' });
    expect(
      periodQuery({ preset: 'custom', from: '2026-03-31', to: '2026-03-01', compare: true }),
    ).toEqual({ preset: 'custom', from: '2026-03-01', to: '2026-03-31', compare: 'true' });
    // Half a custom range falls back to the default preset.
    expect(periodQuery({ preset: 'custom', from: '2026-03-01' })).toEqual({ preset: 'this-month' });
  });

  it('carries only the period to another report', () => {
    expect(periodOnly('?preset=%22last-week%22&compare=true&groupBy=%22template%22')).toBe(
      '?preset=%22last-week%22&compare=true',
    );
    expect(periodOnly('')).toBe('');
  });
});
