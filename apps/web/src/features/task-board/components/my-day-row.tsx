import { ActionIcon, Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { Task } from '@spotter/contracts';
import {
  IconArrowsMaximize,
  IconClipboardCheck,
  IconPhone,
  IconPhoneOutgoing,
} from '@tabler/icons-react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EntryBadge } from '../../../components/status-badge.tsx';
import { shownPhone, telHref } from '../../../lib/phone-display.ts';
import { DueBadge, dialTarget, useGuardianLabel } from '../../tasks/index.ts';

/** Touch targets of at least 44 px (WCAG 2.5.5): Mantine's `lg` buttons are 50 px high. */
const TOUCH = 'lg';

/** One line of "my day": who, why, when, and the buttons to call and to enter the result. */
export function MyDayRow(props: {
  task: Task;
  canWrite: boolean;
  phoneRegion: string | null;
  onOpen: () => void;
  onResult: () => void;
  onCallNext: () => void;
  onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => void;
}) {
  const { t } = useTranslation('board');
  const { task } = props;
  const name = task.contact?.name ?? task.template.name;
  // A child's task dials their primary guardian (issue 17): whose phone it is shows above it.
  const dial = dialTarget(task.contact);
  const phone = dial?.phone;
  const guardian = task.contact?.guardian?.phone ? task.contact.guardian : null;
  const guardianLabel = useGuardianLabel();
  const round = task.type === 'round' ? task.round : null;
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      tabIndex={0}
      className="mantine-focus-auto"
      aria-label={name}
      onKeyDown={props.onKeyDown}
      data-testid="my-day-task"
      data-card-id={task.id}
      style={{ borderInlineStart: `4px solid ${task.template.background}` }}
    >
      <Group justify="space-between" align="center" gap="md" wrap="wrap">
        <Stack gap={6} style={{ flex: '1 1 260px', minWidth: 0 }}>
          <Text fw={700} size="lg" style={{ overflowWrap: 'anywhere' }} data-testid="my-day-name">
            {name}
          </Text>
          {guardian && (
            <Text size="sm" c="dimmed" data-testid="my-day-guardian">
              {guardianLabel(guardian)}
            </Text>
          )}
          {phone && (
            <Text size="md" data-testid="my-day-phone">
              {shownPhone(dial, props.phoneRegion)}
            </Text>
          )}
          {task.comment && (
            <Text size="sm" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
              {task.comment}
            </Text>
          )}
          <Group gap={6} wrap="wrap">
            <EntryBadge entry={task.template} />
            <DueBadge dueAt={task.dueAt} dueState={task.dueState} />
            {round && (
              <Text size="sm" fw={600} data-testid="my-day-round-progress">
                {t('myDay.roundProgress', { done: round.done, total: round.total })}
              </Text>
            )}
          </Group>
        </Stack>
        <Group gap="sm" wrap="nowrap">
          {round && props.canWrite && round.done < round.total && (
            <Button
              size={TOUCH}
              leftSection={<IconPhoneOutgoing size={20} />}
              onClick={props.onCallNext}
              data-testid="my-day-call-next"
            >
              {t('myDay.callNext')}
            </Button>
          )}
          {!round && phone && (
            <Button
              component="a"
              href={telHref(phone)}
              size={TOUCH}
              color="teal"
              leftSection={<IconPhone size={20} />}
              aria-label={t('myDay.callName', { name: guardian?.name ?? name })}
              data-testid="my-day-call"
            >
              {t('myDay.call')}
            </Button>
          )}
          {/* A round takes its own result once every call has one. */}
          {props.canWrite && (!round || round.done >= round.total) && (
            <Button
              size={TOUCH}
              leftSection={<IconClipboardCheck size={20} />}
              onClick={props.onResult}
              aria-label={t('myDay.resultFor', { name })}
              data-testid="my-day-result"
            >
              {t('myDay.result')}
            </Button>
          )}
          <ActionIcon
            variant="default"
            size={50}
            radius="md"
            aria-label={t('card.open', { name })}
            onClick={props.onOpen}
            data-testid="my-day-open"
          >
            <IconArrowsMaximize size={20} />
          </ActionIcon>
        </Group>
      </Group>
    </Paper>
  );
}
