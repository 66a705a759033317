import {
  Button,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { Me, Task } from '@spotter/contracts';
import { IconPhoneOutgoing } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListFooter } from '../../../components/list-footer.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { ColorBadge } from '../../../components/status-badge.tsx';
import { useTaskList } from '../api/tasks-api.ts';
import { RoundRunner } from './round-runner.tsx';
import { useTaskActions } from './task-actions.tsx';
import { TasksTable } from './tasks-table.tsx';

const PAGE = 50;

/** A call round (T-2): done of total, how the calls ended, and the calls themselves. */
export function RoundSection(props: { me: Me; round: Task }) {
  const { t, i18n } = useTranslation('tasks');
  const [page, setPage] = useState(1);
  const [state, setState] = useState<'all' | 'open' | 'done'>('all');
  const [sort, setSort] = useState('dueAt');
  const [running, setRunning] = useState(false);
  const calls = useTaskList({
    parentId: props.round.id,
    state,
    sort,
    limit: PAGE,
    offset: (page - 1) * PAGE,
  });
  const actions = useTaskActions(props.me);
  const progress = props.round.round ?? { total: 0, done: 0, tally: [] };
  const nf = new Intl.NumberFormat(i18n.language);
  const percent = progress.total ? Math.round((progress.done / progress.total) * 100) : 0;

  return (
    <Stack gap="sm" data-testid="round-section">
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" mb={6} gap="sm">
          <Title order={4}>{t('round.progressTitle')}</Title>
          <Group gap="md">
            <Text fw={700} data-testid="round-progress-text">
              {t('round.progress', {
                done: nf.format(progress.done),
                total: nf.format(progress.total),
              })}
            </Text>
            {props.me.permissions.includes('tasks.write') && progress.done < progress.total && (
              <Button
                leftSection={<IconPhoneOutgoing size={16} />}
                onClick={() => setRunning(true)}
                data-testid="round-call-next"
              >
                {t('runner.start')}
              </Button>
            )}
          </Group>
        </Group>
        <Progress
          value={percent}
          size="lg"
          radius="xl"
          aria-label={t('round.progress', { done: progress.done, total: progress.total })}
        />
        <Group gap="xs" mt="sm" data-testid="round-tally">
          {progress.tally.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('round.noResults')}
            </Text>
          )}
          {progress.tally.map((r) => (
            <ColorBadge
              key={r.id}
              name={`${r.name}: ${nf.format(r.count)}`}
              color={r.color}
              background={r.background}
            />
          ))}
        </Group>
      </Paper>
      <Group justify="space-between">
        <Title order={4}>{t('round.calls')}</Title>
        <SegmentedControl
          size="xs"
          value={state}
          onChange={(v) => {
            setState(v as typeof state);
            setPage(1);
          }}
          data={(['all', 'open', 'done'] as const).map((s) => ({
            value: s,
            label: t(`states.${s}`),
          }))}
        />
      </Group>
      {calls.isError && <QueryError error={calls.error} onRetry={() => void calls.refetch()} />}
      {!calls.isError && (
        <TasksTable
          testId="round-calls"
          rows={calls.data?.items}
          pageSize={PAGE}
          sort={sort}
          onSort={setSort}
          actionsFor={actions.actionsFor}
          stale={calls.isPlaceholderData && calls.isFetching}
          showDone={state === 'done'}
        />
      )}
      {calls.data && calls.data.total > PAGE && (
        <ListFooter
          ns="tasks"
          page={page}
          pageSize={PAGE}
          total={calls.data.total}
          onPage={setPage}
        />
      )}
      {actions.dialogs}
      <RoundRunner roundId={running ? props.round.id : null} onClose={() => setRunning(false)} />
    </Stack>
  );
}
