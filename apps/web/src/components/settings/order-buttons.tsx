import { ActionIcon, Group } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Up/down buttons that move a row in a configurable list; `name` labels them for screen readers. */
export function OrderButtons(props: {
  name: string;
  first: boolean;
  last: boolean;
  disabled?: boolean;
  onMove: (step: -1 | 1) => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={2} wrap="nowrap">
      <ActionIcon
        variant="subtle"
        color="gray"
        disabled={props.first || props.disabled}
        onClick={() => props.onMove(-1)}
        aria-label={t('order.up', { name: props.name })}
        data-testid={`move-up-${props.name}`}
      >
        <IconArrowUp size={16} />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="gray"
        disabled={props.last || props.disabled}
        onClick={() => props.onMove(1)}
        aria-label={t('order.down', { name: props.name })}
        data-testid={`move-down-${props.name}`}
      >
        <IconArrowDown size={16} />
      </ActionIcon>
    </Group>
  );
}
