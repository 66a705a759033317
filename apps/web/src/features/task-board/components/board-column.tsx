import { Badge, Box, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDroppable } from '@dnd-kit/core';
import { DROP_COLUMNS, type BoardColumn } from '@spotter/contracts';
import { IconBan, IconCalendarDown, IconInbox } from '@tabler/icons-react';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/validation.ts';
import { useBoardColumn } from '../api/board-api.ts';
import { columnCards, columnCount, columnDroppable } from '../board-cache.ts';
import type { BoardFilters } from '../board-params.ts';
import { DraggableCard } from './board-card.tsx';

const GAP = 8;
/** Start loading the next page this many cards before the end of the loaded ones. */
const PREFETCH = 5;

export const isDropColumn = (c: BoardColumn): c is (typeof DROP_COLUMNS)[number] =>
  (DROP_COLUMNS as readonly string[]).includes(c);

/** What the board's drag looks like from a column. */
export interface DragView {
  /** The card being dragged, and the column it came from. */
  cardId: string;
  from: BoardColumn;
}

function ColumnSkeleton() {
  return (
    <Stack gap={GAP} p={GAP} data-testid="column-loading">
      {[0, 1, 2].map((i) => (
        <Skeleton key={i} height={118} radius="md" />
      ))}
    </Stack>
  );
}

