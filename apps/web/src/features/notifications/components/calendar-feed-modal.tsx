import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  List,
  Loader,
  Modal,
  Stack,
  Text,
} from '@mantine/core';
import { IconCalendarCheck, IconCalendarOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { SecretReveal } from '../../../components/secret-reveal.tsx';
import { errorMessage } from '../../../lib/validation.ts';
import {
  useCalendarFeed,
  useRevokeCalendarFeed,
  useRotateCalendarFeed,
} from '../api/notifications-api.ts';
import { feedAddress, webcalAddress } from './calendar-feed-url.ts';

/**
 * The user's private iCalendar link of their open tasks with due times. The server keeps only
 * a hash of it, so the address shows once, right after it is made; a lost one is replaced.
 */
export function CalendarFeedModal(props: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('notifications');
  const feed = useCalendarFeed(props.opened);
  const rotate = useRotateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [shown, setShown] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<'rotate' | 'revoke' | null>(null);
  const active = feed.data?.active ?? false;

  const close = () => {
    setShown(null);
    rotate.reset();
    revoke.reset();
    props.onClose();
  };
  const make = () =>
    rotate.mutate(undefined, {
      onSuccess: (res) => {
        setConfirm(null);
        if (res.url) setShown(feedAddress(res.url, window.location.origin));
      },
      onError: () => setConfirm(null),
    });
  const turnOff = () =>
    revoke.mutate(undefined, {
      onSettled: () => setConfirm(null),
      onSuccess: () => setShown(null),
    });
  const failure = rotate.error ?? revoke.error;

  return (
    <Modal opened={props.opened} onClose={close} title={t('calendar.title')} size="lg" centered>
      <Stack>
        <Text size="sm">{t('calendar.intro')}</Text>
        {failure && (
          <Alert color="red" role="alert">
            {errorMessage(failure)}
          </Alert>
        )}
        {feed.isPending && (
          <Center py="md">
            <Loader size="sm" aria-label={t('common:states.loading')} />
          </Center>
        )}
        {feed.isError && <QueryError error={feed.error} onRetry={() => void feed.refetch()} />}
        {shown && (
          <>
            <SecretReveal value={shown} note={t('calendar.shownOnce')} testId="calendar-url" />
            <List size="sm" spacing={4}>
              <List.Item>{t('calendar.howGoogle')}</List.Item>
              <List.Item>{t('calendar.howOutlook')}</List.Item>
              <List.Item>
                {t('calendar.howApple')}{' '}
                <Anchor href={webcalAddress(shown)} size="sm">
                  {t('calendar.subscribe')}
                </Anchor>
              </List.Item>
            </List>
            <Text size="xs" c="dimmed">
              {t('calendar.privacy')}
            </Text>
          </>
        )}
        {feed.isSuccess && !shown && (
          <Alert
            color={active ? 'teal' : 'gray'}
            icon={active ? <IconCalendarCheck size={18} /> : <IconCalendarOff size={18} />}
            data-testid="calendar-state"
          >
            {t(active ? 'calendar.activeText' : 'calendar.inactiveText')}
          </Alert>
        )}
        <Group justify="flex-end">
          {active && (
            <Button
              variant="subtle"
              color="red"
              onClick={() => setConfirm('revoke')}
              data-testid="calendar-revoke"
            >
              {t('calendar.revoke')}
            </Button>
          )}
          {feed.isSuccess && (
            <Button
              variant={shown ? 'default' : 'filled'}
              loading={rotate.isPending}
              onClick={() => (active ? setConfirm('rotate') : make())}
              data-testid="calendar-create"
            >
              {t(active ? 'calendar.rotate' : 'calendar.create')}
            </Button>
          )}
          {shown && (
            <Button onClick={close} data-testid="calendar-done">
              {t('common:actions.done')}
            </Button>
          )}
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirm === 'rotate'}
        title={t('calendar.rotateTitle')}
        message={t('calendar.rotateText')}
        confirmLabel={t('calendar.rotate')}
        loading={rotate.isPending}
        onConfirm={make}
        onClose={() => setConfirm(null)}
      />
      <ConfirmDialog
        opened={confirm === 'revoke'}
        title={t('calendar.revokeTitle')}
        message={t('calendar.revokeText')}
        confirmLabel={t('calendar.revoke')}
        danger
        loading={revoke.isPending}
        onConfirm={turnOff}
        onClose={() => setConfirm(null)}
      />
    </Modal>
  );
}
