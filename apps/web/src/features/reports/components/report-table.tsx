import { Anchor, Table } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatReportValue } from '../lib/report-format.ts';
import type { ReportColumn } from '../report-columns.ts';

export interface ReportTableProps<Row> {
  caption: string;
  rows: Row[];
  columns: ReportColumn<Row>[];
  rowKey: (row: Row, index: number) => string;
  /** A totals row under the rows (e.g. the whole period), if the report has one. */
  totals?: Row;
  /** The totals row's own columns (its label, its links), if they differ from the rows'. */
  totalsColumns?: ReportColumn<Row>[];
  currency?: string;
  testId?: string;
}

/**
 * The rows as an accessible table: a caption, the first column as each row's header, numbers
 * right-aligned in the user's language, and each linked number a drill-down to its list.
 */
export function ReportTable<Row>(props: ReportTableProps<Row>) {
  const { t, i18n } = useTranslation('reports');
  const show = (c: ReportColumn<Row>, row: Row) => {
    const text = formatReportValue(c.kind, c.value(row), i18n.language, props.currency);
    const to = c.link?.(row);
    return to ? (
      <Anchor renderRoot={(p) => <Link {...p} {...to} />} data-testid={`drill-${c.key}`}>
        {text}
      </Anchor>
    ) : (
      text
    );
  };
  const line = (row: Row, key: string, columns: ReportColumn<Row>[]) => {
    const [first, ...rest] = columns;
    return (
      <Table.Tr key={key}>
        {first && <Table.Th scope="row">{show(first, row)}</Table.Th>}
        {rest.map((c) => (
          <Table.Td key={c.key} ta={c.kind === 'text' ? undefined : 'right'}>
            {show(c, row)}
          </Table.Td>
        ))}
      </Table.Tr>
    );
  };
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table
        striped
        highlightOnHover
        captionSide="top"
        data-testid={props.testId ?? 'report-table'}
      >
        <Table.Caption>{props.caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {props.columns.map((c) => (
              <Table.Th key={c.key} scope="col" ta={c.kind === 'text' ? undefined : 'right'}>
                {c.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={props.columns.length}>{t('empty')}</Table.Td>
            </Table.Tr>
          ) : (
            props.rows.map((row, i) => line(row, props.rowKey(row, i), props.columns))
          )}
        </Table.Tbody>
        {props.totals && props.rows.length > 0 && (
          <Table.Tfoot fw={600}>
            {line(props.totals, 'totals', props.totalsColumns ?? props.columns)}
          </Table.Tfoot>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}
