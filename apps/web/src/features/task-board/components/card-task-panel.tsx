import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Me, Task } from '@spotter/contracts';
import {
  IconCalendarEvent,
  IconChecks,
  IconHandGrab,
  IconHandOff,
  IconLock,
  IconPhoneOutgoing,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePhoneRegion } from '../../contact-card/index.ts';
import { CardLine } from './card-line.tsx';
import { EntryBadge } from '../../../components/status-badge.tsx';
import { isApiError } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { errorMessage } from '../../../lib/validation.ts';
import {
  DueBadge,
  ResultModal,
  RoundRunner,
  TaskFormModal,
  useTakeIntoWork,
  useTaskStatuses,
  useUpdateTask,
  type ResultAnswer,
} from '../../tasks/index.ts';

/**
 * The task behind the card: why it exists, its next step and when, its status, who has it;
 * and what can be done with it — complete with a result, change the next step, take it.
 */
export function CardTaskPanel(props: {
  task: Task;
  me: Me;
  onRefetch: () => void;
  onOpenTask: (id: string) => void;
}) {
  const { t } = useTranslation('board');
  const { task, me } = props;
  const timeZone = me.organization.timezone;
  const statuses = useTaskStatuses().data?.items ?? [];
  const update = useUpdateTask();
  const take = useTakeIntoWork();
  const [editing, setEditing] = useState(false);
  const [completing, setCompleting] = useState(false);
  const [running, setRunning] = useState(false);
  const phoneRegion = usePhoneRegion();
  const canWrite = me.permissions.includes('tasks.write');
  const done = task.completedAt !== null;
  const mine = task.takenBy?.id === me.user.id;

  const failed = (err: unknown) => {
    if (isApiError(err, 'version_conflict')) {
      notifications.show({ color: 'orange', message: t('expanded.conflict') });
      props.onRefetch();
      return;
    }
    notifications.show({ color: 'red', message: errorMessage(err) });
  };

  const setStatus = (statusId: string | null) =>
    update.mutate(
      { id: task.id, statusId, version: task.version },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('expanded.statusSaved') }),
        onError: failed,
      },
    );

  const toggleTake = () =>
    take.toggle(task, mine, {
      onSuccess: (saved) =>
        notifications.show({
          color: 'teal',
          message: saved.takenBy ? t('expanded.taken') : t('expanded.released'),
        }),
      onError: failed,
    });

  const statusOptions = statuses
    .filter((s) => !s.archived || s.id === task.status?.id)
    .map((s) => ({ value: s.id, label: s.name }));

  return (
    <Paper withBorder radius="md" p="md" data-testid="expanded-task">
      <Stack gap="sm">
        <Group gap="xs" wrap="wrap">
          <EntryBadge entry={task.template} />
          <DueBadge dueAt={task.dueAt} dueState={task.dueState} />
          {task.private && (
            <Group gap={4} c="dimmed">
              <IconLock size={14} />
              <Text size="xs">{t('expanded.private')}</Text>
            </Group>
          )}
        </Group>
        {task.comment && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {task.comment}
          </Text>
        )}
        {done && (
          <Alert color="teal" icon={<IconChecks size={18} />} data-testid="expanded-done">
            <Stack gap={4}>
              <Group gap="xs">
                <Text size="sm">
                  {t('expanded.completed', { date: formatDateTime(task.completedAt, timeZone) })}
                </Text>
                <EntryBadge entry={task.result} />
              </Group>
              {task.next && (
                <Anchor
                  component="button"
                  size="sm"
                  onClick={() => props.onOpenTask(task.next!.id)}
                  data-testid="expanded-next"
                >
                  {t('expanded.openNext', { name: task.next.name })}
                </Anchor>
              )}
            </Stack>
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select
            label={t('expanded.status')}
            placeholder={t('expanded.noStatus')}
            data={statusOptions}
            value={task.status?.id ?? null}
            onChange={(v) => v !== (task.status?.id ?? null) && setStatus(v)}
            disabled={!canWrite || done || update.isPending}
            clearable
            allowDeselect={false}
            data-testid="expanded-status"
          />
          <CardLine label={t('expanded.assignee')}>
            <Text size="sm">{task.assignee?.name ?? t('card.unassigned')}</Text>
          </CardLine>
          <CardLine label={t('expanded.takenBy')} testId="expanded-taken-by">
            <Text size="sm">
              {task.takenBy
                ? `${task.takenBy.name} · ${formatDateTime(task.takenAt, timeZone)}`
                : t('expanded.notTaken')}
            </Text>
          </CardLine>
          <CardLine label={t('expanded.created')}>
            <Text size="sm">
              {formatDateTime(task.createdAt, timeZone)}
              {task.creator ? ` · ${task.creator.name}` : ''}
            </Text>
          </CardLine>
        </SimpleGrid>
        {canWrite && task.parentId && (
          // A call of a round: once it is done, on to the round's next call from here.
          <Button
            variant={done ? 'filled' : 'light'}
            leftSection={<IconPhoneOutgoing size={16} />}
            onClick={() => setRunning(true)}
            style={{ alignSelf: 'flex-start' }}
            data-testid="expanded-round-next"
          >
            {t('expanded.roundNext')}
          </Button>
        )}
        {canWrite && !done && (
          <Group gap="xs" wrap="wrap">
            <Button
              leftSection={<IconChecks size={16} />}
              onClick={() => setCompleting(true)}
              data-testid="expanded-complete"
            >
              {t('expanded.complete')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconCalendarEvent size={16} />}
              onClick={() => setEditing(true)}
              data-testid="expanded-edit"
            >
              {t('expanded.nextStep')}
            </Button>
            <Button
              variant="light"
              color={mine ? 'gray' : 'teal'}
              leftSection={mine ? <IconHandOff size={16} /> : <IconHandGrab size={16} />}
              onClick={toggleTake}
              loading={take.isPending}
              data-testid="expanded-take"
            >
              {mine ? t('expanded.release') : t('expanded.take')}
            </Button>
          </Group>
        )}
      </Stack>
      <RoundRunner
        roundId={running ? task.parentId : null}
        onClose={() => setRunning(false)}
        phoneRegion={phoneRegion}
      />
      <TaskFormModal opened={editing} onClose={() => setEditing(false)} task={task} />
      {take.dialog}
      <ResultModal
        opened={completing}
        onClose={() => setCompleting(false)}
        task={task}
        // The workflow's next step is what the user deals with now: show it in the drawer.
        onDone={(res: ResultAnswer) => res.nextTask && props.onOpenTask(res.nextTask.id)}
      />
    </Paper>
  );
}
