import { ScrollArea, Tabs } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Outlet, useLocation, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { MessagePage } from '../../../components/message-page.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { REPORT_TABS } from '../report-tabs.ts';
import { periodOnly } from '../reports-search.ts';

/**
 * The reports section: a sub-navigation of the reports and the open one below it. Reports are
 * the team's numbers (`reports.read`); anyone else gets a clear "no access".
 */
export function ReportsLayout(props: { allowed: boolean }) {
  const { t } = useTranslation('reports');
  const navigate = useNavigate();
  const { pathname, searchStr } = useLocation();
  const active = REPORT_TABS.find((tab) => pathname.startsWith(`/reports/${tab.value}`))?.value;
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
        // Switching reports keeps the period (and drops the other report's filters).
        onChange={(v) => v && void navigate({ href: `/reports/${v}${periodOnly(searchStr)}` })}
        mb="lg"
        keepMounted={false}
      >
        <ScrollArea type="auto" scrollbarSize={6} offsetScrollbars="x">
          <Tabs.List style={{ flexWrap: 'nowrap' }}>
            {REPORT_TABS.map(({ value, icon: Icon }) => (
              <Tabs.Tab
                key={value}
                value={value}
                leftSection={<Icon size={16} />}
                data-testid={`reports-${value}`}
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
