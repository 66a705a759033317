import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';

export interface ChartCanvasProps {
  type: 'bar' | 'line';
  horizontal: boolean;
  stacked: boolean;
  /** Counts have whole ticks only: "0.75 tasks" is not a number anyone reads. */
  wholeNumbers: boolean;
  h: number;
  data: Array<Record<string, string | number>>;
  dataKey: string;
  series: Array<{ name: string; label: string; color: string }>;
  valueFormatter: (v: number) => string;
}

/**
 * The chart itself, in a chunk of its own: the charting library is most of a report's
 * download, so the table view, the filters and the numbers appear without waiting for it.
 */
export function ChartCanvas(props: ChartCanvasProps) {
  const common = {
    h: props.h,
    data: props.data,
    dataKey: props.dataKey,
    series: props.series,
    withLegend: true,
    legendProps: { verticalAlign: 'bottom' as const },
    valueFormatter: props.valueFormatter,
    tickLine: 'y' as const,
  };
  const valueAxis = { allowDecimals: !props.wholeNumbers };
  if (props.type === 'line') {
    return <LineChart {...common} curveType="monotone" yAxisProps={valueAxis} />;
  }
  return (
    <BarChart
      {...common}
      type={props.stacked ? 'stacked' : 'default'}
      {...(props.horizontal
        ? {
            orientation: 'vertical' as const,
            tickLine: 'x' as const,
            gridAxis: 'y' as const,
            yAxisProps: { width: 130 },
            xAxisProps: valueAxis,
          }
        : { yAxisProps: valueAxis })}
    />
  );
}
