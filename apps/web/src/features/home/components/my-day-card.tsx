import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { HomeMy } from '@spotter/contracts';
import { IconPhoneCall, IconSun } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format.ts';
import { WaitingBadge } from '../../lead-forms/index.ts';
import { HomeStat } from './home-stat.tsx';

/** Reception and sales: my overdue and today's calls, the next one, and the leads waiting. */
export function MyDayCard(props: { my: HomeMy; timeZone: string }) {
  const { t } = useTranslation('home');
  const { my } = props;
  const [next, ...later] = my.next;
  return (
    <Card withBorder radius="md" padding="lg" data-testid="home-my">
      <Group gap="xs" mb="sm">
        <IconSun size={20} />
        <Text fw={600}>{t('my.title')}</Text>
      </Group>
      <SimpleGrid cols={3} mb="md">
        <HomeStat
          label={t('my.overdue')}
          value={my.overdue}
          color={my.overdue > 0 ? 'red' : undefined}
          link={(root) => <Link {...root} to="/tasks" search={{ view: 'my', state: 'overdue' }} />}
          testId="home-my-overdue"
        />
        <HomeStat
          label={t('my.today')}
          value={my.today}
          link={(root) => <Link {...root} to="/tasks" search={{ view: 'my', state: 'today' }} />}
          testId="home-my-today"
        />
        <HomeStat
          label={t('my.waiting')}
          value={my.waitingLeads}
          color={my.waitingLeads > 0 ? 'orange' : undefined}
          link={(root) => <Link {...root} to="/persons" search={{ waiting: true }} />}
          testId="home-my-waiting"
        />
      </SimpleGrid>
      {next ? (
        <Stack gap={6} mb="md">
          <Text size="sm" fw={600}>
            {t('my.next')}
          </Text>
          <Group justify="space-between" wrap="nowrap" data-testid="home-next-call">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text fw={500} truncate>
                {next.contact?.name ?? next.templateName}
              </Text>
              <Text size="xs" c={next.overdue ? 'red' : 'dimmed'}>
                {next.templateName}
                {next.dueAt ? ` · ${formatDateTime(next.dueAt, props.timeZone)}` : ''}
              </Text>
            </Stack>
            <Button
              renderRoot={(p) => <Link to="/tasks/$taskId" params={{ taskId: next.id }} {...p} />}
              leftSection={<IconPhoneCall size={16} />}
              size="sm"
              data-testid="home-next-open"
            >
              {t('my.open')}
            </Button>
          </Group>
          {later.map((task) => (
            <Group key={task.id} justify="space-between" wrap="nowrap" gap="xs">
              <Anchor
                renderRoot={(root) => (
                  <Link {...root} to="/tasks/$taskId" params={{ taskId: task.id }} />
                )}
                size="sm"
                truncate
              >
                {task.contact?.name ?? task.templateName}
              </Anchor>
              <Text size="xs" c={task.overdue ? 'red' : 'dimmed'} style={{ flexShrink: 0 }}>
                {task.dueAt ? formatDateTime(task.dueAt, props.timeZone) : t('my.noTime')}
              </Text>
            </Group>
          ))}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed" mb="md" data-testid="home-nothing">
          {t('my.nothing')}
        </Text>
      )}
      {my.waiting.length > 0 && (
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            {t('my.waitingTitle')}
          </Text>
          {my.waiting.map((lead) => (
            <Group key={lead.id} justify="space-between" wrap="nowrap" gap="xs">
              <Anchor
                renderRoot={(root) => (
                  <Link {...root} to="/persons/$personId" params={{ personId: lead.id }} />
                )}
                size="sm"
                truncate
              >
                {lead.name}
              </Anchor>
              <WaitingBadge since={lead.waitingSince} timeZone={props.timeZone} size="xs" />
            </Group>
          ))}
          {my.waitingLeads > my.waiting.length && (
            <Badge variant="light" color="gray" tt="none">
              {t('my.moreWaiting', { count: my.waitingLeads - my.waiting.length })}
            </Badge>
          )}
        </Stack>
      )}
    </Card>
  );
}
