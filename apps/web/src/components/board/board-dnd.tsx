import { Box } from '@mantine/core';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
  type PointerActivationConstraint,
  type PointerSensorOptions,
} from '@dnd-kit/core';
import type { PointerEvent, ReactNode } from 'react';
import { boardCollision, boardKeyboardCoordinates } from './board-keyboard.ts';
import { COLUMN_GAP } from './board-layout.ts';

/**
 * Mouse and pen start a drag after a few pixels, so a click or a double-click stays one. Touch
 * is left to the touch sensor: a finger scrolls a column, a long press picks a card up.
 */
class MouseAndPenSensor extends PointerSensor {
  static override activators = [
    {
      eventName: 'onPointerDown' as const,
      handler: ({ nativeEvent: event }: PointerEvent, { onActivation }: PointerSensorOptions) => {
        if (event.pointerType === 'touch' || !event.isPrimary || event.button !== 0) return false;
        onActivation?.({ event });
        return true;
      },
    },
  ];
}
const POINTER: PointerActivationConstraint = { distance: 6 };
const TOUCH: PointerActivationConstraint = { delay: 250, tolerance: 8 };

/**
 * A board of columns whose cards move between them: with the mouse, a long press on a tablet,
 * or the keyboard (Space picks a card up, the arrows choose a column, Space or Enter drops it,
 * Escape puts it back; Enter alone is left for opening a card). The columns sit side by side and
 * the row scrolls sideways when they do not fit; `overlay` is what follows the pointer.
 */
export function BoardDnd(props: {
  announcements: Announcements;
  instructions: string;
  onDragStart: (e: DragStartEvent) => void;
  onDragEnd: (e: DragEndEvent) => void;
  onDragCancel: () => void;
  overlay: ReactNode;
  testId: string;
  children: ReactNode;
}) {
  const sensors = useSensors(
    useSensor(MouseAndPenSensor, { activationConstraint: POINTER }),
    useSensor(TouchSensor, { activationConstraint: TOUCH }),
    useSensor(KeyboardSensor, {
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
      coordinateGetter: boardKeyboardCoordinates,
    }),
  );
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={boardCollision}
      // Only the board's edges scroll it sideways; dnd-kit's default 20 % would scroll it away
      // from under a card aimed at the last visible column. Columns need no scrolling on a drop.
      autoScroll={{ threshold: { x: 0.08, y: 0.02 } }}
      onDragStart={props.onDragStart}
      onDragEnd={props.onDragEnd}
      onDragCancel={props.onDragCancel}
      accessibility={{
        announcements: props.announcements,
        screenReaderInstructions: { draggable: props.instructions },
      }}
    >
      <Box
        style={{
          flex: 1,
          minHeight: 0,
          display: 'flex',
          gap: COLUMN_GAP,
          overflowX: 'auto',
          overflowY: 'hidden',
          paddingBottom: 4,
        }}
        data-testid={props.testId}
      >
        {props.children}
      </Box>
      <DragOverlay dropAnimation={null}>{props.overlay}</DragOverlay>
    </DndContext>
  );
}
