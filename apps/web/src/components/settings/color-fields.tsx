import { ColorInput, SimpleGrid } from '@mantine/core';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';

/** Suggested colours: readable pairs for badges, from Mantine's palette. */
export const SWATCHES = [
  '#1f2937',
  '#ffffff',
  '#e5e7eb',
  '#fa5252',
  '#fd7e14',
  '#fab005',
  '#40c057',
  '#12b886',
  '#228be6',
  '#4c6ef5',
  '#7950f2',
  '#e64980',
];

type InputProps = Pick<ComponentProps<typeof ColorInput>, 'value' | 'onChange' | 'error'>;

/** Font colour and background of a status or dropdown option, side by side. */
export function ColorPairInputs(props: {
  color: InputProps;
  background: InputProps;
  testIdPrefix?: string;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const prefix = props.testIdPrefix ?? 'status';
  return (
    <SimpleGrid cols={2} spacing="sm">
      <ColorInput
        label={t('fields.color')}
        format="hex"
        swatches={SWATCHES}
        size={props.compact ? 'xs' : 'sm'}
        data-testid={`${prefix}-color`}
        {...props.color}
      />
      <ColorInput
        label={t('fields.background')}
        format="hex"
        swatches={SWATCHES}
        size={props.compact ? 'xs' : 'sm'}
        data-testid={`${prefix}-background`}
        {...props.background}
      />
    </SimpleGrid>
  );
}

/** A colour the preview can show even while the user is still typing a value. */
export const previewColor = (value: string | null | undefined, fallback: string) =>
  value && /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(value.trim()) ? value.trim() : fallback;
