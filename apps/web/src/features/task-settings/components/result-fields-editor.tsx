import { ActionIcon, Checkbox, Group, Paper, Select, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { RESULT_FIELD_TYPES, resultFieldTypeSchema, type Dictionary } from '@spotter/contracts';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ListEditorHeader } from '../../../components/list-editor-header.tsx';
import { moveItem } from '../../../lib/reorder.ts';
import { OrderButtons } from '../../../components/settings/order-buttons.tsx';
import { newField, type ResultValues } from './result-form.ts';

/**
 * The extra fields a result asks for (T-4): a label, its type, whether it must be filled, and
 * for a choice the dictionary it picks from. Removing a field keeps values already entered on
 * completed tasks; they are just no longer asked for.
 */
export function ResultFieldsEditor(props: {
  form: UseFormReturnType<ResultValues>;
  dictionaries: Dictionary[];
}) {
  const { t } = useTranslation('taskSettings');
  const { form } = props;
  const fields = form.values.fields;
  return (
    <Stack gap="xs">
      <ListEditorHeader
        title={t('results.fields')}
        hint={t('results.fieldsHint')}
        addLabel={t('results.addField')}
        addTestId="field-add"
        onAdd={() => form.insertListItem('fields', newField())}
      />
      {fields.map((f, i) => {
        const label = f.label.trim() || t('results.fieldNumber', { number: i + 1 });
        const dictionaries = props.dictionaries
          .filter((d) => !d.archived || d.id === f.dictionaryId)
          .map((d) => ({ value: d.id, label: d.name }));
        return (
          <Paper key={f.key} withBorder radius="md" p="sm" data-testid={`field-${i}`}>
            <Stack gap="xs">
              <Group gap="xs" align="flex-end" wrap="nowrap">
                <TextInput
                  label={t('fields.label')}
                  required
                  size="xs"
                  style={{ flex: 1 }}
                  data-testid={`field-label-${i}`}
                  {...form.getInputProps(`fields.${i}.label`)}
                />
                <Select
                  label={t('fields.type')}
                  size="xs"
                  w={130}
                  data={RESULT_FIELD_TYPES.map((value) => ({
                    value,
                    label: t(`fieldTypes.${value}`),
                  }))}
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                  data-testid={`field-type-${i}`}
                  {...form.getInputProps(`fields.${i}.type`)}
                  onChange={(v) => {
                    const parsed = resultFieldTypeSchema.safeParse(v);
                    if (parsed.success) form.setFieldValue(`fields.${i}.type`, parsed.data);
                  }}
                />
                <OrderButtons
                  name={label}
                  first={i === 0}
                  last={i === fields.length - 1}
                  onMove={(step) => form.setFieldValue('fields', moveItem(fields, i, step))}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  onClick={() => form.removeListItem('fields', i)}
                  aria-label={t('results.removeField', { name: label })}
                  data-testid={`field-remove-${i}`}
                >
                  <IconX size={16} />
                </ActionIcon>
              </Group>
              <Group gap="md" align="flex-end">
                <Checkbox
                  label={t('fields.required')}
                  size="xs"
                  data-testid={`field-required-${i}`}
                  {...form.getInputProps(`fields.${i}.required`, { type: 'checkbox' })}
                />
                {f.type === 'choice' && (
                  <Select
                    label={t('fields.dictionary')}
                    placeholder={
                      dictionaries.length === 0 ? t('results.noDictionaries') : undefined
                    }
                    size="xs"
                    required
                    style={{ flex: 1 }}
                    data={dictionaries}
                    comboboxProps={{ withinPortal: true }}
                    data-testid={`field-dictionary-${i}`}
                    {...form.getInputProps(`fields.${i}.dictionaryId`)}
                  />
                )}
              </Group>
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
