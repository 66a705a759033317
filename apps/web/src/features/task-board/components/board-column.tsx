import { Badge, Group, Title } from '@mantine/core';
import { DROP_COLUMNS, type BoardColumn } from '@spotter/contracts';
import { IconCalendarDown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { BoardColumnFrame } from '../../../components/board/board-column-frame.tsx';
import { VirtualCards } from '../../../components/board/virtual-cards.tsx';
import { useBoardColumn } from '../api/board-api.ts';
import { columnCards, columnCount, columnDroppable } from '../board-cache.ts';
import type { BoardFilters } from '../board-params.ts';
import { DraggableCard } from './board-card.tsx';

export const isDropColumn = (c: BoardColumn): c is (typeof DROP_COLUMNS)[number] =>
  (DROP_COLUMNS as readonly string[]).includes(c);

/** What the board's drag looks like from a column. */
export interface DragView {
  /** The card being dragged, and the column it came from. */
  cardId: string;
  from: BoardColumn;
}

/**
 * One column of the board: its header with the count, and its cards in a virtual list that
 * loads the next page as the user scrolls.
 */
export function BoardColumnView(props: {
  column: BoardColumn;
  /** In pixels: the board decides, so the columns shown fit the screen. */
  width: number;
  filters: BoardFilters;
  drag: DragView | null;
  pendingIds: ReadonlySet<string>;
  landedId: string | null;
  timeZone: string;
  phoneRegion: string | null;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation('board');
  const { column, drag } = props;
  const query = useBoardColumn(props.filters, column);
  const cards = columnCards(query.data);
  const count = columnCount(query.data);
  const droppable = isDropColumn(column) && columnDroppable(query.data);
  const name = t(`columns.${column}`);

  return (
    <BoardColumnFrame
      id={column}
      width={props.width}
      dragging={drag !== null}
      isSource={drag?.from === column}
      droppable={droppable}
      label={t('column.label', { name, count })}
      testId={`column-${column}`}
      hint={{
        refused: t('drag.refused'),
        accepts: t('drag.dropHere'),
        icon: <IconCalendarDown size={16} />,
      }}
      header={
        <Group justify="space-between" px="sm" pt="sm" pb={4} wrap="nowrap" gap="xs">
          <Title order={3} size="h5" style={{ whiteSpace: 'nowrap' }}>
            {name}
          </Title>
          <Badge
            variant={column === 'overdue' && count > 0 ? 'filled' : 'light'}
            color={column === 'overdue' && count > 0 ? 'red' : column === 'today' ? 'blue' : 'gray'}
            data-testid={`column-count-${column}`}
          >
            {query.data ? count : '…'}
          </Badge>
        </Group>
      }
    >
      <VirtualCards
        query={query}
        cards={cards}
        activeId={drag?.cardId ?? null}
        landedId={props.landedId}
        estimateSize={150}
        emptyText={
          Object.keys(props.filters).length > 0 ? t('column.emptyFiltered') : t(`empty.${column}`)
        }
        labels={{ loadMore: t('column.loadMore'), retryMore: t('column.retryMore') }}
        moreTestId={`column-more-${column}`}
        renderCard={(card) => (
          <DraggableCard
            card={card}
            column={column}
            timeZone={props.timeZone}
            phoneRegion={props.phoneRegion}
            pending={props.pendingIds.has(card.id)}
            landed={card.id === props.landedId}
            onOpen={props.onOpen}
          />
        )}
      />
    </BoardColumnFrame>
  );
}
