import { Anchor, Button, Grid, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { Me } from '@spotter/contracts';
import { IconArrowLeft, IconCheck, IconClipboardX } from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { MessagePage } from '../../../components/message-page.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { ColorBadge } from '../../../components/status-badge.tsx';
import { isApiError } from '../../../lib/api.ts';
import { useTask } from '../api/tasks-api.ts';
import { RoundSection } from '../components/round-section.tsx';
import { TaskActionsMenu, useTaskActions } from '../components/task-actions.tsx';
import { TaskDetailsCard, TaskOutcomeCard } from '../components/task-details.tsx';

/** One task (T-9 "the current task"): its details, how it ended, and a round's calls. */
export function TaskPage(props: { me: Me; taskId: string }) {
  const { t } = useTranslation('tasks');
  const navigate = useNavigate();
  const task = useTask(props.taskId);
  const actions = useTaskActions(props.me, {
    onDetails: true,
    onDeleted: () => void navigate({ to: '/tasks' }),
  });
  const timeZone = props.me.organization.timezone;

  if (task.isPending) return <Skeleton height={320} />;
  if (task.isError) {
    if (isApiError(task.error) && task.error.status === 404) {
      return (
        <MessagePage
          icon={<IconClipboardX size={28} />}
          title={t('task.notFoundTitle')}
          message={t('task.notFoundText')}
          action={{ label: t('page.title'), onClick: () => void navigate({ to: '/tasks' }) }}
          testId="task-not-found"
        />
      );
    }
    return <QueryError error={task.error} onRetry={() => void task.refetch()} />;
  }
  const data = task.data;
  const all = actions.actionsFor(data);
  const primary = ['complete', 'take', 'release', 'edit'] as const;
  const buttons = all.filter((a) => (primary as readonly string[]).includes(a.key));
  const rest = all.filter((a) => !(primary as readonly string[]).includes(a.key));

  return (
    <>
      <Anchor component={Link} to="/tasks" size="sm" mb="xs" display="inline-block">
        <IconArrowLeft size={14} style={{ verticalAlign: -2 }} /> {t('page.title')}
      </Anchor>
      <Group justify="space-between" align="flex-start" mb="lg" gap="sm">
        <Stack gap={4}>
          <Group gap="xs">
            <ColorBadge
              name={t(`types.${data.type}`)}
              color={data.template.color}
              background={data.template.background}
            />
            {data.completedAt && (
              <Text size="sm" c="teal" fw={600} data-testid="task-done">
                <IconCheck size={14} style={{ verticalAlign: -2 }} /> {t('states.done')}
              </Text>
            )}
          </Group>
          <Title order={2} data-testid="task-title">
            {data.template.name}
            {data.contact && (
              <Text span inherit c="dimmed" fw={400}>
                {' '}
                · {data.contact.name}
              </Text>
            )}
          </Title>
        </Stack>
        <Group gap="xs">
          {buttons.map((a) => (
            <Button
              key={a.key}
              variant={a.key === 'complete' ? 'filled' : 'default'}
              leftSection={a.icon}
              onClick={a.onClick}
              loading={actions.busy && (a.key === 'take' || a.key === 'release')}
              data-testid={`task-button-${a.key}`}
            >
              {a.label}
            </Button>
          ))}
          <TaskActionsMenu
            label={t('actions.menuFor', { name: data.template.name })}
            actions={rest}
          />
        </Group>
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: data.type === 'round' ? 12 : 7 }}>
          <TaskDetailsCard task={data} timeZone={timeZone} />
        </Grid.Col>
        {data.type !== 'round' && (
          <Grid.Col span={{ base: 12, md: 5 }}>
            <TaskOutcomeCard task={data} timeZone={timeZone} />
          </Grid.Col>
        )}
        {data.type === 'round' && (
          <Grid.Col span={12}>
            <RoundSection me={props.me} round={data} />
          </Grid.Col>
        )}
      </Grid>
      {actions.dialogs}
    </>
  );
}
