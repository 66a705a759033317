import {
  ActionIcon,
  Avatar,
  Badge,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { useDraggable } from '@dnd-kit/core';
import type { DealCard } from '@spotter/contracts';
import { IconArrowsMaximize, IconBuilding, IconCalendar, IconUser } from '@tabler/icons-react';
import { memo, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../money.ts';
import { formatDay } from './deal-format.ts';

/** What a dragged deal carries, read back on drop. */
export interface DealDragData {
  card: DealCard;
  from: string;
}

/** Who the deal is with: the person, else the company. */
export const dealContactName = (card: Pick<DealCard, 'person' | 'company'>) =>
  card.person?.name ?? card.company?.name ?? null;

/** A deal's face on the board: title, who with, amount, close date and owner. */
export function DealCardFace(props: { card: DealCard; pending?: boolean; onOpen?: () => void }) {
  const { t, i18n } = useTranslation('deals');
  const { card } = props;
  const contact = dealContactName(card);
  return (
    <Stack gap={6}>
      <Group justify="space-between" gap={4} wrap="nowrap" align="flex-start">
        <Text
          fw={600}
          size="sm"
          lineClamp={2}
          style={{ overflowWrap: 'anywhere' }}
          data-testid="deal-card-title"
        >
          {card.title}
        </Text>
        <Group gap={2} wrap="nowrap">
          {props.pending && <Loader size={14} aria-label={t('move.saving')} />}
          {props.onOpen && (
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              aria-label={t('card.open', { name: card.title })}
              onClick={props.onOpen}
              data-testid="deal-card-open"
            >
              <IconArrowsMaximize size={14} />
            </ActionIcon>
          )}
        </Group>
      </Group>
      {contact && (
        <Group gap={4} wrap="nowrap" c="dimmed">
          {card.person ? <IconUser size={13} /> : <IconBuilding size={13} />}
          <Text size="sm" truncate data-testid="deal-card-contact">
            {contact}
          </Text>
        </Group>
      )}
      <Group justify="space-between" gap={6} wrap="nowrap">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm" fw={600} data-testid="deal-card-amount">
            {formatMoney(card.amount, card.currency, i18n.language)}
          </Text>
          {card.expectedCloseDate && (
            <Group gap={4} wrap="nowrap" c="dimmed">
              <IconCalendar size={13} />
              <Text size="xs" truncate>
                {t('card.closes', { date: formatDay(card.expectedCloseDate, i18n.language) })}
              </Text>
            </Group>
          )}
        </Stack>
        <Group gap={6} wrap="nowrap">
          {card.state !== 'open' && (
            <Badge size="xs" color={card.state === 'won' ? 'teal' : 'red'} variant="light">
              {t(`state.${card.state}`)}
            </Badge>
          )}
          {card.owner ? (
            <Tooltip label={t('card.owner', { name: card.owner.name })} withArrow>
              <Avatar
                size={24}
                name={card.owner.name}
                color="initials"
                aria-label={t('card.owner', { name: card.owner.name })}
                data-testid="deal-card-owner"
              />
            </Tooltip>
          ) : (
            <Text size="xs" c="dimmed">
              {t('card.noOwner')}
            </Text>
          )}
        </Group>
      </Group>
    </Stack>
  );
}

/**
 * A deal that can be dragged to another stage: with the mouse, a long press on a tablet, or
 * the keyboard (Space picks it up, the arrows choose a stage, Space or Enter drops it, Escape
 * puts it back). Double-click or Enter opens it.
 */
export const DraggableDeal = memo(function DraggableDeal(props: {
  card: DealCard;
  stageId: string;
  color: string;
  pending: boolean;
  landed: boolean;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation('deals');
  const data: DealDragData = { card: props.card, from: props.stageId };
  const { setNodeRef, setActivatorNodeRef, attributes, listeners, isDragging } = useDraggable({
    id: props.card.id,
    data,
    disabled: props.pending,
    attributes: { role: 'article', roleDescription: t('drag.roleDescription') },
  });
  const open = () => props.onOpen(props.card.id);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
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
      className="mantine-focus-auto"
      {...attributes}
      {...listeners}
      onKeyDown={onKeyDown}
      onDoubleClick={open}
      onMouseDown={(e) => e.detail > 1 && e.preventDefault()}
      aria-label={props.card.title}
      data-testid="deal-card"
      data-card-id={props.card.id}
      data-landed={props.landed || undefined}
      style={{
        cursor: props.pending ? 'progress' : 'grab',
        opacity: isDragging ? 0.35 : 1,
        touchAction: 'manipulation',
        borderInlineStart: `4px solid ${props.color}`,
        outline: props.landed ? '2px solid var(--mantine-color-blue-5)' : undefined,
      }}
    >
      <DealCardFace card={props.card} pending={props.pending} onOpen={open} />
    </Paper>
  );
});
