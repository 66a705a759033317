import {
  Alert,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  Progress,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { Task } from '@spotter/contracts';
import {
  IconChecks,
  IconClipboardCheck,
  IconPhone,
  IconPlayerSkipForward,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shownPhone, telHref } from '../../../lib/phone-display.ts';
import { dialTarget } from '../lib/dial-target.ts';
import { useGuardianLabel } from './guardian-line.tsx';
import { useMe } from '../../auth/index.ts';
import { useTask, useTaskList } from '../api/tasks-api.ts';
import { nextCall } from '../lib/round-calls.ts';
import { DueBadge } from './due-badge.tsx';
import { ResultModal } from './result-modal.tsx';

/** Enough open calls to go through in one sitting; the list refetches as they get done. */
const AHEAD = 100;

/**
 * "Call next" (issue 10): a call round one person at a time. It shows who to call with a big
 * call button; once the result is in, it moves straight on to the next call, until none are
 * left. A call can be skipped for now and gone through again at the end.
 */
export function RoundRunner(props: {
  roundId: string | null;
  onClose: () => void;
  phoneRegion?: string | null;
}) {
  const { t, i18n } = useTranslation('tasks');
  const narrow = useMediaQuery('(max-width: 48em)');
  const me = useMe().data?.user.id;
  const round = useTask(props.roundId);
  const calls = useTaskList(
    { parentId: props.roundId ?? undefined, state: 'open', sort: 'dueAt', limit: AHEAD },
    props.roundId !== null,
  );
  // Ids finished or skipped in this sitting: the list may still show them until it refetches.
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  const [skipped, setSkipped] = useState<ReadonlySet<string>>(new Set());
  const [resulting, setResulting] = useState<Task | null>(null);
  const passed = new Set([...done, ...skipped]);
  const open = calls.data?.items ?? [];
  const current = calls.isPlaceholderData ? undefined : nextCall(open, passed, me);
  const progress = round.data?.round;
  const nf = new Intl.NumberFormat(i18n.language);
  const stillSkipped = open.filter((c) => skipped.has(c.id) && !done.has(c.id)).length;
  const withColleagues = open.filter((c) => !passed.has(c.id) && c.takenBy && c.takenBy.id !== me);
  const endText =
    stillSkipped > 0
      ? t('runner.skippedText', { count: stillSkipped })
      : withColleagues.length > 0
        ? t('runner.takenText', { count: withColleagues.length })
        : t('runner.doneText');

  const close = () => {
    setDone(new Set());
    setSkipped(new Set());
    props.onClose();
  };
  const add = (set: ReadonlySet<string>, id: string) => new Set([...set, id]);

  return (
    <>
      <Modal
        opened={props.roundId !== null && resulting === null}
        onClose={close}
        fullScreen={narrow}
        size="lg"
        title={
          <Text fw={700} size="lg">
            {round.data?.template.name}
          </Text>
        }
        closeButtonProps={{ 'aria-label': t('runner.close') }}
        data-testid="round-runner"
      >
        <Stack gap="md">
          {progress && (
            <Stack gap={4}>
              {round.data?.comment && (
                <Text size="sm" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                  {round.data.comment}
                </Text>
              )}
              <Text size="sm" fw={600} data-testid="runner-progress">
                {t('runner.progress', {
                  done: nf.format(progress.done),
                  total: nf.format(progress.total),
                })}
              </Text>
              <Progress
                value={progress.total ? (progress.done / progress.total) * 100 : 0}
                size="lg"
                radius="xl"
                aria-hidden
              />
            </Stack>
          )}
          {calls.isPending || (calls.isFetching && !current && open.length > 0) ? (
            <Group justify="center" p="xl">
              <Loader />
            </Group>
          ) : current ? (
            <CurrentCall
              call={current}
              phoneRegion={props.phoneRegion ?? null}
              onResult={() => setResulting(current)}
              onSkip={() => setSkipped((s) => add(s, current.id))}
            />
          ) : (
            <Alert
              color="teal"
              icon={<IconChecks size={20} />}
              title={
                stillSkipped + withColleagues.length > 0
                  ? t('runner.restTitle')
                  : t('runner.doneTitle')
              }
              data-testid="runner-done"
            >
              <Stack gap="sm" align="flex-start">
                <Text size="sm">{endText}</Text>
                <Group gap="sm">
                  {stillSkipped > 0 && (
                    <Button onClick={() => setSkipped(new Set())} data-testid="runner-again">
                      {t('runner.again')}
                    </Button>
                  )}
                  <Button variant="default" onClick={close} data-testid="runner-close">
                    {t('runner.close')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
        </Stack>
      </Modal>
      {resulting && (
        <ResultModal
          opened
          task={resulting}
          onClose={() => setResulting(null)}
          onDone={() => setDone((s) => add(s, resulting.id))}
        />
      )}
    </>
  );
}

function CurrentCall(props: {
  call: Task;
  phoneRegion: string | null;
  onResult: () => void;
  onSkip: () => void;
}) {
  const { t } = useTranslation('tasks');
  const { call } = props;
  // A child's call goes to their primary guardian (issue 17).
  const dial = dialTarget(call.contact);
  const phone = dial?.phone;
  const guardian = call.contact?.guardian?.phone ? call.contact.guardian : null;
  const guardianLabel = useGuardianLabel();
  return (
    <Paper withBorder radius="md" p="lg" data-testid="runner-call" data-call-id={call.id}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={3} style={{ overflowWrap: 'anywhere' }} data-testid="runner-name">
            {call.contact?.name ?? call.template.name}
          </Title>
          <DueBadge dueAt={call.dueAt} dueState={call.dueState} />
        </Group>
        {guardian && (
          <Text c="dimmed" data-testid="runner-guardian">
            {guardianLabel(guardian)}
          </Text>
        )}
        {phone ? (
          <Text size="xl" fw={600} data-testid="runner-phone">
            {shownPhone(dial, props.phoneRegion)}
          </Text>
        ) : (
          <Text c="dimmed">{t('runner.noPhone')}</Text>
        )}
        {call.comment && (
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {call.comment}
          </Text>
        )}
        <Group gap="sm" grow preventGrowOverflow={false} wrap="wrap">
          {phone && (
            <Button
              component="a"
              href={telHref(phone)}
              size="lg"
              color="teal"
              leftSection={<IconPhone size={20} />}
              data-testid="runner-dial"
            >
              {t('runner.call')}
            </Button>
          )}
          <Button
            size="lg"
            leftSection={<IconClipboardCheck size={20} />}
            onClick={props.onResult}
            data-testid="runner-result"
          >
            {t('runner.result')}
          </Button>
        </Group>
        <Button
          variant="subtle"
          size="md"
          leftSection={<IconPlayerSkipForward size={18} />}
          onClick={props.onSkip}
          style={{ alignSelf: 'flex-start' }}
          data-testid="runner-skip"
        >
          {t('runner.skip')}
        </Button>
      </Stack>
    </Paper>
  );
}
