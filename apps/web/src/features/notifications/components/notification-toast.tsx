import { Anchor, Stack, Text } from '@mantine/core';
import type { Notification } from '@spotter/contracts';
import { useTranslation } from 'react-i18next';
import { notificationLines } from './notification-text.ts';

/** The body of a notification's toast: what it is about and a link to the task. */
export function NotificationToast(props: {
  notification: Notification;
  onOpen: (taskId: string) => void;
}) {
  const { t } = useTranslation('notifications');
  const { task } = props.notification;
  const { headline, details } = notificationLines(props.notification);
  return (
    <Stack gap={2} data-testid="notification-toast">
      <Text size="sm" fw={500}>
        {headline}
      </Text>
      {details.map((d) => (
        <Text key={d} size="sm" c="dimmed">
          {d}
        </Text>
      ))}
      {task && (
        <Anchor
          component="button"
          type="button"
          size="sm"
          ta="left"
          onClick={() => props.onOpen(task.id)}
          data-testid="notification-toast-open"
        >
          {t('openTask')}
        </Anchor>
      )}
    </Stack>
  );
}
