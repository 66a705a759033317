import { Badge, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { Me } from '@spotter/contracts';
import { IconBuildingStore, IconKey, IconSettings, IconUserCircle } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES } from '../../../lib/i18n.ts';

function Shortcut(props: {
  to: string;
  icon: ReactNode;
  title: string;
  text: string;
  testId: string;
}) {
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component={Link}
      to={props.to}
      data-testid={props.testId}
      style={{ textDecoration: 'none' }}
    >
      <Group wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" size={40} radius="md">
          {props.icon}
        </ThemeIcon>
        <Stack gap={2}>
          <Text fw={600}>{props.title}</Text>
          <Text size="sm" c="dimmed">
            {props.text}
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}

export function HomePage(props: { me: Me }) {
  const { t } = useTranslation('home');
  const { user, organization, permissions } = props.me;
  const isAdmin = permissions.includes('settings.manage');
  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <Title order={2} data-testid="welcome">
          {t('welcome', { name: user.name })}
        </Title>
        <Group gap="xs">
          <Text c="dimmed">{organization.name}</Text>
          <Badge variant="light" data-testid="my-role">
            {t(`common:roles.${user.role}`)}
          </Badge>
        </Group>
      </Stack>

      <Card withBorder radius="md" padding="lg">
        <Group gap="xs" mb="sm">
          <IconBuildingStore size={20} />
          <Text fw={600}>{t('clubTitle')}</Text>
        </Group>
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('timezone')}
            </Text>
            <Text>{organization.timezone}</Text>
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('language')}
            </Text>
            <Text>{LANGUAGE_NAMES[organization.locale]}</Text>
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('currency')}
            </Text>
            <Text>{organization.currency}</Text>
          </Stack>
        </SimpleGrid>
      </Card>

      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {isAdmin && (
          <Shortcut
            to="/settings/users"
            icon={<IconSettings size={22} />}
            title={t('staffShortcut')}
            text={t('staffShortcutText')}
            testId="home-settings"
          />
        )}
        <Shortcut
          to="/account/password"
          icon={<IconKey size={22} />}
          title={t('passwordShortcut')}
          text={t('passwordShortcutText')}
          testId="home-password"
        />
        <Card withBorder radius="md" padding="lg" data-testid="home-account">
          <Group wrap="nowrap" align="flex-start">
            <ThemeIcon variant="light" size={40} radius="md" color="gray">
              <IconUserCircle size={22} />
            </ThemeIcon>
            <Stack gap={2}>
              <Text fw={600}>{t('accountShortcut')}</Text>
              <Text size="sm" c="dimmed">
                {t('accountShortcutText', { email: user.email })}
              </Text>
            </Stack>
          </Group>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
