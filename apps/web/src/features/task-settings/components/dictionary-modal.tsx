import type { Dictionary } from '@spotter/contracts';
import { useTranslation } from 'react-i18next';
import { NamedFormModal, useDialogForm } from '../../../components/form-modal.tsx';
import type { SetErrors } from '../../../lib/feedback.ts';
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
  const form = useDialogForm({
    opened: props.opened,
    source: props.dictionary,
    values: valuesOfDictionary,
    schema: dictionaryFormSchema,
  });
  return (
    <NamedFormModal
      form={form}
      opened={props.opened}
      title={t(props.dictionary ? 'dictionaries.edit' : 'dictionaries.add')}
      size="lg"
      loading={props.loading}
      nameLabel={t('fields.name')}
      testIdPrefix="dictionary"
      onSubmit={props.onSubmit}
      onClose={props.onClose}
    >
      <DictionaryOptionsEditor form={form} />
    </NamedFormModal>
  );
}
