import type { ToOptions } from '@tanstack/react-router';

/** How a column's values read: counts and money as numbers, percent as a fraction (0.25). */
export type ColumnKind = 'text' | 'count' | 'percent' | 'money';

/**
 * One column of a report's rows: the chart, the table view and the exports all read the rows
 * through these, so they always show the same numbers under the same (translated) headers.
 */
export interface ReportColumn<Row> {
  key: string;
  label: string;
  kind: ColumnKind;
  value: (row: Row) => string | number | null;
  /** Where the number leads (drill-down): a list filtered to exactly what it counted. */
  link?: (row: Row) => ToOptions | undefined;
}
