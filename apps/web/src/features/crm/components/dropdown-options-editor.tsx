import { ActionIcon, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ListEditorHeader } from '../../../components/list-editor-header.tsx';
import { ColorBadge } from '../../../components/status-badge.tsx';
import { ColorPairInputs, previewColor } from '../../../components/settings/color-fields.tsx';
import { moveItem } from '../../../lib/reorder.ts';
import { newOption, type CustomFieldValues } from './custom-field-form.ts';
import { OrderButtons } from '../../../components/settings/order-buttons.tsx';

/** The choices of a dropdown field (C-7): name, abbreviation and colours, in order. */
export function DropdownOptionsEditor({ form }: { form: UseFormReturnType<CustomFieldValues> }) {
  const { t } = useTranslation('crm');
  const options = form.values.options;
  const listError = form.errors.options;
  return (
    <Stack gap="xs">
      <ListEditorHeader
        title={t('customFields.options')}
        addLabel={t('customFields.addOption')}
        addTestId="option-add"
        onAdd={() => form.insertListItem('options', newOption())}
      />
      {listError && (
        <Text size="xs" c="red" role="alert">
          {listError === 'options_required' ? t('customFields.optionsRequired') : listError}
        </Text>
      )}
      {options.map((o, i) => {
        const label = o.name.trim() || t('customFields.optionNumber', { number: i + 1 });
        return (
          <Paper key={o.key} withBorder radius="md" p="sm" data-testid={`option-${i}`}>
            <Stack gap="xs">
              <Group gap="xs" align="flex-end" wrap="nowrap">
                <TextInput
                  label={t('fields.name')}
                  required
                  size="xs"
                  style={{ flex: 1 }}
                  data-testid={`option-name-${i}`}
                  {...form.getInputProps(`options.${i}.name`)}
                />
                <TextInput
                  label={t('fields.abbreviationShort')}
                  size="xs"
                  w={80}
                  maxLength={6}
                  data-testid={`option-abbreviation-${i}`}
                  {...form.getInputProps(`options.${i}.abbreviation`)}
                />
                <OrderButtons
                  name={label}
                  first={i === 0}
                  last={i === options.length - 1}
                  onMove={(step) => form.setFieldValue('options', moveItem(options, i, step))}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  onClick={() => form.removeListItem('options', i)}
                  aria-label={t('customFields.removeOption', { name: label })}
                  data-testid={`option-remove-${i}`}
                >
                  <IconX size={16} />
                </ActionIcon>
              </Group>
              <Group gap="sm" align="flex-end" wrap="nowrap">
                <div style={{ flex: 1 }}>
                  <ColorPairInputs
                    compact
                    testIdPrefix={`option-${i}`}
                    color={form.getInputProps(`options.${i}.color`)}
                    background={form.getInputProps(`options.${i}.background`)}
                  />
                </div>
                {/* A fixed width, so the colour inputs of every option line up. */}
                <Paper
                  radius="sm"
                  px="xs"
                  py={6}
                  w={96}
                  bg="var(--mantine-color-gray-1)"
                  aria-label={t('fields.preview')}
                  style={{ flexShrink: 0, display: 'flex', justifyContent: 'center' }}
                >
                  <ColorBadge
                    name={o.name.trim() || label}
                    abbreviation={o.abbreviation}
                    color={previewColor(o.color, '#1f2937')}
                    background={previewColor(o.background, '#e5e7eb')}
                    testId={`option-preview-${i}`}
                  />
                </Paper>
              </Group>
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
