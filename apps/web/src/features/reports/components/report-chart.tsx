import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Paper, SegmentedControl, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatReportValue } from '../lib/report-format.ts';
import type { ReportColumn } from '../report-columns.ts';
import { ReportTable, type ReportTableProps } from './report-table.tsx';

const PALETTE = ['blue.6', 'teal.6', 'orange.6', 'grape.6', 'red.6', 'cyan.6', 'lime.7', 'pink.6'];

export interface ReportChartProps<Row> extends ReportTableProps<Row> {
  /** The numeric columns to plot; the first column of `columns` is the category axis. */
  series: string[];
  type?: 'bar' | 'line';
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
  const chartProps = {
    h: props.height ?? 320,
    data,
    dataKey: category?.key ?? 'label',
    series,
    withLegend: true,
    legendProps: { verticalAlign: 'bottom' as const },
    valueFormatter: format,
    tickLine: 'y' as const,
  };
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
            {props.type === 'line' ? (
              <LineChart {...chartProps} curveType="monotone" />
            ) : (
              <BarChart {...chartProps} type={props.stacked ? 'stacked' : 'default'} />
            )}
          </div>
        ) : (
          <ReportTable {...props} />
        )}
      </Stack>
    </Paper>
  );
}

export type { ReportColumn };
