import { Box, Button, Skeleton, Stack, Text } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/validation.ts';

const GAP = 8;
/** Start loading the next page this many cards before the end of the loaded ones. */
const PREFETCH = 5;

/** What the cards need of a column's infinite query. */
export interface ColumnQuery {
  data: unknown;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  isFetching: boolean;
  isPlaceholderData: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  fetchNextPage: () => Promise<unknown>;
  refetch: () => Promise<unknown>;
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
 * A board column's cards in a virtual list, so a column of thousands renders only the few on
 * screen; it loads its next page when the user scrolls near the end of the loaded cards. The
 * card being dragged (`activeId`) stays rendered even when scrolled out of view, so dnd-kit
 * keeps its node; a card that just landed (`landedId`) is scrolled to and given the focus back
 * if the drop took it away (a keyboard drop leaves focus on the card's old, now removed, place).
 */
export function VirtualCards<T extends { id: string }>(props: {
  query: ColumnQuery;
  cards: readonly T[];
  activeId: string | null;
  landedId: string | null;
  estimateSize: number;
  /** Shown when the column has no cards. */
  emptyText: string;
  labels: { loadMore: string; retryMore: string };
  /** The load-more button's data-testid. */
  moreTestId: string;
  renderCard: (card: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const { query, cards } = props;
  const activeIndex = props.activeId ? cards.findIndex((c) => c.id === props.activeId) : -1;
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
    estimateSize: () => props.estimateSize,
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

  return (
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
          <Text size="sm">{props.emptyText}</Text>
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
                  props.renderCard(card)
                ) : (
                  <Button
                    variant="subtle"
                    color={moreFailed ? 'red' : undefined}
                    fullWidth
                    loading={isFetchingNextPage}
                    onClick={() => void fetchNextPage()}
                    data-testid={props.moreTestId}
                  >
                    {moreFailed ? props.labels.retryMore : props.labels.loadMore}
                  </Button>
                )}
              </div>
            );
          })}
        </div>
      )}
    </Box>
  );
}
