import { Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { ContactKind, Me } from '@spotter/contracts';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error.tsx';
import { EntryBadge } from '../../../components/status-badge.tsx';
import { useContactTasks } from '../api/tasks-api.ts';
import { DueBadge } from './due-badge.tsx';
import { TaskActionsMenu, useTaskActions } from './task-actions.tsx';
import { TaskFormModal } from './task-form-modal.tsx';
import { TaskLink, TasksLink } from './links.tsx';

/**
 * The open tasks of a person or company on their page, soonest first with T-7's colours, and
 * a "New task" already about them.
 */
export function ContactTasks(props: {
  me: Me;
  contact: { id: string; kind: ContactKind; name: string };
}) {
  const { t } = useTranslation('tasks');
  const canRead = props.me.permissions.includes('tasks.read');
  const tasks = useContactTasks(canRead ? props.contact.id : null);
  const actions = useTaskActions(props.me);
  const [creating, setCreating] = useState(false);
  const canWrite = props.me.permissions.includes('tasks.write');
  if (!canRead) return null;
  const items = tasks.data?.items ?? [];
  const more = (tasks.data?.total ?? 0) - items.length;

  return (
    <Paper withBorder radius="md" p="md" data-testid="contact-tasks">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={4}>{t('contact.title')}</Title>
        {canWrite && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => setCreating(true)}
            data-testid="contact-new-task"
          >
            {t('actions.newTask')}
          </Button>
        )}
      </Group>
      {tasks.isPending && <Skeleton height={60} />}
      {tasks.isError && <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />}
      {tasks.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('contact.empty')}
        </Text>
      )}
      <Stack gap="xs">
        {items.map((task) => (
          <Group
            key={task.id}
            justify="space-between"
            wrap="nowrap"
            gap="xs"
            align="flex-start"
            data-testid="contact-task"
          >
            <Stack gap={4} style={{ minWidth: 0 }}>
              <Group gap="xs">
                <DueBadge dueAt={task.dueAt} dueState={task.dueState} />
                <TaskLink taskId={task.id} size="sm" fw={600}>
                  {task.template.name}
                </TaskLink>
                <EntryBadge entry={task.status} />
              </Group>
              {task.comment && (
                <Text size="sm" lineClamp={2}>
                  {task.comment}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {task.assignee ? task.assignee.name : t('table.unassigned')}
                {task.takenBy && ` · ${t('table.takenBy', { name: task.takenBy.name })}`}
              </Text>
            </Stack>
            <TaskActionsMenu
              label={t('actions.menuFor', { name: task.template.name })}
              actions={actions.actionsFor(task)}
            />
          </Group>
        ))}
        {more > 0 && (
          <TasksLink search={{ view: 'all', contactId: props.contact.id }} size="sm">
            {t('contact.more', { count: more })}
          </TasksLink>
        )}
      </Stack>
      {actions.dialogs}
      <TaskFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        preset={{
          contactId: props.contact.id,
          contactName: props.contact.name,
          contactKind: props.contact.kind,
          type: 'call',
        }}
      />
    </Paper>
  );
}
