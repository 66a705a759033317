import { TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Dictionary } from '@spotter/contracts';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import type { SetErrors } from '../../crm/components/feedback.ts';
import { FormModal, useResetOnOpen } from '../../crm/components/form-modal.tsx';
import {
  dictionaryFormSchema,
  valuesOfDictionary,
  type DictionaryValues,
} from './dictionary-form.ts';
import { DictionaryOptionsEditor } from './dictionary-options-editor.tsx';

/** Adding or editing a dictionary (T-4): its name and the options a choice field offers. */
export function DictionaryModal(props: {
  opened: boolean;
  dictionary: Dictionary | null;
  loading: boolean;
  onSubmit: (values: DictionaryValues, setErrors: SetErrors) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('taskSettings');
  const form = useForm<DictionaryValues>({
    initialValues: valuesOfDictionary(null),
    validate: zod4Resolver(dictionaryFormSchema),
  });
  useResetOnOpen(form, props.opened, props.dictionary, valuesOfDictionary);
  return (
    <FormModal
      opened={props.opened}
      title={t(props.dictionary ? 'dictionaries.edit' : 'dictionaries.add')}
      size="lg"
      loading={props.loading}
      saveTestId="dictionary-save"
      onSubmit={form.onSubmit((values) => props.onSubmit(values, form.setErrors))}
      onClose={props.onClose}
    >
      <TextInput
        label={t('fields.name')}
        required
        data-autofocus
        data-testid="dictionary-name"
        {...form.getInputProps('name')}
      />
      <DictionaryOptionsEditor form={form} />
    </FormModal>
  );
}
