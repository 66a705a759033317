import { Paper } from '@mantine/core';
import type { Announcements, DragEndEvent, DragStartEvent } from '@dnd-kit/core';
import { notifications } from '@mantine/notifications';
import { BOARD_COLUMNS, type BoardColumn } from '@spotter/contracts';
import { useMutationState } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BoardDnd } from '../../../components/board/board-dnd.tsx';
import { showUndoToast } from '../../../components/undo-toast.tsx';
import { isApiError } from '../../../lib/api.ts';
import { errorMessage } from '../../../lib/validation.ts';
import { moveMutationKey, useMoveCard, useUndoMove, type MoveVars } from '../api/board-api.ts';
import type { BoardFilters } from '../board-params.ts';
import { CardFace, type DragData } from './board-card.tsx';
import { BoardColumnView, isDropColumn, type DragView } from './board-column.tsx';

const dragData = (d: unknown) => d as DragData | undefined;

/**
 * The chosen columns side by side, sharing the width when they fit and scrolling sideways when
 * they do not; cards move between them.
 */
export function BoardView(props: {
  columns: readonly BoardColumn[];
  columnWidth: number;
  filters: BoardFilters;
  timeZone: string;
  phoneRegion: string | null;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation('board');
  // A snapshot taken at pick-up: refetches while the card is held do not change what is dragged.
  const [drag, setDrag] = useState<DragData | null>(null);
  // The card that just landed: its column scrolls to it and it is outlined for a moment.
  const [landed, setLanded] = useState<string | null>(null);
  useEffect(() => {
    if (!landed) return;
    const timer = setTimeout(() => setLanded(null), 2500);
    return () => clearTimeout(timer);
  }, [landed]);
  const move = useMoveCard(props.filters);
  const undoMove = useUndoMove();
  const pending = useMutationState({
    filters: { mutationKey: moveMutationKey, status: 'pending' },
    select: (m) => (m.state.variables as MoveVars | undefined)?.card.id,
  });
  const pendingIds = useMemo(() => new Set(pending.filter(Boolean) as string[]), [pending]);
  const view: DragView | null = useMemo(
    () => (drag ? { cardId: drag.card.id, from: drag.from } : null),
    [drag],
  );

  const columnName = (id: unknown) =>
    typeof id === 'string' && (BOARD_COLUMNS as readonly string[]).includes(id)
      ? t(`columns.${id as BoardColumn}`)
      : '';
  const cardName = (d: unknown) => {
    const card = dragData(d)?.card;
    return card?.contact?.name ?? card?.template.name ?? '';
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('drag.picked', { name: cardName(active.data.current) }),
    onDragOver: ({ over }) =>
      over ? t('drag.over', { column: columnName(over.id) }) : t('drag.overNothing'),
    onDragEnd: ({ active, over }) =>
      over
        ? t('drag.dropped', { name: cardName(active.data.current), column: columnName(over.id) })
        : t('drag.cancelled', { name: cardName(active.data.current) }),
    onDragCancel: ({ active }) => t('drag.cancelled', { name: cardName(active.data.current) }),
  };

  const onDragStart = (e: DragStartEvent) => setDrag(dragData(e.active.data.current) ?? null);
  const onDragEnd = (e: DragEndEvent) => {
    const held = drag;
    setDrag(null);
    const to = e.over?.id;
    if (!held || typeof to !== 'string' || to === held.from) return;
    const column = to as BoardColumn;
    if (!isDropColumn(column)) return;
    const vars: MoveVars = { card: held.card, from: held.from, to: column };
    move.mutate(vars, {
      onSuccess: (moved) => {
        setLanded(held.card.id);
        showUndoToast({
          message: t('move.done', { name: cardName(held), column: columnName(column) }),
          undo: async () => {
            await undoMove(held.card, moved);
            return t('move.undone', { name: cardName(held), column: columnName(held.from) });
          },
        });
      },
      onError: (err) =>
        notifications.show({
          color: 'red',
          title: t('move.failed'),
          message: isApiError(err, 'not_droppable') ? t('move.notDroppable') : errorMessage(err),
        }),
    });
  };

  return (
    <BoardDnd
      announcements={announcements}
      instructions={t('drag.instructions')}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDrag(null)}
      testId="board"
      overlay={
        drag && (
          <Paper
            withBorder
            radius="md"
            p="sm"
            shadow="lg"
            w={props.columnWidth - 16}
            style={{
              cursor: 'grabbing',
              borderInlineStart: `4px solid ${drag.card.template.background}`,
            }}
            data-testid="drag-overlay"
          >
            <CardFace card={drag.card} timeZone={props.timeZone} phoneRegion={props.phoneRegion} />
          </Paper>
        )
      }
    >
      {props.columns.map((column) => (
        <BoardColumnView
          key={column}
          column={column}
          width={props.columnWidth}
          filters={props.filters}
          drag={view}
          pendingIds={pendingIds}
          landedId={landed}
          timeZone={props.timeZone}
          phoneRegion={props.phoneRegion}
          onOpen={props.onOpen}
        />
      ))}
    </BoardDnd>
  );
}
