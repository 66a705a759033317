import { Group, Paper, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ColorBadge } from '../../../components/status-badge.tsx';
import { ColorPairInputs, previewColor } from '../../../components/settings/color-fields.tsx';

/** What a badge falls back to while a typed colour is not (yet) a valid one. */
export const DEFAULT_COLORS = { color: '#1f2937', background: '#e5e7eb' };

/**
 * The text and background colours of a template, result or status, with a live preview of
 * its badge; `placeholderName` stands in while the name is still empty.
 */
export function ColorPreviewFields<
  V extends { name: string; color: string; background: string },
>(props: {
  form: UseFormReturnType<V>;
  testIdPrefix: string;
  placeholderName: string;
  previewTestId?: string;
}) {
  const { t } = useTranslation('taskSettings');
  const { form } = props;
  const v = form.values;
  return (
    <>
      <ColorPairInputs
        testIdPrefix={props.testIdPrefix}
        color={form.getInputProps('color')}
        background={form.getInputProps('background')}
      />
      <Paper withBorder radius="md" p="sm" bg="var(--mantine-color-gray-0)">
        <Group gap="sm">
          <Text size="xs" c="dimmed">
            {t('fields.preview')}
          </Text>
          <ColorBadge
            name={v.name.trim() || props.placeholderName}
            color={previewColor(v.color, DEFAULT_COLORS.color)}
            background={previewColor(v.background, DEFAULT_COLORS.background)}
            testId={props.previewTestId}
          />
        </Group>
      </Paper>
    </>
  );
}
