import { Select } from '@mantine/core';
import { CUSTOM_FIELD_TYPES, customFieldTypeSchema, type CustomField } from '@spotter/contracts';
import { useTranslation } from 'react-i18next';
import {
  customFieldFormSchema,
  newOption,
  valuesOfField,
  type CustomFieldValues,
} from './custom-field-form.ts';
import { DropdownOptionsEditor } from './dropdown-options-editor.tsx';
import type { SetErrors } from '../../../lib/feedback.ts';
import { NamedFormModal, useDialogForm } from '../../../components/form-modal.tsx';

/** Adding or editing a custom field; its type is fixed once created (values may exist). */
export function CustomFieldModal(props: {
  opened: boolean;
  field: CustomField | null;
  currency: string;
  loading: boolean;
  onSubmit: (values: CustomFieldValues, setErrors: SetErrors) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('crm');
  const form = useDialogForm({
    opened: props.opened,
    source: props.field,
    values: valuesOfField,
    schema: customFieldFormSchema,
  });

  const editing = props.field !== null;
  const type = form.values.type;
  const typeHint =
    type === 'money'
      ? t('customFields.moneyHint', { currency: props.currency })
      : editing
        ? t('customFields.typeFixed')
        : undefined;

  return (
    <NamedFormModal
      form={form}
      opened={props.opened}
      title={t(editing ? 'customFields.edit' : 'customFields.add')}
      size="lg"
      loading={props.loading}
      nameLabel={t('fields.name')}
      testIdPrefix="custom-field"
      onSubmit={props.onSubmit}
      onClose={props.onClose}
    >
      <Select
        label={t('fields.type')}
        description={typeHint}
        data={CUSTOM_FIELD_TYPES.map((value) => ({
          value,
          label: t(`customFields.types.${value}`),
        }))}
        allowDeselect={false}
        disabled={editing}
        comboboxProps={{ withinPortal: true }}
        data-testid="custom-field-type"
        {...form.getInputProps('type')}
        onChange={(v) => {
          const parsed = customFieldTypeSchema.safeParse(v);
          if (!parsed.success) return;
          form.setFieldValue('type', parsed.data);
          if (parsed.data === 'dropdown' && form.values.options.length === 0) {
            form.setFieldValue('options', [newOption()]);
          }
        }}
      />
      {type === 'dropdown' && <DropdownOptionsEditor form={form} />}
    </NamedFormModal>
  );
}
