import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { HomeTeam } from '@spotter/contracts';
import { IconUsersGroup } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format.ts';
import { HomeStat } from './home-stat.tsx';

/** Managers: the team's overdue tasks, today's results, new leads and trial classes. */
export function TeamCard(props: { team: HomeTeam; today: string; timeZone: string }) {
  const { t } = useTranslation('home');
  const { team, today } = props;
  return (
    <Card withBorder radius="md" padding="lg" data-testid="home-team">
      <Group gap="xs" mb="sm">
        <IconUsersGroup size={20} />
        <Text fw={600}>{t('team.title')}</Text>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} mb="md">
        <HomeStat
          label={t('team.overdue')}
          value={team.overdue}
          color={team.overdue > 0 ? 'red' : undefined}
          link={(root) => <Link {...root} to="/tasks" search={{ view: 'all', state: 'overdue' }} />}
          testId="home-team-overdue"
        />
        <HomeStat
          label={t('team.done')}
          value={team.doneToday}
          link={(root) => (
            <Link {...root} to="/tasks" search={{ view: 'all', state: 'done', doneFrom: today }} />
          )}
          testId="home-team-done"
        />
        <HomeStat
          label={t('team.newLeads')}
          value={team.newLeads}
          link={(root) => (
            <Link {...root} to="/persons" search={{ createdFrom: today, createdTo: today }} />
          )}
          testId="home-team-leads"
        />
        <Stack gap={0}>
          <Text fz={28} fw={700} data-testid="home-team-trials">
            {team.trials}
          </Text>
          <Text size="sm" c="dimmed">
            {t('team.trials')}
          </Text>
        </Stack>
      </SimpleGrid>
      {team.results.length > 0 && (
        <Stack gap={6} mb={team.trialList.length > 0 ? 'md' : 0}>
          <Text size="sm" fw={600}>
            {t('team.results')}
          </Text>
          <Group gap="xs">
            {team.results.map((r) => (
              <Badge
                key={r.id ?? 'none'}
                renderRoot={(root) => (
                  <Link
                    {...root}
                    to="/tasks"
                    search={{
                      view: 'all',
                      state: 'done',
                      doneFrom: today,
                      ...(r.id ? { resultId: [r.id] } : { noResult: true }),
                    }}
                  />
                )}
                variant="light"
                color={r.color || 'gray'}
                tt="none"
                size="lg"
                style={{ cursor: 'pointer' }}
                data-testid="home-team-result"
              >
                {r.id ? r.name : t('team.noResult')}: {r.count}
              </Badge>
            ))}
          </Group>
        </Stack>
      )}
      {team.trialList.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('team.trialList')}
          </Text>
          {team.trialList.map(({ contact, ...trial }, i) => (
            <Group key={i} justify="space-between" wrap="nowrap" gap="xs">
              {contact ? (
                <Anchor
                  renderRoot={(root) => (
                    <Link {...root} to="/persons/$personId" params={{ personId: contact.id }} />
                  )}
                  size="sm"
                  truncate
                >
                  {contact.name}
                </Anchor>
              ) : (
                <Text size="sm">{t('team.unknownMember')}</Text>
              )}
              <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                {trial.className} · {formatDateTime(trial.startsAt, props.timeZone)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
