import {
  ActionIcon,
  Button,
  Center,
  Group,
  Indicator,
  Loader,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import type { Notification } from '@spotter/contracts';
import { IconBell, IconBellOff, IconChecks } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { errorMessage } from '../../../lib/validation.ts';
import {
  useBadge,
  useMarkAllRead,
  useMarkRead,
  useNotificationList,
} from '../api/notifications-api.ts';
import { notificationLines } from './notification-text.ts';

/**
 * The bell in the header (T-10): how many notifications are unread, and the list of them,
 * newest first. Opening one marks it read and goes to its task.
 */
export function NotificationBell(props: { timezone: string }) {
  const { t, i18n } = useTranslation('notifications');
  const [opened, setOpened] = useState(false);
  const badge = useBadge(true);
  const list = useNotificationList(opened);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const navigate = useNavigate();
  const unread = list.data?.pages[0]?.unread ?? badge.data?.unreadNotifications ?? 0;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  const open = (n: Notification) => {
    if (n.readAt === null) markRead.mutate(n.id);
    if (n.task) {
      setOpened(false);
      void navigate({ to: '/tasks/$taskId', params: { taskId: n.task.id } });
    } else if (n.kind === 'webhook_disabled') {
      setOpened(false);
      void navigate({ to: '/settings/webhooks' });
    }
  };

  const label = unread > 0 ? t('bell.labelUnread', { count: unread }) : t('bell.label');
  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={360}
      shadow="md"
      trapFocus
      returnFocus
    >
      <Popover.Target>
        <Indicator
          label={unread > 99 ? '99+' : unread.toLocaleString(i18n.language)}
          size={16}
          color="red"
          offset={4}
          disabled={unread === 0}
          data-testid="bell-count"
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={label}
            onClick={() => setOpened((o) => !o)}
            data-testid="notification-bell"
          >
            <IconBell size={20} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} data-testid="notification-list">
        <Group justify="space-between" px="md" py="xs" wrap="nowrap">
          <Text fw={600} size="sm">
            {t('bell.title')}
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconChecks size={14} />}
            disabled={unread === 0}
            loading={markAll.isPending}
            onClick={() =>
              markAll.mutate(undefined, {
                onError: (err) => toasts.show({ color: 'red', message: errorMessage(err) }),
              })
            }
            data-testid="notifications-read-all"
          >
            {t('bell.readAll')}
          </Button>
        </Group>
        <ScrollArea.Autosize mah={420} type="auto">
          {list.isPending && (
            <Center py="lg">
              <Loader size="sm" aria-label={t('common:states.loading')} />
            </Center>
          )}
          {list.isError && (
            <Stack p="sm">
              <QueryError error={list.error} onRetry={() => void list.refetch()} />
            </Stack>
          )}
          {list.isSuccess && items.length === 0 && (
            <Stack align="center" gap={4} py="lg" px="md" ta="center">
              <IconBellOff size={28} color="var(--mantine-color-gray-5)" />
              <Text size="sm" fw={500}>
                {t('bell.emptyTitle')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('bell.emptyText')}
              </Text>
            </Stack>
          )}
          {items.map((n) => (
            <NotificationRow key={n.id} notification={n} timezone={props.timezone} onOpen={open} />
          ))}
          {list.hasNextPage && (
            <Center py="xs">
              <Button
                size="xs"
                variant="subtle"
                loading={list.isFetchingNextPage}
                onClick={() => void list.fetchNextPage()}
                data-testid="notifications-more"
              >
                {t('bell.more')}
              </Button>
            </Center>
          )}
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}

function NotificationRow(props: {
  notification: Notification;
  timezone: string;
  onOpen: (n: Notification) => void;
}) {
  const { t } = useTranslation('notifications');
  const n = props.notification;
  const { headline, details } = notificationLines(n);
  const unread = n.readAt === null;
  return (
    <UnstyledButton
      onClick={() => props.onOpen(n)}
      w="100%"
      px="md"
      py="xs"
      data-testid="notification-item"
      data-unread={unread || undefined}
      style={{
        display: 'block',
        borderTop: '1px solid var(--mantine-color-gray-2)',
        background: unread ? 'var(--mantine-color-blue-0)' : undefined,
      }}
    >
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <span
          aria-hidden
          style={{
            width: 8,
            height: 8,
            marginTop: 6,
            flexShrink: 0,
            borderRadius: 4,
            background: unread ? 'var(--mantine-color-blue-6)' : 'transparent',
          }}
        />
        <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
          <Text size="xs" c="dimmed">
            {t(`kinds.${n.kind}`)} · {formatDateTime(n.createdAt, props.timezone)}
            {unread && <VisuallyHidden component="span"> · {t('bell.unread')}</VisuallyHidden>}
          </Text>
          <Text size="sm" fw={unread ? 600 : 400} truncate>
            {headline}
          </Text>
          {details.map((d) => (
            <Text key={d} size="xs" c="dimmed" truncate>
              {d}
            </Text>
          ))}
        </Stack>
      </Group>
    </UnstyledButton>
  );
}
