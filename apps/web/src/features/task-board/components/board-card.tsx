import {
  ActionIcon,
  Anchor,
  Avatar,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { useDraggable } from '@dnd-kit/core';
import type { BoardCard, BoardColumn } from '@spotter/contracts';
import { IconArrowsMaximize, IconHandGrab, IconPhone } from '@tabler/icons-react';
import { memo, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EntryBadge } from '../../../components/status-badge.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { shownPhone, telHref } from '../../../lib/phone-display.ts';
import { WaitingBadge } from '../../lead-forms/index.ts';
import { DueBadge, GuardianLine } from '../../tasks/index.ts';

/** What a dragged card carries, read back on drop. */
export interface DragData {
  card: BoardCard;
  from: BoardColumn;
}

/** Who handles the card: the one who took it into work (T-6), else the assignee. */
function Handler(props: { card: BoardCard }) {
  const { t } = useTranslation('board');
  const { takenBy, assignee } = props.card;
  const person = takenBy ?? assignee;
  if (!person) {
    return (
      <Text size="xs" c="dimmed" data-testid="card-unassigned">
        {t('card.unassigned')}
      </Text>
    );
  }
  const label = takenBy
    ? t('card.takenBy', { name: takenBy.name })
    : t('card.assignedTo', { name: person.name });
  return (
    <Tooltip label={label} withArrow>
      <Group gap={4} wrap="nowrap" aria-label={label} data-testid="card-handler">
        {takenBy && <IconHandGrab size={14} color="var(--mantine-color-teal-7)" />}
        <Avatar
          size={24}
          name={person.name}
          color="initials"
          style={takenBy ? { outline: '2px solid var(--mantine-color-teal-6)' } : undefined}
        />
      </Group>
    </Tooltip>
  );
}

/** A card's face (seed 003): who, their phone, when it came, why it exists, the next step. */
export function CardFace(props: {
  card: BoardCard;
  timeZone: string;
  phoneRegion: string | null;
  pending?: boolean;
  onOpen?: () => void;
}) {
  const { t } = useTranslation('board');
  const { card } = props;
  const name = card.contact?.name ?? t('card.noContact');
  const phone = card.contact?.phone;
  // A child's card dials their primary guardian instead (issue 17), on one compact line.
  const guardian = card.contact?.guardian ?? null;
  return (
    <Stack gap={6}>
      <Group justify="space-between" gap={4} wrap="nowrap" align="flex-start">
        <Text
          fw={600}
          size="sm"
          lineClamp={2}
          c={card.contact ? undefined : 'dimmed'}
          style={{ overflowWrap: 'anywhere' }}
          data-testid="card-name"
        >
          {name}
        </Text>
        <Group gap={2} wrap="nowrap">
          {props.pending && <Loader size={14} aria-label={t('move.saving')} />}
          {props.onOpen && (
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              aria-label={t('card.open', { name })}
              onClick={props.onOpen}
              data-testid="card-open"
            >
              <IconArrowsMaximize size={14} />
            </ActionIcon>
          )}
        </Group>
      </Group>
      {guardian ? (
        <GuardianLine guardian={guardian} region={props.phoneRegion} testId="card-guardian" />
      ) : null}
      {phone && !guardian?.phone && (
        <Anchor
          href={telHref(phone)}
          size="sm"
          onClick={(e) => e.stopPropagation()}
          style={{ alignSelf: 'flex-start' }}
          data-testid="card-phone"
        >
          <IconPhone size={13} style={{ verticalAlign: -2, marginInlineEnd: 4 }} />
          {shownPhone(card.contact, props.phoneRegion)}
        </Anchor>
      )}
      {card.comment && (
        <Text size="sm" c="dimmed" lineClamp={3} style={{ overflowWrap: 'anywhere' }}>
          {card.comment}
        </Text>
      )}
      <Group gap={6} wrap="wrap" aria-label={t('card.nextStep')}>
        <EntryBadge entry={card.template} />
        <DueBadge dueAt={card.dueAt} dueState={card.dueState} />
        {card.waitingSince && (
          <WaitingBadge since={card.waitingSince} timeZone={props.timeZone} size="xs" />
        )}
      </Group>
      <Group justify="space-between" gap={6} wrap="nowrap">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <EntryBadge entry={card.status} testId="card-status" />
          <Text size="xs" c="dimmed" truncate>
            {t('card.created', { date: formatDateTime(card.createdAt, props.timeZone) })}
          </Text>
        </Stack>
        <Handler card={card} />
      </Group>
    </Stack>
  );
}

/**
 * A card that can be dragged to another column: with the mouse, a long press on a tablet, or
 * the keyboard (Space picks it up, the arrows choose a column, Space or Enter drops it, Escape
 * puts it back). Double-click or Enter opens the expanded card.
 */
export const DraggableCard = memo(function DraggableCard(props: {
  card: BoardCard;
  column: BoardColumn;
  timeZone: string;
  phoneRegion: string | null;
  pending: boolean;
  landed: boolean;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation('board');
  const data: DragData = { card: props.card, from: props.column };
  const { setNodeRef, setActivatorNodeRef, attributes, listeners, isDragging } = useDraggable({
    id: props.card.id,
    data,
    disabled: props.pending,
    attributes: { role: 'article', roleDescription: t('drag.roleDescription') },
  });
  const open = () => props.onOpen(props.card.id);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Enter on the card itself opens it; on its phone link or button it does what they do.
    if (e.key === 'Enter' && e.target === e.currentTarget && !isDragging) {
      e.preventDefault();
      open();
      return;
    }
    listeners?.onKeyDown?.(e);
  };
  return (
    <Paper
      ref={(node: HTMLDivElement | null) => {
        setNodeRef(node);
        setActivatorNodeRef(node);
      }}
      withBorder
      radius="md"
      p="sm"
      shadow="xs"
      // Mantine's focus ring, shown for the keyboard only.
      className="mantine-focus-auto"
      {...attributes}
      {...listeners}
      onKeyDown={onKeyDown}
      onDoubleClick={open}
      // A double-click opens the card; it should not also select a word on it.
      onMouseDown={(e) => e.detail > 1 && e.preventDefault()}
      aria-label={props.card.contact?.name ?? props.card.template.name}
      data-testid="board-card"
      data-card-id={props.card.id}
      style={{
        cursor: props.pending ? 'progress' : 'grab',
        opacity: isDragging ? 0.35 : 1,
        touchAction: 'manipulation',
        borderInlineStart: `4px solid ${props.card.template.background}`,
        outline: props.landed ? '2px solid var(--mantine-color-blue-5)' : undefined,
      }}
      data-landed={props.landed || undefined}
    >
      <CardFace
        card={props.card}
        timeZone={props.timeZone}
        phoneRegion={props.phoneRegion}
        pending={props.pending}
        onOpen={open}
      />
    </Paper>
  );
});
