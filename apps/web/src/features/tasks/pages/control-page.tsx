import { Button, MultiSelect, Paper, Skeleton, Table, Text } from '@mantine/core';
import type { Me } from '@spotter/contracts';
import { IconArrowLeft, IconLock, IconUsers } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state.tsx';
import { MessagePage } from '../../../components/message-page.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useBranchOptions } from '../../../lib/crm-reference.ts';
import { useControl } from '../api/tasks-api.ts';
import { zonedDay, zonedWeekStart } from '../lib/zoned-time.ts';
import { controlDrillDown, type ControlMetric } from '../tasks-search.ts';
import { TasksLink } from '../components/links.tsx';

const METRICS: ControlMetric[] = ['open', 'overdue', 'doneToday', 'doneThisWeek'];

/** A count that opens the task table filtered to exactly what it counted. */
function Count(props: {
  value: number;
  metric: ControlMetric;
  search: ReturnType<typeof controlDrillDown>;
  label: string;
}) {
  const red = props.metric === 'overdue' && props.value > 0;
  if (props.value === 0) {
    return (
      <Text size="sm" c="dimmed" ta="right">
        0
      </Text>
    );
  }
  return (
    <TasksLink
      search={props.search}
      display="block"
      ta="right"
      fw={600}
      c={red ? 'red' : undefined}
      aria-label={props.label}
      data-testid={`control-${props.metric}`}
    >
      {props.value}
    </TasksLink>
  );
}

/** T-9 "control": per staff member, what is open, overdue and done today and this week. */
export function ControlPage(props: { me: Me }) {
  const { t, i18n } = useTranslation('tasks');
  const [branchId, setBranchId] = useState<string[]>([]);
  const allowed = props.me.permissions.includes('tasks.control');
  const control = useControl(branchId, allowed);
  const branches = useBranchOptions().data?.items ?? [];
  const timeZone = props.me.organization.timezone;
  const now = new Date();
  const days = { today: zonedDay(now, timeZone), weekStart: zonedWeekStart(now, timeZone) };
  const nf = new Intl.NumberFormat(i18n.language);

  if (!allowed) {
    return (
      <MessagePage
        icon={<IconLock size={28} />}
        title={t('control.noAccessTitle')}
        message={t('control.noAccessText')}
        testId="control-no-access"
      />
    );
  }
  const rows = control.data?.rows ?? [];
  return (
    <>
      <PageHeader
        title={t('control.title')}
        description={t('control.description')}
        actions={
          <>
            {branches.length > 1 && (
              <MultiSelect
                w={240}
                aria-label={t('filters.branch')}
                placeholder={branchId.length ? undefined : t('filters.allBranches')}
                data={branches.map((b) => ({ value: b.id, label: b.name }))}
                value={branchId}
                onChange={setBranchId}
                clearable
                data-testid="control-branch"
              />
            )}
            <Button
              variant="default"
              component={Link}
              to="/tasks"
              leftSection={<IconArrowLeft size={16} />}
            >
              {t('page.title')}
            </Button>
          </>
        }
      />
      {control.isError && (
        <QueryError error={control.error} onRetry={() => void control.refetch()} />
      )}
      {control.isPending && <Skeleton height={200} />}
      {control.isSuccess && rows.length === 0 && control.data.unassigned === 0 && (
        <EmptyState
          icon={<IconUsers size={28} />}
          title={t('control.emptyTitle')}
          text={t('control.emptyText')}
        />
      )}
      {control.isSuccess && (rows.length > 0 || control.data.unassigned > 0) && (
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          <Table.ScrollContainer minWidth={600} type="native">
            <Table verticalSpacing="sm" highlightOnHover data-testid="control-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('control.staff')}</Table.Th>
                  {METRICS.map((m) => (
                    <Table.Th key={m} ta="right">
                      {t(`control.${m}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.user.id} data-testid="control-row" data-user-id={row.user.id}>
                    <Table.Td fw={500}>{row.user.name}</Table.Td>
                    {METRICS.map((m) => (
                      <Table.Td key={m}>
                        <Count
                          value={row[m]}
                          metric={m}
                          search={controlDrillDown(m, { userId: row.user.id }, days, branchId)}
                          label={`${row.user.name}: ${t(`control.${m}`)} ${nf.format(row[m])}`}
                        />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
                {control.data.unassigned > 0 && (
                  <Table.Tr data-testid="control-unassigned">
                    <Table.Td fs="italic">{t('table.unassigned')}</Table.Td>
                    <Table.Td>
                      <Count
                        value={control.data.unassigned}
                        metric="open"
                        search={controlDrillDown('open', 'unassigned', days, branchId)}
                        label={`${t('table.unassigned')}: ${nf.format(control.data.unassigned)}`}
                      />
                    </Table.Td>
                    <Table.Td colSpan={3} />
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </>
  );
}
