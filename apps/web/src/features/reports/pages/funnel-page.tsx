import type { FunnelRow, FunnelStepCount } from '@spotter/contracts';
import { Alert, Button, Group, Loader, Select, Stack, Text } from '@mantine/core';
import { IconAdjustments } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFunnelReport } from '../api/funnel-api.ts';
import { ExportMenu } from '../components/export-menu.tsx';
import { FunnelStepsDrawer } from '../components/funnel-steps-drawer.tsx';
import { PeriodPicker } from '../components/period-picker.tsx';
import { ReportChart } from '../components/report-chart.tsx';
import { personsLink, type PersonsScope } from '../funnel-links.ts';
import { FUNNEL_GROUPS, type FunnelSearch } from '../funnel-search.ts';
import type { ReportColumn } from '../report-columns.ts';
import type { ReportPeriodSearch } from '../reports-search.ts';

type StepRow = FunnelStepCount & { previous?: number };
type Group = (typeof FUNNEL_GROUPS)[number];

const SCOPE_KEY: Record<Exclude<Group, 'none'>, keyof PersonsScope> = {
  source: 'sourceId',
  responsible: 'responsibleId',
  branch: 'branchId',
};

/**
 * The sales funnel (seed 004): of the persons created in the period, how many were contacted,
 * booked a trial and bought, with the conversion between steps; as a whole or by source,
 * responsible or branch. Each number opens the persons it counts.
 */
export function FunnelPage(props: { search: FunnelSearch; canConfigure: boolean }) {
  const { t } = useTranslation('reportsFunnel');
  const navigate = useNavigate();
  const [configuring, setConfiguring] = useState(false);
  const search = props.search;
  const groupBy: Group = search.groupBy ?? 'none';
  const report = useFunnelReport(search);
  const data = report.data;
  const go = (next: FunnelSearch) => void navigate({ to: '/reports/funnel', search: next });
  const scope: PersonsScope = {
    sourceId: search.sourceId,
    responsibleId: search.responsibleId,
    branchId: search.branchId,
  };
  const stepLabel = (s: FunnelStepCount['step']) => t(`steps.${s}`);

  const stepColumns: ReportColumn<StepRow>[] = [
    { key: 'step', label: t('columns.step'), kind: 'text', value: (r) => stepLabel(r.step) },
    {
      key: 'count',
      label: t('columns.count'),
      kind: 'count',
      value: (r) => r.count,
      link: (r) => (data ? personsLink(data.period, r.step, scope) : undefined),
    },
    ...(data?.previousTotals
      ? [
          {
            key: 'previous',
            label: t('columns.previous'),
            kind: 'count' as const,
            value: (r: StepRow) => r.previous ?? null,
          },
        ]
      : []),
    {
      key: 'fromPrevious',
      label: t('columns.fromPrevious'),
      kind: 'percent',
      value: (r) => r.fromPrevious,
    },
    { key: 'fromFirst', label: t('columns.fromFirst'), kind: 'percent', value: (r) => r.fromFirst },
  ];
  const stepRows: StepRow[] = (data?.totals ?? []).map((s, i) => ({
    ...s,
    previous: data?.previousTotals?.[i]?.count,
  }));

  const groupName = (r: FunnelRow) => r.name ?? t('notSet');
  const countOf = (r: FunnelRow, i: number) => r.steps[i]?.count ?? 0;
  const groupScope = (r: FunnelRow): PersonsScope => {
    if (groupBy === 'none') return scope;
    if (!r.groupId && groupBy === 'responsible') return { ...scope, noResponsible: true };
    return { ...scope, [SCOPE_KEY[groupBy]]: r.groupId ?? undefined };
  };
  const totalsRow: FunnelRow | undefined = data
    ? { groupId: null, name: t('reports:total'), steps: data.totals }
    : undefined;

  const groupColumns: ReportColumn<FunnelRow>[] = [
    { key: 'group', label: t(`groupBy.${groupBy}`), kind: 'text', value: groupName },
    ...(['lead', 'contacted', 'trial', 'bought'] as const).map(
      (step, i): ReportColumn<FunnelRow> => ({
        key: step,
        label: stepLabel(step),
        kind: 'count',
        value: (r) => countOf(r, i),
        // Persons without a source or branch cannot be picked out in the persons list.
        link: (r) =>
          data && (r.groupId || r === totalsRow || groupBy === 'responsible')
            ? personsLink(data.period, step, r === totalsRow ? scope : groupScope(r))
            : undefined,
      }),
    ),
    {
      key: 'conversion',
      label: t('columns.conversion'),
      kind: 'percent',
      value: (r) => r.steps[3]?.fromFirst ?? null,
    },
  ];
  return (
    <Stack gap="md" data-testid="funnel-report">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Group align="flex-end" wrap="wrap">
          <PeriodPicker
            value={search}
            onChange={(p: ReportPeriodSearch) => go({ ...search, ...p })}
            resolved={data?.period}
            previous={data?.previous}
          />
          <Select
            label={t('groupBy.label')}
            data={FUNNEL_GROUPS.map((g) => ({ value: g, label: t(`groupBy.${g}`) }))}
            value={groupBy}
            allowDeselect={false}
            onChange={(v) =>
              go({ ...search, groupBy: v && v !== 'none' ? (v as Group) : undefined })
            }
            w={180}
            data-testid="funnel-group-by"
          />
        </Group>
        <Group gap="xs">
          {props.canConfigure && (
            <Button
              variant="default"
              leftSection={<IconAdjustments size={16} />}
              onClick={() => setConfiguring(true)}
              data-testid="funnel-configure"
            >
              {t('configure')}
            </Button>
          )}
          {data &&
            (groupBy === 'none' ? (
              <ExportMenu
                report="funnel"
                period={data.period}
                columns={stepColumns}
                rows={stepRows}
              />
            ) : (
              <ExportMenu
                report="funnel"
                period={data.period}
                columns={groupColumns}
                rows={[...data.rows, ...(totalsRow ? [totalsRow] : [])]}
              />
            ))}
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('explain')}
      </Text>
      {report.isError && <Alert color="red">{t('failed')}</Alert>}
      {!data && report.isPending && <Loader aria-label={t('reports:loading')} />}
      {data && (
        <ReportChart
          caption={t('caption')}
          rows={stepRows}
          columns={stepColumns}
          series={data.previousTotals ? ['count', 'previous'] : ['count']}
          rowKey={(r) => r.step}
          testId="funnel-steps-table"
        />
      )}
      {data && groupBy !== 'none' && (
        <ReportChart
          caption={t(`captionBy.${groupBy}`)}
          rows={data.rows}
          columns={groupColumns}
          series={['lead', 'contacted', 'trial', 'bought']}
          rowKey={(r) => r.groupId ?? 'none'}
          totals={totalsRow}
          testId="funnel-groups-table"
        />
      )}
      {props.canConfigure && (
        <FunnelStepsDrawer opened={configuring} onClose={() => setConfiguring(false)} />
      )}
    </Stack>
  );
}
