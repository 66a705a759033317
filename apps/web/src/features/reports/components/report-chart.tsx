import { Paper, SegmentedControl, Skeleton, Stack } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatReportValue } from '../lib/report-format.ts';
import type { ReportColumn } from '../report-columns.ts';
import { ReportTable, type ReportTableProps } from './report-table.tsx';

const ChartCanvas = lazy(() =>
  import('./chart-canvas.tsx').then((m) => ({ default: m.ChartCanvas })),
);

const PALETTE = ['blue.6', 'teal.6', 'orange.6', 'grape.6', 'red.6', 'cyan.6', 'lime.7', 'pink.6'];

export interface ReportChartProps<Row> extends ReportTableProps<Row> {
  /** The numeric columns to plot; the first column of `columns` is the category axis. */
  series: string[];
  type?: 'bar' | 'line';
  /** Bars across, one line per row: long names (staff, templates) stay readable on a tablet. */
  horizontal?: boolean;
  stacked?: boolean;
  height?: number;
}

/**
 * A report's rows as a chart, with a "Chart / Table" switch to read the same rows as an
 * accessible table. The chart is the picture; the table is what screen readers and exports get.
 */
export function ReportChart<Row>(props: ReportChartProps<Row>) {
  const { t, i18n } = useTranslation('reports');
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const [category, ...others] = props.columns;
  const plotted = others.filter((c) => props.series.includes(c.key));
  const data = props.rows.map((row) => {
    const point: Record<string, string | number> = {
      [category?.key ?? 'label']: String(category?.value(row) ?? ''),
    };
    for (const c of plotted) point[c.key] = Number(c.value(row) ?? 0);
    return point;
  });
  const series = plotted.map((c, i) => ({
    name: c.key,
    label: c.label,
    color: PALETTE[i % PALETTE.length] ?? 'blue.6',
  }));
  const kind = plotted[0]?.kind ?? 'count';
  const format = (v: number) => formatReportValue(kind, v, i18n.language, props.currency);
  const horizontal = props.horizontal && props.type !== 'line';
  const h = props.height ?? (horizontal ? Math.max(240, data.length * 44 + 80) : 320);
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <SegmentedControl
          value={view}
          onChange={(v) => setView(v === 'table' ? 'table' : 'chart')}
          data={[
            { value: 'chart', label: t('view.chart') },
            { value: 'table', label: t('view.table') },
          ]}
          aria-label={t('view.label')}
          style={{ alignSelf: 'flex-end' }}
          data-testid="report-view"
        />
        {view === 'chart' ? (
          <div role="img" aria-label={props.caption} data-testid="report-chart">
            <Suspense fallback={<Skeleton h={h} radius="md" />}>
              <ChartCanvas
                type={props.type ?? 'bar'}
                horizontal={horizontal ?? false}
                stacked={props.stacked ?? false}
                wholeNumbers={kind === 'count'}
                h={h}
                data={data}
                dataKey={category?.key ?? 'label'}
                series={series}
                valueFormatter={format}
              />
            </Suspense>
          </div>
        ) : (
          <ReportTable {...props} />
        )}
      </Stack>
    </Paper>
  );
}

export type { ReportColumn };
