import { Badge, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { User } from '@spotter/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { errorMessage } from '../../../lib/validation.ts';
import { useResetUserTwoStep, useUserTwoStep } from '../api/two-step-api.ts';

/** In an admin's user dialog: whether the colleague's two-step is on, its history, a reset. */
export function UserTwoStepSection(props: { user: User; isSelf: boolean }) {
  const { t, i18n } = useTranslation('twoStep');
  const status = useUserTwoStep(props.user.id);
  const reset = useResetUserTwoStep(props.user.id);
  const [confirming, setConfirming] = useState(false);
  const when = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  if (status.isPending) return <Loader size="sm" />;
  if (status.isError) {
    return (
      <Text size="sm" c="red">
        {errorMessage(status.error)}
      </Text>
    );
  }
  const last = status.data.events[0];
  return (
    <Stack gap={6} data-testid="user-two-step">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs">
          <Text size="sm" fw={500}>
            {t('title')}
          </Text>
          <Badge color={status.data.enabled ? 'teal' : 'gray'} variant="light">
            {status.data.enabled ? t('state.on') : t('state.off')}
          </Badge>
        </Group>
        {status.data.enabled && !props.isSelf && (
          <Button
            size="xs"
            color="red"
            variant="light"
            onClick={() => setConfirming(true)}
            data-testid="two-step-reset"
          >
            {t('reset.action')}
          </Button>
        )}
      </Group>
      {last && (
        <Text size="xs" c="dimmed" data-testid="two-step-last-event">
          {t(`events.${last.kind}`, { date: when(last.at), name: last.actorName ?? '—' })}
        </Text>
      )}
      <ConfirmDialog
        opened={confirming}
        title={t('reset.title')}
        message={t('reset.text', { name: props.user.name })}
        confirmLabel={t('reset.action')}
        danger
        loading={reset.isPending}
        onConfirm={() =>
          reset.mutate(undefined, {
            onSuccess: () => {
              setConfirming(false);
              notifications.show({ color: 'teal', message: t('reset.done') });
            },
            onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
          })
        }
        onClose={() => setConfirming(false)}
      />
    </Stack>
  );
}
