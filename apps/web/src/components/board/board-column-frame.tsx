import { Group, Paper, Text } from '@mantine/core';
import { useDroppable } from '@dnd-kit/core';
import { IconBan } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/**
 * A board column's frame: a drop target while a card is held (outlined when it takes the card,
 * hatched when it refuses it), its header, and its cards below.
 */
export function BoardColumnFrame(props: {
  /** The droppable's id: what a drop on this column reports. */
  id: string;
  /** In pixels: the board decides, so the columns shown fit the screen. */
  width: number;
  /** Whether a card is held, and whether it came from this column. */
  dragging: boolean;
  isSource: boolean;
  droppable: boolean;
  label: string;
  testId: string;
  header: ReactNode;
  /** The hint shown over the cards while a card is held: why not, or what a drop does. */
  hint: { refused: string; accepts: string; icon: ReactNode };
  children: ReactNode;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: props.id, disabled: !props.droppable });
  const refused = props.dragging && !props.droppable;
  const target = props.dragging && props.droppable && !props.isSource;
  return (
    <Paper
      ref={setNodeRef}
      component="section"
      radius="md"
      withBorder
      aria-label={props.label}
      data-testid={props.testId}
      data-drop={props.dragging ? (props.droppable ? 'allowed' : 'refused') : undefined}
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
      {props.header}
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
          data-testid={refused ? `${props.testId}-refuses` : `${props.testId}-accepts`}
        >
          {refused ? <IconBan size={16} /> : props.hint.icon}
          <Text size="xs" fw={500}>
            {refused ? props.hint.refused : props.hint.accepts}
          </Text>
        </Group>
      )}
      {props.children}
    </Paper>
  );
}
