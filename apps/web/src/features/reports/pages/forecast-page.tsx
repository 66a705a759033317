import { Alert, Group, SegmentedControl, Select, Skeleton, Stack, Text } from '@mantine/core';
import type { ForecastReport, ForecastRow, Me } from '@spotter/contracts';
import { IconInfoCircle } from '@tabler/icons-react';
import { useNavigate, type ToOptions } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { FilterMultiSelect, filterOptions } from '../../../components/filter-inputs.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useBranchOptions, useGroups, useStaff } from '../../../lib/crm-reference.ts';
import { useForecast, usePipelineOptions } from '../api/forecast-api.ts';
import { ExportMenu } from '../components/export-menu.tsx';
import { ReportChart } from '../components/report-chart.tsx';
import type { ForecastSearch } from '../forecast-search.ts';
import { addMonths, currencyDigits, formatMonth, monthChoices } from '../lib/months.ts';
import type { ReportColumn } from '../report-columns.ts';

type By = 'month' | 'owner' | 'group';

/** The deals list showing exactly what a month's number counted (open expected, or won). */
function dealsLink(
  search: ForecastSearch,
  state: 'open' | 'won',
  row: ForecastRow,
  by: By,
): ToOptions | undefined {
  if (by !== 'month' || row.key === null) return undefined;
  return {
    to: '/deals',
    search: {
      state,
      closeMonth: row.key,
      pipelineId: search.pipelineId,
      ownerId: search.ownerId,
      groupId: search.groupId,
      branchId: search.branchId,
    },
  };
}

function useColumns(report: ForecastReport | undefined, search: ForecastSearch, by: By) {
  const { t, i18n } = useTranslation('reportsForecast');
  const currency = report?.currency ?? 'SEK';
  const major = (minor: number) => minor / 10 ** currencyDigits(currency);
  const label = (r: ForecastRow) =>
    by === 'month'
      ? formatMonth(r.label, i18n.language)
      : r.key === null
        ? t(by === 'owner' ? 'noOwner' : 'noGroup')
        : r.label;
  const columns: ReportColumn<ForecastRow>[] = [
    { key: 'label', label: t(`by.${by}`), kind: 'text', value: label },
    {
      key: 'openWeighted',
      label: t('columns.openWeighted'),
      kind: 'money',
      value: (r) => major(r.openWeighted),
      link: (r) => dealsLink(search, 'open', r, by),
    },
    {
      key: 'forecast',
      label: t('columns.forecast'),
      kind: 'money',
      value: (r) => major(r.forecast),
    },
    {
      key: 'wonAmount',
      label: t('columns.wonAmount'),
      kind: 'money',
      value: (r) => major(r.wonAmount),
      link: (r) => dealsLink(search, 'won', r, by),
    },
    {
      key: 'openCount',
      label: t('columns.openCount'),
      kind: 'count',
      value: (r) => r.openCount,
      link: (r) => dealsLink(search, 'open', r, by),
    },
    {
      key: 'openAmount',
      label: t('columns.openAmount'),
      kind: 'money',
      value: (r) => major(r.openAmount),
    },
    {
      key: 'wonCount',
      label: t('columns.wonCount'),
      kind: 'count',
      value: (r) => r.wonCount,
      link: (r) => dealsLink(search, 'won', r, by),
    },
  ];
  return columns;
}

