import { Button, Checkbox, Popover, Stack, Text } from '@mantine/core';
import { BOARD_COLUMNS, type BoardColumn } from '@spotter/contracts';
import { IconLayoutColumns } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * Which of the six columns this device shows. The last one cannot be unticked: an empty board
 * would look broken, not chosen.
 */
export function ColumnPicker(props: {
  shown: readonly BoardColumn[];
  /** True while the screen's width decides (nothing chosen on this device). */
  automatic: boolean;
  onChange: (columns: BoardColumn[]) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation('board');
  const { shown } = props;
  return (
    <Popover position="bottom-end" shadow="md" withArrow trapFocus>
      <Popover.Target>
        <Button
          variant="default"
          leftSection={<IconLayoutColumns size={16} />}
          data-testid="board-columns"
        >
          {t('columnChoice.button', { shown: shown.length, total: BOARD_COLUMNS.length })}
        </Button>
      </Popover.Target>
      <Popover.Dropdown data-testid="board-columns-menu">
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {t('columnChoice.title')}
          </Text>
          <Checkbox.Group
            value={[...shown]}
            onChange={(v) => {
              const next = BOARD_COLUMNS.filter((c) => v.includes(c));
              if (next.length > 0) props.onChange(next);
            }}
          >
            <Stack gap="sm">
              {BOARD_COLUMNS.map((c) => (
                <Checkbox
                  key={c}
                  value={c}
                  size="md"
                  label={t(`columns.${c}`)}
                  disabled={shown.length === 1 && shown[0] === c}
                  data-testid={`board-column-choice-${c}`}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          <Text size="xs" c="dimmed" maw={220}>
            {props.automatic ? t('columnChoice.automatic') : t('columnChoice.saved')}
          </Text>
          {!props.automatic && (
            <Button
              variant="subtle"
              size="xs"
              onClick={props.onReset}
              data-testid="board-columns-reset"
            >
              {t('columnChoice.reset')}
            </Button>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
