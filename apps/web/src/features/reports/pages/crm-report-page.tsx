import { Group, Paper, Select, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import type { CrmReport, CrmReportRow } from '@spotter/contracts';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error.tsx';
import { StaffSelect } from '../../../components/staff-select.tsx';
import { useBranchOptions, useGroups } from '../../../lib/crm-reference.ts';
import { useTaskTemplates } from '../../tasks/index.ts';
import { useCrmReport } from '../api/crm-report-api.ts';
import { ExportMenu } from '../components/export-menu.tsx';
import { PeriodPicker } from '../components/period-picker.tsx';
import { ReportChart } from '../components/report-chart.tsx';
import { CRM_DIMENSIONS, type CrmReportSearch } from '../crm-search.ts';
import { crmDrillDown, type CrmMetric } from '../lib/crm-drill-down.ts';
import { changeRatio, formatDay, formatReportValue } from '../lib/report-format.ts';
import type { ReportColumn } from '../report-columns.ts';
import { pickPeriod } from '../reports-search.ts';

const METRICS: readonly CrmMetric[] = ['created', 'done', 'overdue'];
const TIME = new Set(['day', 'week', 'month']);

/** A step of time as the user's language writes it: a day, a week from its Monday, a month. */
function stepLabel(row: CrmReportRow, groupBy: string, locale: string): string {
  if (!row.key) return '';
  if (groupBy === 'month') {
    const [y, m] = row.key.split('-').map(Number);
    return new Intl.DateTimeFormat(locale, {
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1, 1)));
  }
  if (groupBy === 'week' && row.from && row.to && row.from !== row.to) {
    return `${formatDay(row.from, locale)} – ${formatDay(row.to, locale)}`;
  }
  return formatDay(row.from ?? row.key, locale);
}

function Figure(props: { label: string; value: number; previous?: number; testId: string }) {
  const { t, i18n } = useTranslation('reports');
  const change = props.previous === undefined ? null : changeRatio(props.value, props.previous);
  return (
    <Paper withBorder p="md" radius="md" data-testid={props.testId}>
      <Text size="sm" c="dimmed">
        {props.label}
      </Text>
      <Text fw={700} fz={28} lh={1.2}>
        {formatReportValue('count', props.value, i18n.language)}
      </Text>
      {props.previous !== undefined && (
        <Text size="xs" c="dimmed">
          {t('crm.before', { value: formatReportValue('count', props.previous, i18n.language) })}
          {change !== null &&
            ` (${change > 0 ? '+' : ''}${formatReportValue('percent', change, i18n.language)})`}
        </Text>
      )}
    </Paper>
  );
}

/**
 * S-5, seed 004's general CRM report: tasks created, done and overdue by staff member,
 * template, result, group, branch or by day, week or month, with the period before beside
 * them; every number leads to the tasks it counted.
 */
