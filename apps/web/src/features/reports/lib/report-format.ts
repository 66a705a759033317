import type { ColumnKind } from '../report-columns.ts';

/**
 * A report value in the user's language through Intl: counts with grouping, percent from a
 * fraction, money in the club's currency. Missing values read as a dash.
 */
export function formatReportValue(
  kind: ColumnKind,
  value: string | number | null,
  locale: string,
  currency?: string,
): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'percent':
      return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(
        value,
      );
    case 'money':
      return currency
        ? new Intl.NumberFormat(locale, {
            style: 'currency',
            currency,
            maximumFractionDigits: 0,
          }).format(value)
        : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
    default:
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
  }
}

/** A change against the previous period as a signed percent, or null when there was nothing. */
export function changeRatio(current: number, previous: number): number | null {
  if (previous === 0) return null;
  return (current - previous) / previous;
}

/** A club's day ('YYYY-MM-DD') as the user's language writes a date, without a zone shift. */
export function formatDay(dayText: string, locale: string): string {
  const [y, m, d] = dayText.split('-').map(Number);
  if (!y || !m || !d) return dayText;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}
