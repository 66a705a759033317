import { Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { HomePipeline } from '@spotter/contracts';
import { IconChartBar } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../deals/index.ts';
import { HomeStat } from './home-stat.tsx';

/** Owners and admins: the open pipeline, and what this and next month should bring in. */
export function PipelineCard(props: { pipeline: HomePipeline }) {
  const { t, i18n } = useTranslation('home');
  const { pipeline } = props;
  const money = (minor: number, currency: string) =>
    formatMoney(minor, currency, i18n.language, { compact: true });
  return (
    <Card withBorder radius="md" padding="lg" data-testid="home-pipeline">
      <Group gap="xs" mb="sm">
        <IconChartBar size={20} />
        <Text fw={600}>{t('pipeline.title')}</Text>
      </Group>
      <Stack gap="md">
        {pipeline.money.map((m) => (
          <SimpleGrid key={m.currency} cols={{ base: 2, sm: 4 }}>
            <HomeStat
              compact
              label={t('pipeline.open', { count: m.openCount })}
              value={money(m.open, m.currency)}
              link={(root) => <Link {...root} to="/deals" search={{ state: 'open' }} />}
              testId={`home-pipeline-open-${m.currency}`}
            />
            <HomeStat
              compact
              label={t('pipeline.thisMonth')}
              value={money(m.thisMonth, m.currency)}
              link={(root) => (
                <Link
                  {...root}
                  to="/deals"
                  search={{ state: 'open', closeMonth: pipeline.thisMonth }}
                />
              )}
              testId={`home-pipeline-this-${m.currency}`}
            />
            <HomeStat
              compact
              label={t('pipeline.nextMonth')}
              value={money(m.nextMonth, m.currency)}
              link={(root) => (
                <Link
                  {...root}
                  to="/deals"
                  search={{ state: 'open', closeMonth: pipeline.nextMonth }}
                />
              )}
              testId={`home-pipeline-next-${m.currency}`}
            />
            <HomeStat
              compact
              label={t('pipeline.won')}
              value={money(m.wonThisMonth, m.currency)}
              color="green"
              link={(root) => (
                <Link
                  {...root}
                  to="/deals"
                  search={{ state: 'won', closeMonth: pipeline.thisMonth }}
                />
              )}
              testId={`home-pipeline-won-${m.currency}`}
            />
          </SimpleGrid>
        ))}
        <Text size="xs" c="dimmed">
          {t('pipeline.weightedHint')}
        </Text>
      </Stack>
    </Card>
  );
}
