import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import type { Campaign } from '@spotter/contracts';
import { IconSend } from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { SettingsSkeleton } from '../../../components/settings/settings-skeleton.tsx';
import { useCampaigns } from '../api/campaigns-api.ts';
import { CampaignStateBadge, ChannelBadge } from '../components/campaign-badges.tsx';

/** The moment that best says where a campaign is: finished, started, planned or written. */
function whenOf(c: Campaign): { key: string; at: string } {
  if (c.finishedAt) return { key: 'finishedAt', at: c.finishedAt };
  if (c.startedAt) return { key: 'startedAt', at: c.startedAt };
  if (c.scheduledAt) return { key: 'scheduledAt', at: c.scheduledAt };
  return { key: 'createdAt', at: c.createdAt };
}

/** Mailing → Campaigns: newest first, a page at a time, with how far each one got. */
export function CampaignsPage(props: { timezone: string }) {
  const { t, i18n } = useTranslation('mailing');
  const navigate = useNavigate();
  const campaigns = useCampaigns();
  const items = campaigns.data?.pages.flatMap((p) => p.items) ?? [];
  const date = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: props.timezone,
  });
  const num = new Intl.NumberFormat(i18n.language);
  const create = () => void navigate({ to: '/mailing/campaigns/new', search: {} });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Text c="dimmed" size="sm" maw={620}>
          {t('campaigns.description')}
        </Text>
        <Button leftSection={<IconSend size={16} />} onClick={create} data-testid="campaign-new">
          {t('campaigns.new')}
        </Button>
      </Group>
      {campaigns.isPending && <SettingsSkeleton />}
      {campaigns.isError && (
        <QueryError error={campaigns.error} onRetry={() => void campaigns.refetch()} />
      )}
      {campaigns.isSuccess && items.length === 0 && (
        <EmptyState
          icon={<IconSend size={26} />}
          title={t('campaigns.emptyTitle')}
          text={t('campaigns.emptyText')}
          action={{ label: t('campaigns.new'), onClick: create }}
        />
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table highlightOnHover verticalSpacing="sm" data-testid="campaigns-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('campaigns.name')}</Table.Th>
                <Table.Th>{t('campaigns.channel')}</Table.Th>
                <Table.Th>{t('campaigns.state')}</Table.Th>
                <Table.Th ta="right">{t('campaigns.sentOfTotal')}</Table.Th>
                <Table.Th>{t('campaigns.when')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => {
                const when = whenOf(c);
                return (
                  <Table.Tr key={c.id} data-testid="campaign-row">
                    <Table.Td>
                      <Anchor
                        fw={500}
                        renderRoot={(root) => (
                          <Link
                            {...root}
                            to="/mailing/campaigns/$campaignId"
                            params={{ campaignId: c.id }}
                          />
                        )}
                      >
                        {c.name}
                      </Anchor>
                      {c.createdBy && (
                        <Text size="xs" c="dimmed">
                          {c.createdBy.name}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <ChannelBadge channel={c.channel} />
                    </Table.Td>
                    <Table.Td>
                      <CampaignStateBadge state={c.state} />
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {c.totals.total > 0
                        ? `${num.format(c.totals.sent)} / ${num.format(c.totals.total)}`
                        : '—'}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{date.format(new Date(when.at))}</Text>
                      <Text size="xs" c="dimmed">
                        {t(`campaigns.whenKinds.${when.key}`)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {campaigns.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            loading={campaigns.isFetchingNextPage}
            onClick={() => void campaigns.fetchNextPage()}
            data-testid="campaigns-more"
          >
            {t('campaigns.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
