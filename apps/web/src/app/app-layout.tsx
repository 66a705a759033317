import { AppShell, Burger, Divider, Group, NavLink, Text, ThemeIcon } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { Me } from '@spotter/contracts';
import {
  IconBuilding,
  IconChartBar,
  IconChecklist,
  IconLayoutKanban,
  IconListCheck,
  IconReportMoney,
  IconSettings,
  IconTarget,
  IconTimeline,
  IconMail,
  IconTrash,
  IconUsers,
} from '@tabler/icons-react';
import { Link, useLocation } from '@tanstack/react-router';
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SkipLink } from '../components/skip-link.tsx';
import { GlobalSearch } from '../features/contacts/index.ts';
import { CallerPops } from '../features/club-events/index.ts';
import {
  NotificationBell,
  TodoBadge,
  addCall,
  useLiveEvents,
  type IncomingCall,
} from '../features/notifications/index.ts';
import { AppShortcuts } from './app-shortcuts.tsx';
import { UserMenu } from './user-menu.tsx';

/**
 * The product's sections. Only those that exist are listed (later issues add contacts, the
 * board, deals …); each names the permission it needs, if any.
 */
const SECTIONS = [
  { to: '/start', key: 'home', icon: IconListCheck, exact: true },
  { to: '/persons', key: 'persons', icon: IconUsers, permission: 'contacts.read' },
  { to: '/companies', key: 'companies', icon: IconBuilding, permission: 'contacts.read' },
  { to: '/board', key: 'board', icon: IconLayoutKanban, permission: 'tasks.read' },
  { to: '/tasks', key: 'tasks', icon: IconChecklist, permission: 'tasks.read' },
  { to: '/pipeline', key: 'pipeline', icon: IconTimeline, permission: 'deals.read' },
  { to: '/deals', key: 'deals', icon: IconReportMoney, permission: 'deals.read' },
  { to: '/mailing', key: 'mailing', icon: IconMail, permission: 'mailing.manage' },
  { to: '/reports', key: 'reports', icon: IconChartBar, permission: 'reports.read' },
  { to: '/trash', key: 'trash', icon: IconTrash, permission: 'contacts.admin' },
  { to: '/settings', key: 'settings', icon: IconSettings, permission: 'settings.manage' },
] as const;

export function AppLayout({ me, children }: { me: Me; children: ReactNode }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  const tasks = me.permissions.includes('tasks.read');
  // One live stream for the whole signed-in app: lists, board and badge refresh themselves,
  // and a known caller's card pops up.
  const [calls, setCalls] = useState<IncomingCall[]>([]);
  const onIncomingCall = useCallback((call: IncomingCall) => setCalls((c) => addCall(c, call)), []);
  const dismissCall = useCallback(
    (contactId: string) => setCalls((c) => c.filter((x) => x.contactId !== contactId)),
    [],
  );
  useLiveEvents(tasks, { onIncomingCall });

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 232, breakpoint: 'md', collapsed: { mobile: !opened } }}
      padding={{ base: 'md', md: 'xl' }}
    >
      <AppShell.Header>
        <SkipLink
          label={t('skipToContent')}
          href="#main-content"
          onSkip={() => document.getElementById('main-content')?.focus()}
          testId="skip-to-content"
        />
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="md"
              size="sm"
              aria-label={t('toggleNavigation')}
              data-testid="burger"
            />
            <Group gap={6} wrap="nowrap">
              <ThemeIcon size={28} radius="xl">
                <IconTarget size={18} />
              </ThemeIcon>
              <Text fw={700} size="lg">
                Spotter
              </Text>
            </Group>
            <Divider orientation="vertical" visibleFrom="xs" />
            <Text c="dimmed" size="sm" truncate visibleFrom="xs" data-testid="club-name">
              {me.organization.name}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {me.permissions.includes('contacts.read') && <GlobalSearch />}
            {tasks && <NotificationBell timezone={me.organization.timezone} />}
            <UserMenu me={me} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('navigation')}>
        {SECTIONS.filter((s) => !('permission' in s) || me.permissions.includes(s.permission)).map(
          ({ to, key, icon: Icon, ...rest }) => {
            const active = 'exact' in rest ? pathname === to : pathname.startsWith(to);
            return (
              <NavLink
                key={key}
                component={Link}
                to={to}
                label={t(`nav.${key}`)}
                leftSection={<Icon size={18} />}
                rightSection={key === 'tasks' ? <TodoBadge /> : undefined}
                active={active}
                onClick={close}
                data-testid={`nav-${key}`}
                style={{ borderRadius: 'var(--mantine-radius-md)' }}
              />
            );
          },
        )}
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0" id="main-content" tabIndex={-1} style={{ outline: 'none' }}>
        {children}
      </AppShell.Main>
      <AppShortcuts me={me} />
      {me.permissions.includes('contacts.read') && (
        <CallerPops calls={calls} me={me} onDismiss={dismissCall} />
      )}
    </AppShell>
  );
}
