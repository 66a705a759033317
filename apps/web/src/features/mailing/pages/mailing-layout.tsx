import { Tabs } from '@mantine/core';
import { IconLock, IconSend, IconTemplate } from '@tabler/icons-react';
import { Outlet, useLocation, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { MessagePage } from '../../../components/message-page.tsx';
import { PageHeader } from '../../../components/page-header.tsx';

const TABS = [
  { value: 'campaigns', to: '/mailing', icon: IconSend },
  { value: 'templates', to: '/mailing/templates', icon: IconTemplate },
] as const;

/** Mailing: campaigns (the default) and the templates they start from, as two tabs. */
export function MailingLayout(props: { allowed: boolean }) {
  const { t } = useTranslation('mailing');
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = pathname.startsWith('/mailing/templates') ? 'templates' : 'campaigns';
  if (!props.allowed) {
    return (
      <MessagePage
        icon={<IconLock size={28} />}
        title={t('campaigns.noAccessTitle')}
        message={t('campaigns.noAccessText')}
        action={{ label: t('common:actions.goHome'), onClick: () => void navigate({ to: '/' }) }}
        testId="no-access"
      />
    );
  }
  return (
    <>
      <PageHeader title={t('campaigns.section')} />
      <Tabs
        value={active}
        onChange={(v) => {
          const tab = TABS.find((x) => x.value === v);
          if (tab) void navigate({ to: tab.to });
        }}
        mb="lg"
        keepMounted={false}
      >
        <Tabs.List>
          {TABS.map(({ value, icon: Icon }) => (
            <Tabs.Tab
              key={value}
              value={value}
              leftSection={<Icon size={16} />}
              data-testid={`mailing-tab-${value}`}
            >
              {t(`campaigns.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </>
  );
}