export function CrmReportPage(props: {
  search: CrmReportSearch;
  onSearch: (next: CrmReportSearch) => void;
}) {
  const { t, i18n } = useTranslation('reports');
  const { search } = props;
  const groupBy = search.groupBy ?? 'staff';
  const report = useCrmReport(search);
  const branches = useBranchOptions();
  const groups = useGroups(false);
  const templates = useTaskTemplates();
  const set = (patch: Partial<CrmReportSearch>) => props.onSearch({ ...search, ...patch });
  const data: CrmReport | undefined = report.data;

  const link = (metric: CrmMetric) => (row: CrmReportRow) => {
    if (!data) return undefined;
    const to = crmDrillDown(metric, data, search, row);
    return to ? { to: '/tasks' as const, search: to } : undefined;
  };
  const noneLabel = t(`crm.none.${groupBy}`, { defaultValue: '' });
  const columns: ReportColumn<CrmReportRow>[] = [
    {
      key: 'label',
      label: t(`crm.dimensions.${groupBy}`),
      kind: 'text',
      value: (r) =>
        TIME.has(groupBy) ? stepLabel(r, groupBy, i18n.language) : r.label || noneLabel,
    },
    ...METRICS.map((m): ReportColumn<CrmReportRow> => ({
      key: m,
      label: t(`crm.metrics.${m}`),
      kind: 'count',
      value: (r) => r[m],
      link: link(m),
    })),
    ...(data?.previous && !TIME.has(groupBy)
      ? METRICS.map((m): ReportColumn<CrmReportRow> => ({
          key: `previous-${m}`,
          label: t('crm.previousOf', { metric: t(`crm.metrics.${m}`) }),
          kind: 'count',
          value: (r) => r.previous?.[m] ?? 0,
        }))
      : []),
  ];
  const totalsRow: CrmReportRow | undefined = data && {
    key: null,
    label: t('total'),
    ...data.totals,
    ...(data.previousTotals ? { previous: data.previousTotals } : {}),
  };
  // The totals row links without a dimension of its own.
  const totalsColumns = columns.map((c) =>
    METRICS.includes(c.key as CrmMetric)
      ? {
          ...c,
          link: () => {
            const to = data && crmDrillDown(c.key as CrmMetric, data, search);
            return to ? { to: '/tasks' as const, search: to } : undefined;
          },
        }
      : c.key === 'label'
        ? { ...c, value: () => t('total') }
        : c,
  );

  const templateOptions = (templates.data?.items ?? [])
    .filter((tpl) => !tpl.archived || tpl.id === search.templateId)
    .map((tpl) => ({ value: tpl.id, label: tpl.name }));
  const groupOptions = (groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }));
  const branchOptions = (branches.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }));

  return (
    <Stack gap="md">
      <PeriodPicker
        value={pickPeriod(search)}
        onChange={(period) => set(period)}
        resolved={data?.period}
        previous={data?.previous}
      />
      <Group gap="sm" align="flex-end" wrap="wrap" data-testid="crm-filters">
        <Select
          label={t('crm.groupBy')}
          data={CRM_DIMENSIONS.map((d) => ({ value: d, label: t(`crm.dimensions.${d}`) }))}
          value={groupBy}
          allowDeselect={false}
          onChange={(v) => v && set({ groupBy: v as CrmReportSearch['groupBy'] })}
          w={170}
          data-testid="crm-group-by"
        />
        <StaffSelect
          label={t('crm.filters.staff')}
          placeholder={t('crm.filters.everyone')}
          value={search.assigneeId ?? null}
          onChange={(v) => set({ assigneeId: v ?? undefined })}
          clearable
          w={190}
          testId="crm-staff"
        />
        <Select
          label={t('crm.filters.template')}
          placeholder={t('crm.filters.all')}
          data={templateOptions}
          value={search.templateId ?? null}
          onChange={(v) => set({ templateId: v ?? undefined })}
          clearable
          searchable
          w={190}
          data-testid="crm-template"
        />
        {groupOptions.length > 0 && (
          <Select
            label={t('crm.filters.group')}
            placeholder={t('crm.filters.all')}
            data={groupOptions}
            value={search.groupId ?? null}
            onChange={(v) => set({ groupId: v ?? undefined })}
            clearable
            searchable
            w={170}
            data-testid="crm-group"
          />
        )}
        {branchOptions.length > 0 && (
          <Select
            label={t('crm.filters.branch')}
            placeholder={t('crm.filters.all')}
            data={branchOptions}
            value={search.branchId ?? null}
            onChange={(v) => set({ branchId: v ?? undefined })}
            clearable
            w={170}
            data-testid="crm-branch"
          />
        )}
        {data && (
          <Group ml="auto">
            <ExportMenu report="crm" period={data.period} columns={columns} rows={data.rows} />
          </Group>
        )}
      </Group>
      {report.isError && <QueryError error={report.error} onRetry={() => void report.refetch()} />}
      {!data && !report.isError && <Skeleton h={380} radius="md" />}
      {data && (
        <>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            {METRICS.map((m) => (
              <Figure
                key={m}
                label={t(`crm.metrics.${m}`)}
                value={data.totals[m]}
                previous={data.previousTotals?.[m]}
                testId={`crm-total-${m}`}
              />
            ))}
          </SimpleGrid>
          <ReportChart
            caption={t('crm.caption', {
              dimension: t(`crm.dimensions.${groupBy}`),
            })}
            rows={data.rows}
            columns={columns}
            series={[...METRICS]}
            type={TIME.has(groupBy) ? 'line' : 'bar'}
            horizontal={data.rows.length > 4}
            rowKey={(r, i) => r.key ?? `none-${i}`}
            totals={totalsRow}
            totalsColumns={totalsColumns}
          />
          <Text size="xs" c="dimmed">
            {t('crm.overdueNote')}
          </Text>
        </>
      )}
    </Stack>
  );
}
