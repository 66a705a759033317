import { ScrollArea, Tabs } from '@mantine/core';
import {
  IconAddressBook,
  IconBook2,
  IconBuildingStore,
  IconChecklist,
  IconDatabaseExport,
  IconForms,
  IconHierarchy2,
  IconList,
  IconListDetails,
  IconListNumbers,
  IconLock,
  IconMail,
  IconMessage,
  IconPlug,
  IconPlugConnected,
  IconProgressCheck,
  IconRefreshAlert,
  IconSettings,
  IconTags,
  IconTimeline,
  IconUsers,
  IconWorldWww,
  IconWebhook,
} from '@tabler/icons-react';
import { Outlet, useLocation, useNavigate } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { MessagePage } from '../../../components/message-page.tsx';
import { PageHeader } from '../../../components/page-header.tsx';

const TABS = [
  { value: 'organization', icon: IconSettings },
  { value: 'branches', icon: IconBuildingStore },
  { value: 'users', icon: IconUsers },
  { value: 'groups', icon: IconHierarchy2 },
  { value: 'api-tokens', icon: IconPlugConnected },
  { value: 'connected-systems', icon: IconPlug },
  { value: 'event-log', icon: IconListDetails },
  { value: 'lead-forms', icon: IconWorldWww },
  { value: 'webhooks', icon: IconWebhook },
  { value: 'mail', icon: IconMail },
  { value: 'sms', icon: IconMessage },
  { value: 'statuses', icon: IconTags },
  { value: 'lists', icon: IconList, to: '/settings/lists/tags' },
  { value: 'custom-fields', icon: IconForms },
  { value: 'crm', icon: IconAddressBook },
  { value: 'task-templates', icon: IconChecklist },
  { value: 'task-statuses', icon: IconProgressCheck },
  { value: 'dictionaries', icon: IconBook2 },
  { value: 'pipelines', icon: IconTimeline },
  { value: 'deal-lists', icon: IconListNumbers, to: '/settings/deal-lists/lost-reasons' },
  { value: 'jobs', icon: IconRefreshAlert },
  { value: 'backup', icon: IconDatabaseExport },
] as const;

const targetOf = (value: string) => {
  const tab = TABS.find((t) => t.value === value);
  return tab && 'to' in tab ? tab.to : `/settings/${value}`;
};

/** Settings are for owners and admins (U-3); everyone else gets a clear "no access". */
export function SettingsLayout(props: { allowed: boolean }) {
  const { t } = useTranslation('settings');
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const tabsViewport = useRef<HTMLDivElement>(null);
  const active = TABS.find((tab) => pathname.startsWith(`/settings/${tab.value}`))?.value;
  // On a narrow screen the active tab may sit beyond the edge: bring it into view.
  useEffect(() => {
    tabsViewport.current
      ?.querySelector('[aria-selected="true"]')
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [active]);
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
  return (
    <>
      <PageHeader title={t('title')} />
      <Tabs
        value={active ?? null}
        onChange={(v) => v && void navigate({ to: targetOf(v) })}
        mb="lg"
        keepMounted={false}
      >
        {/* The tabs do not fit a tablet's width: the bar scrolls sideways instead of wrapping. */}
        <ScrollArea type="auto" scrollbarSize={6} offsetScrollbars="x" viewportRef={tabsViewport}>
          <Tabs.List style={{ flexWrap: 'nowrap' }}>
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
        </ScrollArea>
      </Tabs>
      <Outlet />
    </>
  );
}
