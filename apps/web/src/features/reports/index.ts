/** What other features may use of the reports: the kit every report page is built from. */
export { PeriodPicker } from './components/period-picker.tsx';
export { ReportChart } from './components/report-chart.tsx';
export { ReportTable } from './components/report-table.tsx';
export { ExportMenu } from './components/export-menu.tsx';
export type { ReportColumn, ColumnKind } from './report-columns.ts';