/** S-3: the weighted pipeline by expected close month, owner or group; won beside forecast. */
export function ForecastPage(props: { me: Me; search: ForecastSearch }) {
  const { t, i18n } = useTranslation('reportsForecast');
  const navigate = useNavigate();
  const { search } = props;
  const by: By = search.by ?? 'month';
  const report = useForecast(search);
  const data = report.data;
  const columns = useColumns(data, search, by);
  const staff = useStaff().data?.items ?? [];
  const groups = useGroups().data?.items ?? [];
  const branches = useBranchOptions().data?.items ?? [];
  const pipelines = usePipelineOptions().data?.items ?? [];
  const patch = (p: Partial<ForecastSearch>) =>
    void navigate({
      from: '/reports/forecast',
      to: '/reports/forecast',
      // The page's own search, not the router's `prev` (a union of every route's params).
      search: { ...search, ...p },
    });
  const current = data?.currentMonth;
  const months = current ? monthChoices(current, i18n.language) : [];
  const width = { base: '100%', xs: 170 };
  const totals: ForecastRow | undefined = data && {
    key: null,
    label: t('total'),
    ...data.totals,
  };

  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end" wrap="wrap" data-testid="forecast-filters">
        <Select
          w={width}
          label={t('fromMonth')}
          data={months}
          value={data?.fromMonth ?? null}
          onChange={(v) => v && patch({ fromMonth: v })}
          allowDeselect={false}
          data-testid="forecast-from"
        />
        <Select
          w={width}
          label={t('toMonth')}
          data={months}
          value={data?.toMonth ?? null}
          onChange={(v) => v && patch({ toMonth: v })}
          allowDeselect={false}
          data-testid="forecast-to"
        />
        <Select
          w={width}
          aria-label={t('pipeline')}
          placeholder={t('allPipelines')}
          data={pipelines.map((p) => ({ value: p.id, label: p.name }))}
          value={search.pipelineId ?? null}
          onChange={(v) => patch({ pipelineId: v ?? undefined })}
          clearable
          data-testid="forecast-pipeline"
        />
        <Select
          w={width}
          aria-label={t('owner')}
          placeholder={t('everyone')}
          data={staff
            .filter((s) => s.active || s.id === search.ownerId)
            .map((s) => ({ value: s.id, label: s.name }))}
          value={search.ownerId ?? null}
          onChange={(v) => patch({ ownerId: v ?? undefined })}
          clearable
          searchable
          data-testid="forecast-owner"
        />
        {groups.length > 0 && (
          <FilterMultiSelect
            w={width}
            label={t('group')}
            data={filterOptions(groups, search.groupId)}
            value={search.groupId}
            onChange={(v) => patch({ groupId: v.length ? v : undefined })}
            testId="forecast-group"
          />
        )}
        {branches.length > 1 && (
          <FilterMultiSelect
            w={width}
            label={t('branch')}
            data={filterOptions(branches, search.branchId)}
            value={search.branchId}
            onChange={(v) => patch({ branchId: v.length ? v : undefined })}
            testId="forecast-branch"
          />
        )}
      </Group>
      <Group justify="space-between" wrap="wrap">
        <SegmentedControl
          value={by}
          onChange={(v) => patch({ by: v === 'month' ? undefined : (v as By) })}
          data={(['month', 'owner', 'group'] as const).map((v) => ({
            value: v,
            label: t(`by.${v}`),
          }))}
          aria-label={t('byLabel')}
          data-testid="forecast-by"
        />
        {data && (
          <ExportMenu
            report="forecast"
            period={{ from: `${data.fromMonth}-01`, to: lastDay(data.toMonth) }}
            columns={columns}
            rows={totals ? [...data.rows, totals] : data.rows}
          />
        )}
      </Group>
      <Alert variant="light" icon={<IconInfoCircle size={18} />} data-testid="forecast-help">
        <Text size="sm">{t('help')}</Text>
      </Alert>
      {report.isError ? (
        <QueryError error={report.error} onRetry={() => void report.refetch()} />
      ) : !data ? (
        <Skeleton h={360} radius="md" />
      ) : (
        <ReportChart
          caption={t('caption', {
            from: formatMonth(data.fromMonth, i18n.language),
            to: formatMonth(data.toMonth, i18n.language),
          })}
          rows={data.rows}
          columns={columns}
          series={['openWeighted', 'forecast', 'wonAmount']}
          rowKey={(r, i) => r.key ?? `none-${i}`}
          totals={totals}
          currency={data.currency}
          testId="forecast-table"
        />
      )}
    </Stack>
  );
}

/** The last day (YYYY-MM-DD) of a month. */
function lastDay(month: string): string {
  const next = addMonths(month, 1);
  const d = new Date(`${next}-01T00:00:00Z`);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}
