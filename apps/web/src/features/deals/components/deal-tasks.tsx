import { Anchor, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { Me } from '@spotter/contracts';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error.tsx';
import { EntryBadge } from '../../../components/status-badge.tsx';
import { DueBadge } from '../../tasks/index.ts';
import { useDealTasks } from '../api/deals-api.ts';

/** The tasks linked to a deal, open ones first (S-1): each opens the task. */
export function DealTasks(props: { dealId: string; me: Me }) {
  const { t } = useTranslation('deals');
  const canRead = props.me.permissions.includes('tasks.read');
  const tasks = useDealTasks(props.dealId, canRead);
  if (!canRead) return null;
  const items = tasks.data?.items ?? [];
  return (
    <Paper withBorder radius="md" p="md" data-testid="deal-tasks">
      <Title order={4} mb="sm">
        {t('tasks.title')}
      </Title>
      {tasks.isPending && <Skeleton height={48} />}
      {tasks.isError && <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />}
      {tasks.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('tasks.empty')}
        </Text>
      )}
      <Stack gap="xs">
        {items.map((task) => (
          <Group key={task.id} gap="xs" wrap="nowrap" data-testid="deal-task">
            <DueBadge dueAt={task.dueAt} dueState={task.dueState} />
            <Anchor
              renderRoot={(root) => (
                <Link {...root} to="/tasks/$taskId" params={{ taskId: task.id }} />
              )}
              size="sm"
              fw={600}
            >
              {task.template.name}
            </Anchor>
            <EntryBadge entry={task.status} />
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
