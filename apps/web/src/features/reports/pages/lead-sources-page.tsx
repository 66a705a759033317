import type { LeadSourceRow } from '@spotter/contracts';
import { Alert, Group, Loader, Stack, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLeadSourcesReport } from '../api/funnel-api.ts';
import { ExportMenu } from '../components/export-menu.tsx';
import { PeriodPicker } from '../components/period-picker.tsx';
import { ReportChart } from '../components/report-chart.tsx';
import { personsLink, type PersonsScope } from '../funnel-links.ts';
import type { LeadSourcesSearch } from '../funnel-search.ts';
import type { ReportColumn } from '../report-columns.ts';
import type { ReportPeriodSearch } from '../reports-search.ts';

/**
 * Lead sources and conversion: per source the persons created in the period, how many became
 * customers (the funnel's "bought" step), the share, and the median hours to buy and to the
 * first contact.
 */
export function LeadSourcesPage(props: { search: LeadSourcesSearch }) {
  const { t } = useTranslation('reportsFunnel');
  const navigate = useNavigate();
  const search = props.search;
  const report = useLeadSourcesReport(search);
  const data = report.data;
  const go = (next: LeadSourcesSearch) => void navigate({ to: '/reports/sources', search: next });
  const scopeOf = (r: LeadSourceRow): PersonsScope => ({
    sourceId: r.sourceId ?? search.sourceId,
    responsibleId: search.responsibleId,
    branchId: search.branchId,
  });
  const totalsRow: LeadSourceRow | undefined = data
    ? { sourceId: null, name: t('reports:total'), ...data.totals }
    : undefined;
  // Persons without a source cannot be picked out in the persons list: no link there.
  const linkable = (r: LeadSourceRow) => r.sourceId !== null || r === totalsRow;
  const columns: ReportColumn<LeadSourceRow>[] = [
    {
      key: 'source',
      label: t('sources.columns.source'),
      kind: 'text',
      value: (r) => r.name ?? t('sources.noSource'),
    },
    {
      key: 'leads',
      label: t('sources.columns.leads'),
      kind: 'count',
      value: (r) => r.leads,
      link: (r) => (data && linkable(r) ? personsLink(data.period, 'lead', scopeOf(r)) : undefined),
    },
    {
      key: 'converted',
      label: t('sources.columns.converted'),
      kind: 'count',
      value: (r) => r.converted,
      link: (r) =>
        data && linkable(r) ? personsLink(data.period, 'bought', scopeOf(r)) : undefined,
    },
    {
      key: 'conversionRate',
      label: t('sources.columns.conversionRate'),
      kind: 'percent',
      value: (r) => r.conversionRate,
    },
    {
      key: 'medianHoursToConvert',
      label: t('sources.columns.medianConvert'),
      kind: 'count',
      value: (r) => round(r.medianHoursToConvert),
    },
    {
      key: 'medianHoursToFirstContact',
      label: t('sources.columns.medianContact'),
      kind: 'count',
      value: (r) => round(r.medianHoursToFirstContact),
    },
  ];
  const previous = data?.previousTotals;

  return (
    <Stack gap="md" data-testid="lead-sources-report">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <PeriodPicker
          value={search}
          onChange={(p: ReportPeriodSearch) => go({ ...search, ...p })}
          resolved={data?.period}
          previous={data?.previous}
        />
        {data && (
          <ExportMenu
            report="lead-sources"
            period={data.period}
            columns={columns}
            rows={[...data.rows, ...(totalsRow ? [totalsRow] : [])]}
          />
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t('sources.explain')}
      </Text>
      {previous && (
        <Text size="sm" data-testid="lead-sources-previous">
          {t('sources.previous', {
            leads: previous.leads,
            converted: previous.converted,
          })}
        </Text>
      )}
      {report.isError && <Alert color="red">{t('failed')}</Alert>}
      {!data && report.isPending && <Loader aria-label={t('reports:loading')} />}
      {data && (
        <ReportChart
          caption={t('sources.caption')}
          rows={data.rows}
          columns={columns}
          series={['leads', 'converted']}
          rowKey={(r) => r.sourceId ?? 'none'}
          totals={totalsRow}
          testId="lead-sources-table"
        />
      )}
    </Stack>
  );
}

const round = (hours: number | null) => (hours === null ? null : Math.round(hours * 10) / 10);
