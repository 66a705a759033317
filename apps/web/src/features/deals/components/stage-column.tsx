import { Badge, Box, ColorSwatch, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import type { Stage } from '@spotter/contracts';
import { IconArrowBigRightLines, IconThumbDown, IconTrophy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { BoardColumnFrame } from '../../../components/board/board-column-frame.tsx';
import { VirtualCards } from '../../../components/board/virtual-cards.tsx';
import { useStageColumn } from '../api/deals-api.ts';
import { stageCards, stageTotals } from '../board-cache.ts';
import type { DealFilters } from '../deal-params.ts';
import { formatMoney } from '../money.ts';
import { DraggableDeal } from './deal-card.tsx';

/** What the board's drag looks like from a column. */
export interface DealDragView {
  cardId: string;
  from: string;
}

const HINT_ICON = {
  open: <IconArrowBigRightLines size={16} />,
  won: <IconTrophy size={16} />,
  lost: <IconThumbDown size={16} />,
};

/**
 * One stage of the pipeline: its name, how many deals, their sum and weighted sum (S-4) over
 * every deal that matches the filters, not just the cards loaded; and the cards, paged and
 * virtual. Won and lost stages are drop targets like any other; a drop on Lost asks why.
 */
export function StageColumn(props: {
  stage: Stage;
  width: number;
  filters: DealFilters;
  currency: string;
  drag: DealDragView | null;
  pendingIds: ReadonlySet<string>;
  landedId: string | null;
  canWrite: boolean;
  onOpen: (id: string) => void;
}) {
  const { t, i18n } = useTranslation('deals');
  const { stage, drag } = props;
  const query = useStageColumn(props.filters, stage.id);
  const cards = stageCards(query.data);
  const totals = stageTotals(query.data);
  const money = (minor: number) =>
    formatMoney(minor, props.currency, i18n.language, { compact: true });
  const filtered = Object.keys(props.filters).some((k) => k !== 'pipelineId');
  const closed = stage.state !== 'open';

  return (
    <BoardColumnFrame
      id={stage.id}
      width={props.width}
      dragging={drag !== null}
      isSource={drag?.from === stage.id}
      droppable={props.canWrite && !stage.archived}
      label={t('column.label', { name: stage.name, count: totals.count })}
      testId={`stage-${stage.name}`}
      hint={{
        refused: t('drag.refused'),
        accepts: t(`drag.dropHere.${stage.state}`),
        icon: HINT_ICON[stage.state],
      }}
      header={
        <Stack
          gap={2}
          px="sm"
          pt="sm"
          pb={6}
          style={{
            borderTop: `4px solid ${stage.color}`,
            borderTopLeftRadius: 'var(--mantine-radius-md)',
            borderTopRightRadius: 'var(--mantine-radius-md)',
          }}
        >
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
              {closed ? (
                stage.state === 'won' ? (
                  <IconTrophy size={16} color="var(--mantine-color-teal-7)" />
                ) : (
                  <IconThumbDown size={16} color="var(--mantine-color-red-7)" />
                )
              ) : (
                <ColorSwatch color={stage.color} size={12} />
              )}
              <Title
                order={3}
                size="h5"
                style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
              >
                {stage.name}
              </Title>
            </Group>
            <Group gap={4} wrap="nowrap">
              {!closed && (
                <Text size="xs" c="dimmed">
                  {t('column.probability', { value: stage.probability })}
                </Text>
              )}
              <Badge variant="light" color="gray" data-testid={`stage-count-${stage.name}`}>
                {query.data ? totals.count : '…'}
              </Badge>
            </Group>
          </Group>
          <Group gap="xs" wrap="nowrap" justify="space-between">
            <Text size="sm" fw={600} data-testid={`stage-sum-${stage.name}`}>
              {query.data ? money(totals.sum) : '…'}
            </Text>
            {!closed && (
              <Tooltip label={t('column.weightedHelp')} withArrow multiline w={220}>
                <Text size="xs" c="dimmed" data-testid={`stage-weighted-${stage.name}`}>
                  {t('column.weighted', { value: query.data ? money(totals.weightedSum) : '…' })}
                </Text>
              </Tooltip>
            )}
          </Group>
          {closed && (
            <Box>
              <Text size="xs" c="dimmed">
                {t(props.filters.closeMonth ? 'column.closedInMonth' : 'column.closedThisMonth')}
              </Text>
            </Box>
          )}
        </Stack>
      }
    >
      <VirtualCards
        query={query}
        cards={cards}
        activeId={drag?.cardId ?? null}
        landedId={props.landedId}
        estimateSize={120}
        emptyText={filtered ? t('column.emptyFiltered') : t(`column.empty.${stage.state}`)}
        labels={{ loadMore: t('column.loadMore'), retryMore: t('column.retryMore') }}
        moreTestId={`stage-more-${stage.name}`}
        renderCard={(card) => (
          <DraggableDeal
            card={card}
            stageId={stage.id}
            color={stage.color}
            pending={props.pendingIds.has(card.id)}
            landed={card.id === props.landedId}
            onOpen={props.onOpen}
          />
        )}
      />
    </BoardColumnFrame>
  );
}
