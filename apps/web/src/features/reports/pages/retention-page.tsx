import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import type { Me, RetentionReason, RetentionRow } from '@spotter/contracts';
import { IconInfoCircle, IconPhoneCall } from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { FilterMultiSelect, filterOptions } from '../../../components/filter-inputs.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useBranchOptions } from '../../../lib/crm-reference.ts';
import { closeThen, notifySaved } from '../../../lib/feedback.ts';
import { useRetention, useStartRetentionRound } from '../api/forecast-api.ts';
import { ExportMenu } from '../components/export-menu.tsx';
import type { RetentionSearch } from '../forecast-search.ts';
import { formatDay } from '../lib/report-format.ts';
import type { ReportColumn } from '../report-columns.ts';

const DAYS = [7, 14, 30, 60, 90];
const DEFAULT_DAYS = 30;

/** Why a member is listed, in words: "Visits 8 → 2", "Contract ends 20 Dec 2026". */
function ReasonBadges({ row }: { row: RetentionRow }) {
  const { t, i18n } = useTranslation('reportsForecast');
  return (
    <Group gap={6} wrap="wrap">
      {row.reasons.includes('visits_dropped') && (
        <Badge color="orange" variant="light" data-testid="reason-visits">
          {t('retention.visits', { before: row.visitsBefore, recent: row.visitsRecent })}
        </Badge>
      )}
      {row.contractEndsOn && (
        <Badge color="red" variant="light" data-testid="reason-contract">
          {t('retention.contractEnds', { date: formatDay(row.contractEndsOn, i18n.language) })}
        </Badge>
      )}
      {row.hasOpenTask && (
        <Badge color="gray" variant="outline" data-testid="reason-call-open">
          {t('retention.callOpen')}
        </Badge>
      )}
    </Group>
  );
}

function useExportColumns(): ReportColumn<RetentionRow>[] {
  const { t } = useTranslation('reportsForecast');
  return [
    { key: 'name', label: t('retention.person'), kind: 'text', value: (r) => r.name },
    { key: 'phone', label: t('retention.phone'), kind: 'text', value: (r) => r.phone },
    {
      key: 'reasons',
      label: t('retention.reason'),
      kind: 'text',
      value: (r) => r.reasons.map((x) => t(`retention.reasons.${x}`)).join(', '),
    },
    {
      key: 'before',
      label: t('retention.visitsBefore'),
      kind: 'count',
      value: (r) => r.visitsBefore,
    },
    {
      key: 'recent',
      label: t('retention.visitsRecent'),
      kind: 'count',
      value: (r) => r.visitsRecent,
    },
    {
      key: 'contractEndsOn',
      label: t('retention.contractEndsOn'),
      kind: 'text',
      value: (r) => r.contractEndsOn,
    },
  ];
}

/**
 * The retention list: members whose visits dropped or whose contract ends soon with no call
 * planned, each with its reason; pick some (or none for all) and start one call round.
 */
