import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import type { Me } from '@spotter/contracts';
import {
  IconBuildingStore,
  IconKey,
  IconLayoutKanban,
  IconSettings,
  IconUserCircle,
} from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES } from '../../../lib/i18n.ts';
import { useBadge } from '../../notifications/index.ts';
import { useHome } from '../api/home-api.ts';
import { useHasBranches, useHasColleagues, useHasPersons } from '../api/start-api.ts';
import { FirstSteps, type Step } from '../components/first-steps.tsx';
import { MyDayCard } from '../components/my-day-card.tsx';
import { PipelineCard } from '../components/pipeline-card.tsx';
import { TeamCard } from '../components/team-card.tsx';

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

function MyWork() {
  const { t } = useTranslation('home');
  const badge = useBadge(true);
  const todo = badge.data?.todo;
  const overdue = badge.data?.overdue ?? 0;
  return (
    <Card withBorder radius="md" padding="lg" data-testid="my-work">
      <Group gap="xs" mb="xs">
        <IconLayoutKanban size={20} />
        <Text fw={600}>{t('work.title')}</Text>
      </Group>
      <Text size="sm" mb="sm" data-testid="my-work-count">
        {todo === undefined
          ? '…'
          : todo === 0
            ? t('work.nothing')
            : overdue > 0
              ? t('work.withOverdue', { count: todo, overdue })
              : t('work.dueToday', { count: todo })}
      </Text>
      <Group gap="sm">
        <Button component={Link} to="/board" size="sm" data-testid="start-board">
          {t('work.board')}
        </Button>
        <Button
          renderRoot={(rootProps) => <Link to="/tasks" search={{ view: 'my' }} {...rootProps} />}
          size="sm"
          variant="default"
          data-testid="start-my-tasks"
        >
          {t('work.myTasks')}
        </Button>
      </Group>
    </Card>
  );
}

/** What to do today, the team's numbers and the pipeline: each block only for whom it is. */
function HomeBlocks() {
  const home = useHome();
  const data = home.data;
  if (!data || (!data.my && !data.team && !data.pipeline)) return null;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: data.my && data.team ? 2 : 1 }}>
        {data.my && <MyDayCard my={data.my} timeZone={data.timezone} />}
        {data.team && <TeamCard team={data.team} today={data.today} timeZone={data.timezone} />}
      </SimpleGrid>
      {data.pipeline && <PipelineCard pipeline={data.pipeline} />}
    </Stack>
  );
}

/**
 * The first-steps page (menu: Start). Staff land on their work (landing.ts); this page is
 * where a new club sees what is set up and what is left, each step read from its own data.
 */
export function StartPage(props: { me: Me }) {
  const { t } = useTranslation('home');
  const { user, organization, permissions } = props.me;
  const isAdmin = permissions.includes('settings.manage');
  const canWrite = permissions.includes('contacts.write');
  const hasTasks = permissions.includes('tasks.read');
  const branches = useHasBranches(isAdmin);
  const colleagues = useHasColleagues(isAdmin);
  const persons = useHasPersons(canWrite);
  const steps: Step[] = [
    ...(isAdmin
      ? [
          { key: 'branches', done: branches.data, to: '/settings/branches' },
          { key: 'staff', done: colleagues.data, to: '/settings/users' },
        ]
      : []),
    ...(canWrite ? [{ key: 'persons', done: persons.data, to: '/import' }] : []),
  ];
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

      <HomeBlocks />

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {hasTasks && <MyWork />}
        <FirstSteps steps={steps} />
      </SimpleGrid>

      <Card withBorder radius="md" padding="lg">
        <Group gap="xs" mb="sm" justify="space-between">
          <Group gap="xs">
            <IconBuildingStore size={20} />
            <Text fw={600}>{t('clubTitle')}</Text>
          </Group>
          {isAdmin && (
            <Anchor component={Link} to="/settings/organization" size="sm">
              {t('clubEdit')}
            </Anchor>
          )}
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
