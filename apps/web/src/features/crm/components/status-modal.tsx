import { Group, Paper, SimpleGrid, Text, TextInput } from '@mantine/core';
import { statusCreateSchema, type Status } from '@spotter/contracts';
import { useTranslation } from 'react-i18next';
import { ColorBadge } from '../../../components/status-badge.tsx';
import { ColorPairInputs, previewColor } from '../../../components/settings/color-fields.tsx';
import type { SetErrors } from '../../../lib/feedback.ts';
import { FormModal, useDialogForm } from '../../../components/form-modal.tsx';

const schema = statusCreateSchema.pick({
  name: true,
  abbreviation: true,
  color: true,
  background: true,
});

export type StatusValues = {
  name: string;
  abbreviation: string;
  color: string;
  background: string;
};

const EMPTY: StatusValues = { name: '', abbreviation: '', color: '#1f2937', background: '#e5e7eb' };

const valuesOf = (s: Status | null): StatusValues =>
  s
    ? { name: s.name, abbreviation: s.abbreviation, color: s.color, background: s.background }
    : EMPTY;

/** Adding and editing a status: name, abbreviation and colours, with a live badge preview. */
export function StatusModal(props: {
  opened: boolean;
  status: Status | null;
  loading: boolean;
  onSubmit: (values: StatusValues, setErrors: SetErrors) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('crm');
  const form = useDialogForm({
    opened: props.opened,
    source: props.status,
    values: valuesOf,
    schema,
  });

  const v = form.values;
  const color = previewColor(v.color, EMPTY.color);
  const background = previewColor(v.background, EMPTY.background);
  return (
    <FormModal
      opened={props.opened}
      title={props.status ? t('statuses.edit') : t('statuses.add')}
      loading={props.loading}
      saveTestId="status-save"
      onSubmit={form.onSubmit((values) => props.onSubmit(values, form.setErrors))}
      onClose={props.onClose}
    >
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <TextInput
          label={t('fields.name')}
          required
          data-autofocus
          data-testid="status-name"
          style={{ gridColumn: 'span 2' }}
          {...form.getInputProps('name')}
        />
        <TextInput
          label={t('fields.abbreviation')}
          maxLength={6}
          data-testid="status-abbreviation"
          {...form.getInputProps('abbreviation')}
        />
      </SimpleGrid>
      <ColorPairInputs
        color={form.getInputProps('color')}
        background={form.getInputProps('background')}
      />
      <Paper withBorder radius="md" p="sm" bg="var(--mantine-color-gray-0)">
        <Text size="xs" c="dimmed" mb={6}>
          {t('fields.preview')}
        </Text>
        <Group gap="sm" data-testid="status-preview">
          <ColorBadge
            name={v.name.trim() || t('statuses.previewName')}
            color={color}
            background={background}
          />
          {v.abbreviation.trim() && (
            <ColorBadge
              name={v.name}
              abbreviation={v.abbreviation}
              color={color}
              background={background}
            />
          )}
        </Group>
      </Paper>
    </FormModal>
  );
}
