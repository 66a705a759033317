import { Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { Task } from '@spotter/contracts';
import { IconCoffee } from '@tabler/icons-react';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { ResultModal, RoundRunner } from '../../tasks/index.ts';
import { useMyDay } from '../api/my-day-api.ts';
import { MyDayRow } from './my-day-row.tsx';

/** Overdue first, then today: a heading where the one ends and the other begins. */
function groupOf(task: Task): 'overdue' | 'today' {
  return task.dueState === 'overdue' ? 'overdue' : 'today';
}

function uniqueTasks(pages: { items: Task[] }[] | undefined): Task[] {
  const seen = new Set<string>();
  return (pages ?? []).flatMap((p) =>
    p.items.filter((task) => !seen.has(task.id) && seen.add(task.id)),
  );
}

/**
 * "My day" (issue 10): what is overdue or due today for me, in one list with big Call and
 * Result buttons for a tablet; a call round is one line that starts "call next".
 */
export function MyDay(props: {
  canWrite: boolean;
  phoneRegion: string | null;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation('board');
  const query = useMyDay();
  const [resulting, setResulting] = useState<Task | null>(null);
  const [roundId, setRoundId] = useState<string | null>(null);
  const tasks = uniqueTasks(query.data?.pages);
  const total = query.data?.pages[0]?.total ?? 0;

  if (query.isPending) {
    return (
      <Stack gap="sm" data-testid="my-day-loading">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} height={120} radius="md" />
        ))}
      </Stack>
    );
  }
  if (query.isError) {
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (tasks.length === 0) {
    return (
      <EmptyState
        icon={<IconCoffee size={28} />}
        title={t('myDay.emptyTitle')}
        text={t('myDay.emptyText')}
      />
    );
  }

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>, id: string) => {
    if (e.key === 'Enter' && e.target === e.currentTarget) {
      e.preventDefault();
      props.onOpen(id);
    }
  };

  return (
    <Stack gap="sm" data-testid="my-day">
      <Text size="sm" c="dimmed" data-testid="my-day-count">
        {t('myDay.count', { count: total })}
      </Text>
      {tasks.map((task, i) => {
        const group = groupOf(task);
        const first = i === 0 || groupOf(tasks[i - 1]!) !== group;
        return (
          <Stack key={task.id} gap="xs">
            {first && (
              <Title order={3} size="h5" c={group === 'overdue' ? 'red.8' : 'blue.8'} mt="xs">
                {t(`columns.${group}`)}
              </Title>
            )}
            <MyDayRow
              task={task}
              canWrite={props.canWrite}
              phoneRegion={props.phoneRegion}
              onOpen={() => props.onOpen(task.id)}
              onResult={() => setResulting(task)}
              onCallNext={() => setRoundId(task.id)}
              onKeyDown={(e) => onKeyDown(e, task.id)}
            />
          </Stack>
        );
      })}
      {query.hasNextPage && (
        <Group justify="center">
          <Button
            variant="light"
            size="md"
            loading={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
            data-testid="my-day-more"
          >
            {t('myDay.more')}
          </Button>
        </Group>
      )}
      {resulting && <ResultModal opened task={resulting} onClose={() => setResulting(null)} />}
      <RoundRunner
        roundId={roundId}
        onClose={() => setRoundId(null)}
        phoneRegion={props.phoneRegion}
      />
    </Stack>
  );
}
