import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { LOCALES, type Locale, type Me } from '@spotter/contracts';
import {
  IconCalendarShare,
  IconCheck,
  IconChevronDown,
  IconKey,
  IconLogout,
  IconShieldLock,
} from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLogout, useUpdateMe } from '../features/auth/index.ts';
import { CalendarFeedModal } from '../features/notifications/index.ts';
import { LANGUAGE_NAMES, setLocale } from '../lib/i18n.ts';
import { errorMessage } from '../lib/validation.ts';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]?.toUpperCase())
    .join('');

export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  const updateMe = useUpdateMe();
  const own = me.user.locale;
  const [calendarOpen, setCalendarOpen] = useState(false);

  const choose = (locale: Locale | null) => {
    void setLocale(locale ?? me.organization.locale);
    updateMe.mutate(
      { locale },
      { onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }) },
    );
  };

  const check = (on: boolean) => (on ? <IconCheck size={16} /> : <span style={{ width: 16 }} />);

  return (
    <>
      <Menu position="bottom-end" width={260} shadow="md">
        <Menu.Target>
          <UnstyledButton data-testid="user-menu" aria-label={t('userMenu')}>
            <Group gap={8} wrap="nowrap">
              <Avatar color="blue" radius="xl" size={32}>
                {initials(me.user.name)}
              </Avatar>
              <Text size="sm" fw={500} visibleFrom="sm" maw={180} truncate>
                {me.user.name}
              </Text>
              <IconChevronDown size={14} />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            <Text size="sm" fw={500} c="dark" truncate>
              {me.user.name}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {me.user.email}
            </Text>
          </Menu.Label>
          <Menu.Divider />
          <Menu.Label>{t('language')}</Menu.Label>
          <Menu.Item
            leftSection={check(own === null)}
            onClick={() => choose(null)}
            data-testid="lang-default"
          >
            {t('languageOfOrganization', { language: LANGUAGE_NAMES[me.organization.locale] })}
          </Menu.Item>
          {LOCALES.map((l) => (
            <Menu.Item
              key={l}
              leftSection={check(own === l)}
              onClick={() => choose(l)}
              data-testid={`lang-${l}`}
              lang={l}
            >
              {LANGUAGE_NAMES[l]}
            </Menu.Item>
          ))}
          <Menu.Divider />
          {me.permissions.includes('tasks.read') && (
            <Menu.Item
              leftSection={<IconCalendarShare size={16} />}
              onClick={() => setCalendarOpen(true)}
              data-testid="calendar-feed"
            >
              {t('notifications:calendar.menuItem')}
            </Menu.Item>
          )}
          {me.permissions.includes('tasks.read') && (
            <Menu.Item
              leftSection={check(me.user.emailReminders)}
              role="menuitemcheckbox"
              aria-checked={me.user.emailReminders}
              onClick={() =>
                updateMe.mutate(
                  { emailReminders: !me.user.emailReminders },
                  {
                    onError: (err) =>
                      notifications.show({ color: 'red', message: errorMessage(err) }),
                  },
                )
              }
              data-testid="email-reminders"
            >
              {t('emailReminders')}
            </Menu.Item>
          )}
          <Menu.Item
            leftSection={<IconKey size={16} />}
            onClick={() => void navigate({ to: '/account/password' })}
            data-testid="change-password"
          >
            {t('changePassword')}
          </Menu.Item>
          <Menu.Item
            leftSection={<IconShieldLock size={16} />}
            onClick={() => void navigate({ to: '/account/two-step' })}
            data-testid="two-step-menu"
          >
            {t('twoStep:title')}
          </Menu.Item>
          <Menu.Item
            color="red"
            leftSection={<IconLogout size={16} />}
            onClick={() =>
              logout.mutate(undefined, { onSettled: () => void navigate({ to: '/login' }) })
            }
            data-testid="logout"
          >
            {t('logout')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <CalendarFeedModal opened={calendarOpen} onClose={() => setCalendarOpen(false)} />
    </>
  );
}