export function RetentionPage(props: { me: Me; search: RetentionSearch }) {
  const { t } = useTranslation('reportsForecast');
  const navigate = useNavigate();
  const { search } = props;
  const days = search.days ?? DEFAULT_DAYS;
  const list = useRetention(search);
  const start = useStartRetentionRound();
  const branches = useBranchOptions().data?.items ?? [];
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const columns = useExportColumns();
  const pages = list.data?.pages ?? [];
  const items = pages.flatMap((p) => p.items);
  const first = pages[0];
  const canCall = props.me.permissions.includes('tasks.write');
  const callable = items.filter((r) => !r.hasOpenTask);
  const patch = (p: Partial<RetentionSearch>) => {
    setSelected(new Set());
    void navigate({
      from: '/reports/retention',
      to: '/reports/retention',
      // The page's own search, not the router's `prev` (a union of every route's params).
      search: { ...search, ...p },
    });
  };
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const allOn = callable.length > 0 && callable.every((r) => selected.has(r.personId));
  const startRound = () =>
    start.mutate(
      {
        personIds: selected.size > 0 ? [...selected] : undefined,
        branchId: search.branchId,
        reason: search.reason,
        days,
      },
      closeThen(
        () => setConfirming(false),
        (answer) => {
          setSelected(new Set());
          notifySaved(
            answer.created > 0
              ? t('retention.started', { count: answer.created, skipped: answer.skipped })
              : t('retention.nobodyToCall'),
          );
        },
      ),
    );
  const width = { base: '100%', xs: 190 };

  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end" wrap="wrap" data-testid="retention-filters">
        <Select
          w={width}
          aria-label={t('retention.reason')}
          placeholder={t('retention.anyReason')}
          data={(['visits_dropped', 'contract_ending'] as RetentionReason[]).map((r) => ({
            value: r,
            label: t(`retention.reasons.${r}`),
          }))}
          value={search.reason ?? null}
          onChange={(v) => patch({ reason: (v as RetentionReason | null) ?? undefined })}
          clearable
          data-testid="retention-reason"
        />
        <Select
          w={width}
          aria-label={t('retention.days')}
          data={DAYS.map((d) => ({
            value: String(d),
            label: t('retention.withinDays', { count: d }),
          }))}
          value={String(days)}
          onChange={(v) => patch({ days: v && Number(v) !== DEFAULT_DAYS ? Number(v) : undefined })}
          allowDeselect={false}
          data-testid="retention-days"
        />
        {branches.length > 1 && (
          <FilterMultiSelect
            w={width}
            label={t('branch')}
            data={filterOptions(branches, search.branchId)}
            value={search.branchId}
            onChange={(v) => patch({ branchId: v.length ? v : undefined })}
            testId="retention-branch"
          />
        )}
      </Group>
      <Alert variant="light" icon={<IconInfoCircle size={18} />} data-testid="retention-help">
        <Text size="sm">{t('retention.help')}</Text>
      </Alert>
      <Group justify="space-between" wrap="wrap">
        {canCall ? (
          <Button
            leftSection={<IconPhoneCall size={16} />}
            onClick={() => setConfirming(true)}
            disabled={items.length === 0}
            data-testid="retention-call-round"
          >
            {selected.size > 0
              ? t('retention.callSelected', { count: selected.size })
              : t('retention.callAll')}
          </Button>
        ) : (
          <span />
        )}
        {first && (
          <ExportMenu
            report="retention"
            period={{ from: first.beforeFrom, to: first.today }}
            columns={columns}
            rows={items}
          />
        )}
      </Group>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Skeleton h={240} radius="md" />
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={560}>
            <Table striped highlightOnHover captionSide="top" data-testid="retention-table">
              <Table.Caption>{t('retention.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  {canCall && (
                    <Table.Th w={40}>
                      <Checkbox
                        aria-label={t('retention.selectAll')}
                        checked={allOn}
                        indeterminate={!allOn && selected.size > 0}
                        onChange={(e) =>
                          setSelected(
                            e.currentTarget.checked
                              ? new Set(callable.map((r) => r.personId))
                              : new Set(),
                          )
                        }
                      />
                    </Table.Th>
                  )}
                  <Table.Th scope="col">{t('retention.person')}</Table.Th>
                  <Table.Th scope="col">{t('retention.phone')}</Table.Th>
                  <Table.Th scope="col">{t('retention.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={canCall ? 4 : 3}>{t('retention.empty')}</Table.Td>
                  </Table.Tr>
                ) : (
                  items.map((r) => (
                    <Table.Tr key={r.personId} data-testid="retention-row">
                      {canCall && (
                        <Table.Td>
                          <Checkbox
                            aria-label={t('retention.select', { name: r.name })}
                            checked={selected.has(r.personId)}
                            disabled={r.hasOpenTask}
                            onChange={(e) => toggle(r.personId, e.currentTarget.checked)}
                          />
                        </Table.Td>
                      )}
                      <Table.Th scope="row" fw={500}>
                        <Anchor
                          renderRoot={(p) => (
                            <Link
                              {...p}
                              to="/persons/$personId"
                              params={{ personId: r.personId }}
                            />
                          )}
                        >
                          {r.name}
                        </Anchor>
                      </Table.Th>
                      <Table.Td>{r.phone ?? '—'}</Table.Td>
                      <Table.Td>
                        <ReasonBadges row={r} />
                      </Table.Td>
                    </Table.Tr>
                  ))
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {list.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void list.fetchNextPage()}
          loading={list.isFetchingNextPage}
          style={{ alignSelf: 'center' }}
          data-testid="retention-more"
        >
          {t('retention.more')}
        </Button>
      )}
      <ConfirmDialog
        opened={confirming}
        title={t('retention.confirmTitle')}
        message={
          selected.size > 0
            ? t('retention.confirmSelected', { count: selected.size })
            : t('retention.confirmAll')
        }
        confirmLabel={t('retention.confirm')}
        loading={start.isPending}
        onConfirm={startRound}
        onClose={() => setConfirming(false)}
      />
    </Stack>
  );
}
