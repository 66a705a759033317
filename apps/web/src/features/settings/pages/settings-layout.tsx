import { Tabs } from '@mantine/core';
import {
  IconBuildingStore,
  IconLock,
  IconPlugConnected,
  IconSettings,
  IconUsers,
} from '@tabler/icons-react';
import { Outlet, useLocation, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { MessagePage } from '../../../components/message-page.tsx';
import { PageHeader } from '../../../components/page-header.tsx';

const TABS = [
  { value: 'organization', icon: IconSettings },
  { value: 'branches', icon: IconBuildingStore },
  { value: 'users', icon: IconUsers },
  { value: 'api-tokens', icon: IconPlugConnected },
] as const;

/** Settings are for owners and admins (U-3); everyone else gets a clear "no access". */
export function SettingsLayout(props: { allowed: boolean }) {
  const { t } = useTranslation('settings');
  const navigate = useNavigate();
  const { pathname } = useLocation();
  if (!props.allowed) {
    return (
      <MessagePage
        icon={<IconLock size={28} />}
        title={t('noAccessTitle')}
        message={t('noAccessText')}
        action={{ label: t('common:actions.goHome'), onClick: () => void navigate({ to: '/' }) }}
        testId="no-access"
      />
    );
  }
  const active = TABS.find((tab) => pathname.startsWith(`/settings/${tab.value}`))?.value;
  return (
    <>
      <PageHeader title={t('title')} />
      <Tabs
        value={active ?? null}
        onChange={(v) => v && void navigate({ to: `/settings/${v}` })}
        mb="lg"
        keepMounted={false}
      >
        <Tabs.List>
          {TABS.map(({ value, icon: Icon }) => (
            <Tabs.Tab
              key={value}
              value={value}
              leftSection={<Icon size={16} />}
              data-testid={`settings-${value}`}
            >
              {t(`tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </>
  );
}