/**
 * One column of the board: its header with the count, and its cards in a virtual list, so a
 * column of thousands renders only the few on screen. It loads its next page when the user
 * scrolls near the end of the loaded cards.
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
  const { setNodeRef, isOver } = useDroppable({ id: column, disabled: !droppable });

  // The dragged card stays rendered even when scrolled out of view, so dnd-kit keeps its node.
  const activeIndex = drag ? cards.findIndex((c) => c.id === drag.cardId) : -1;
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (activeIndex < 0 || indexes.includes(activeIndex)) return indexes;
      return [...indexes, activeIndex].sort((a, b) => a - b);
    },
    [activeIndex],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  const hasMore = query.hasNextPage;
  const virtualizer = useVirtualizer({
    count: cards.length + (hasMore ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 150,
    overscan: 4,
    gap: GAP,
    paddingStart: GAP,
    paddingEnd: GAP,
    getItemKey: (i) => cards[i]?.id ?? 'more',
    rangeExtractor,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  const { fetchNextPage, isFetchingNextPage, isFetchNextPageError: moreFailed } = query;
  // The previous filter's cards (shown while the new ones load) have the previous cursors.
  const canLoad = hasMore && !isFetchingNextPage && !moreFailed && !query.isPlaceholderData;
  useEffect(() => {
    // After a failed page the button below asks again; scrolling alone does not.
    if (canLoad && lastIndex >= cards.length - PREFETCH) void fetchNextPage();
  }, [canLoad, lastIndex, cards.length, fetchNextPage]);

  // A card that just landed here is shown, and gets the focus back if the drop took it away
  // (a keyboard drop leaves focus on the card's old, now removed, place).
  const landedIndex = props.landedId ? cards.findIndex((c) => c.id === props.landedId) : -1;
  useEffect(() => {
    if (landedIndex < 0) return;
    virtualizer.scrollToIndex(landedIndex, { align: 'auto' });
    const timer = setTimeout(() => {
      const active = document.activeElement;
      if (active && active !== document.body) return;
      scrollRef.current
        ?.querySelector<HTMLElement>(`[data-card-id="${props.landedId}"]`)
        ?.focus({ preventScroll: true });
    }, 100);
    return () => clearTimeout(timer);
  }, [landedIndex, props.landedId, virtualizer]);

  const dragging = drag !== null;
  const refused = dragging && !droppable;
  const target = dragging && droppable && drag.from !== column;
  const name = t(`columns.${column}`);

  return (
    <Paper
      ref={setNodeRef}
      component="section"
      radius="md"
      withBorder
      aria-label={t('column.label', { name, count })}
      data-testid={`column-${column}`}
      data-drop={dragging ? (droppable ? 'allowed' : 'refused') : undefined}
      style={{
        width: props.width,
        flex: `0 0 ${props.width}px`,
        display: 'flex',
        flexDirection: 'column',
        minHeight: 0,
        height: '100%',
        background: refused
          ? 'repeating-linear-gradient(135deg, var(--mantine-color-gray-1) 0 8px, var(--mantine-color-gray-2) 8px 16px)'
          : isOver && target
            ? 'var(--mantine-color-blue-0)'
            : 'var(--mantine-color-gray-1)',
        // An outline, not a thicker border: the column must not change size under the pointer.
        outline: target ? `2px dashed var(--mantine-color-blue-${isOver ? 6 : 4})` : undefined,
        outlineOffset: -1,
        transition: 'background-color 120ms',
        position: 'relative',
      }}
    >
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
      {(refused || target) && (
        // Over the cards, not above them: a hint that pushed the cards down would move every
        // drop target under the pointer the moment a drag starts.
        <Group
          gap={6}
          wrap="nowrap"
          px="sm"
          py={6}
          c={refused ? 'gray.7' : 'blue.8'}
          bg={refused ? 'gray.0' : 'blue.0'}
          style={{
            position: 'absolute',
            insetInline: 8,
            bottom: 8,
            zIndex: 2,
            pointerEvents: 'none',
            borderRadius: 'var(--mantine-radius-sm)',
            boxShadow: 'var(--mantine-shadow-xs)',
          }}
          data-testid={refused ? `column-refuses-${column}` : `column-accepts-${column}`}
        >
          {refused ? <IconBan size={16} /> : <IconCalendarDown size={16} />}
          <Text size="xs" fw={500}>
            {refused ? t('drag.refused') : t('drag.dropHere')}
          </Text>
        </Group>
      )}
      <Box
        ref={scrollRef}
        style={{
          flex: 1,
          minHeight: 0,
          overflowY: 'auto',
          // Cards of the previous filter stay, dimmed, until the new ones arrive.
          opacity: query.isPlaceholderData ? 0.55 : 1,
        }}
        aria-busy={query.isFetching || undefined}
      >
        {query.isPending ? (
          <ColumnSkeleton />
        ) : query.isError && !query.data ? (
          <Stack align="center" gap="xs" p="md" ta="center" data-testid="column-error">
            <Text size="sm" c="red.7">
              {errorMessage(query.error)}
            </Text>
            <Button size="xs" variant="light" color="red" onClick={() => void query.refetch()}>
              {t('common:actions.retry')}
            </Button>
          </Stack>
        ) : cards.length === 0 ? (
          <Stack align="center" gap={4} p="lg" ta="center" c="dimmed" data-testid="column-empty">
            <IconInbox size={28} stroke={1.4} />
            <Text size="sm">
              {Object.keys(props.filters).length > 0
                ? t('column.emptyFiltered')
                : t(`empty.${column}`)}
            </Text>
          </Stack>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const card = cards[item.index];
              return (
                <div
                  key={item.key}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: GAP,
                    right: GAP,
                    transform: `translateY(${item.start}px)`,
                  }}
                >
                  {card ? (
                    <DraggableCard
                      card={card}
                      column={column}
                      timeZone={props.timeZone}
                      phoneRegion={props.phoneRegion}
                      pending={props.pendingIds.has(card.id)}
                      landed={card.id === props.landedId}
                      onOpen={props.onOpen}
                    />
                  ) : (
                    <Button
                      variant="subtle"
                      color={moreFailed ? 'red' : undefined}
                      fullWidth
                      loading={isFetchingNextPage}
                      onClick={() => void fetchNextPage()}
                      data-testid={`column-more-${column}`}
                    >
                      {moreFailed ? t('column.retryMore') : t('column.loadMore')}
                    </Button>
                  )}
                </div>
              );
            })}
          </div>
        )}
      </Box>
    </Paper>
  );
}
