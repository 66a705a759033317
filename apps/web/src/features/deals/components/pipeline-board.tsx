import { Paper } from '@mantine/core';
import type { Announcements, DragEndEvent, DragStartEvent } from '@dnd-kit/core';
import { notifications } from '@mantine/notifications';
import type { Stage } from '@spotter/contracts';
import { useMutationState } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BoardDnd } from '../../../components/board/board-dnd.tsx';
import { moveMutationKey, useMoveDeal, type MoveVars } from '../api/deals-api.ts';
import type { DealFilters } from '../deal-params.ts';
import { DealCardFace, type DealDragData } from './deal-card.tsx';
import { LostDialog } from './lost-dialog.tsx';
import { moveFailure } from './move-failure.ts';
import { StageColumn, type DealDragView } from './stage-column.tsx';

const dragData = (d: unknown) => d as DealDragData | undefined;

/**
 * The pipeline's stages side by side (S-4), deals moving between them: a drop moves the card
 * at once and saves; a refusal puts it back and says why. A drop on a lost stage first asks
 * for the reason; cancelling leaves the deal where it was.
 */
export function PipelineBoard(props: {
  /** Every stage the board shows (archived ones only while they hold deals). */
  stages: Stage[];
  currency: string;
  columnWidth: number;
  filters: DealFilters;
  canWrite: boolean;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation('deals');
  const [drag, setDrag] = useState<DealDragData | null>(null);
  const [landed, setLanded] = useState<string | null>(null);
  const [losing, setLosing] = useState<MoveVars | null>(null);
  useEffect(() => {
    if (!landed) return;
    const timer = setTimeout(() => setLanded(null), 2500);
    return () => clearTimeout(timer);
  }, [landed]);
  const move = useMoveDeal(props.filters);
  const pending = useMutationState({
    filters: { mutationKey: moveMutationKey, status: 'pending' },
    select: (m) => (m.state.variables as MoveVars | undefined)?.card.id,
  });
  const pendingIds = useMemo(() => new Set(pending.filter(Boolean) as string[]), [pending]);
  const view: DealDragView | null = useMemo(
    () => (drag ? { cardId: drag.card.id, from: drag.from } : null),
    [drag],
  );
  const stageOf = (id: unknown) => props.stages.find((s) => s.id === id);
  const stageName = (id: unknown) => stageOf(id)?.name ?? '';
  const cardName = (d: unknown) => dragData(d)?.card.title ?? '';

  const announcements: Announcements = {
    onDragStart: ({ active }) => t('drag.picked', { name: cardName(active.data.current) }),
    onDragOver: ({ over }) =>
      over ? t('drag.over', { column: stageName(over.id) }) : t('drag.overNothing'),
    onDragEnd: ({ active, over }) =>
      over
        ? t('drag.dropped', { name: cardName(active.data.current), column: stageName(over.id) })
        : t('drag.cancelled', { name: cardName(active.data.current) }),
    onDragCancel: ({ active }) => t('drag.cancelled', { name: cardName(active.data.current) }),
  };

  const save = (vars: MoveVars) =>
    move.mutate(vars, {
      onSuccess: () => {
        setLosing(null);
        setLanded(vars.card.id);
        notifications.show({
          color: 'teal',
          message: t('move.done', { name: vars.card.title, column: stageName(vars.to.stageId) }),
        });
      },
      onError: (err) => {
        setLosing(null);
        notifications.show({ color: 'red', title: t('move.failed'), message: moveFailure(t, err) });
      },
    });

  const onDragStart = (e: DragStartEvent) => setDrag(dragData(e.active.data.current) ?? null);
  const onDragEnd = (e: DragEndEvent) => {
    const held = drag;
    setDrag(null);
    const target = stageOf(e.over?.id);
    if (!held || !target || target.id === held.from) return;
    const vars: MoveVars = {
      card: held.card,
      from: held.from,
      to: { stageId: target.id, state: target.state, probability: target.probability },
    };
    if (target.state === 'lost') setLosing(vars);
    else save(vars);
  };

  return (
    <>
      <BoardDnd
        announcements={announcements}
        instructions={t('drag.instructions')}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDrag(null)}
        testId="pipeline-board"
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
                borderInlineStart: `4px solid ${stageOf(drag.from)?.color ?? 'gray'}`,
              }}
              data-testid="deal-drag-overlay"
            >
              <DealCardFace card={drag.card} />
            </Paper>
          )
        }
      >
        {props.stages.map((stage) => (
          <StageColumn
            key={stage.id}
            stage={stage}
            width={props.columnWidth}
            filters={props.filters}
            currency={props.currency}
            drag={view}
            pendingIds={pendingIds}
            landedId={landed}
            canWrite={props.canWrite}
            onOpen={props.onOpen}
          />
        ))}
      </BoardDnd>
      <LostDialog
        deal={losing?.card ?? null}
        loading={move.isPending}
        onCancel={() => setLosing(null)}
        onConfirm={(reason) => losing && save({ ...losing, ...reason })}
      />
    </>
  );
}
