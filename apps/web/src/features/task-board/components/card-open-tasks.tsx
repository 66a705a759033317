import { Group, Paper, Skeleton, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error.tsx';
import { EntryBadge } from '../../../components/status-badge.tsx';
import { DueBadge, useContactTasks } from '../../tasks/index.ts';

/** The contact's other open tasks; choosing one shows it in the same drawer. */
export function CardOpenTasks(props: {
  contactId: string;
  currentId: string;
  onOpenTask: (id: string) => void;
}) {
  const { t } = useTranslation('board');
  const query = useContactTasks(props.contactId);
  if (query.isPending) return <Skeleton height={60} radius="md" />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const others = query.data.items.filter((task) => task.id !== props.currentId);
  if (others.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="expanded-no-other-tasks">
        {t('expanded.noOtherTasks')}
      </Text>
    );
  }
  return (
    <Stack gap={6} data-testid="expanded-other-tasks">
      {others.map((task) => (
        <UnstyledButton
          key={task.id}
          onClick={() => props.onOpenTask(task.id)}
          aria-label={t('expanded.openTask', { name: task.template.name })}
          data-testid="expanded-other-task"
        >
          <Paper withBorder radius="md" px="sm" py={6}>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Group gap={6} wrap="wrap">
                  <EntryBadge entry={task.template} />
                  <EntryBadge entry={task.status} />
                </Group>
                {task.comment && (
                  <Text size="xs" c="dimmed" truncate>
                    {task.comment}
                  </Text>
                )}
              </Stack>
              <DueBadge dueAt={task.dueAt} dueState={task.dueState} />
            </Group>
          </Paper>
        </UnstyledButton>
      ))}
    </Stack>
  );
}
