import { Anchor, Badge, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { Deal, Me } from '@spotter/contracts';
import { IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useContactDeals, usePipelines } from '../api/deals-api.ts';
import { DealFormModal } from '../dialogs.ts';
import { formatMoney } from '../money.ts';
import { formatDay } from './deal-format.ts';

/** The stage a deal is in, coloured as on the board; won and lost say so. */
export function StageBadge(props: { deal: Pick<Deal, 'stageId' | 'pipelineId' | 'state'> }) {
  const { t } = useTranslation('deals');
  const pipelines = usePipelines(true).data?.items ?? [];
  const stage = pipelines
    .find((p) => p.id === props.deal.pipelineId)
    ?.stages.find((s) => s.id === props.deal.stageId);
  const color =
    props.deal.state === 'won' ? 'teal' : props.deal.state === 'lost' ? 'red' : stage?.color;
  return (
    <Badge variant="light" color={color} data-testid="deal-stage-badge">
      {stage?.name ?? t(`state.${props.deal.state}`)}
    </Badge>
  );
}

/**
 * A person's or company's deals (S-1): open ones first with their stage and amount, then the
 * won and lost; "New deal" starts one for them. Shown on their card and in the expanded card.
 */
export function ContactDeals(props: {
  me: Me;
  contact: { id: string; kind: 'person' | 'company'; name: string };
}) {
  const { t, i18n } = useTranslation('deals');
  const canRead = props.me.permissions.includes('deals.read');
  const canWrite = props.me.permissions.includes('deals.write');
  const deals = useContactDeals(props.contact.kind, props.contact.id, canRead);
  const [creating, setCreating] = useState(false);
  if (!canRead) return null;
  const items = [...(deals.data?.items ?? [])].sort(
    (a, b) => Number(a.state !== 'open') - Number(b.state !== 'open'),
  );

  return (
    <Paper withBorder radius="md" p="md" data-testid="contact-deals">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={4}>{t('contact.title')}</Title>
        {canWrite && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => setCreating(true)}
            data-testid="contact-new-deal"
          >
            {t('actions.newDeal')}
          </Button>
        )}
      </Group>
      {deals.isPending && <Skeleton height={48} />}
      {deals.isError && <QueryError error={deals.error} onRetry={() => void deals.refetch()} />}
      {deals.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('contact.empty')}
        </Text>
      )}
      <Stack gap="xs">
        {items.map((deal) => (
          <Group
            key={deal.id}
            justify="space-between"
            wrap="nowrap"
            gap="xs"
            align="flex-start"
            data-testid="contact-deal"
          >
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Anchor
                renderRoot={(root) => (
                  <Link {...root} to="/deals/$dealId" params={{ dealId: deal.id }} />
                )}
                size="sm"
                fw={600}
                style={{ overflowWrap: 'anywhere' }}
              >
                {deal.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {deal.state === 'open'
                  ? deal.expectedCloseDate
                    ? t('card.closes', { date: formatDay(deal.expectedCloseDate, i18n.language) })
                    : t('contact.noCloseDate')
                  : t(`contact.closed.${deal.state}`, {
                      date: formatDate(deal.closedAt, props.me.organization.timezone),
                    })}
              </Text>
            </Stack>
            <Stack gap={4} align="flex-end">
              <StageBadge deal={deal} />
              <Text size="sm" fw={500}>
                {formatMoney(deal.amount, deal.currency, i18n.language)}
              </Text>
            </Stack>
          </Group>
        ))}
      </Stack>
      {canWrite && (
        <DealFormModal
          opened={creating}
          me={props.me}
          preset={{ contact: props.contact }}
          onClose={() => setCreating(false)}
        />
      )}
    </Paper>
  );
}
