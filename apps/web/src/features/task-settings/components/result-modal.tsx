import { Select } from '@mantine/core';
import {
  DEAL_OUTCOMES,
  type Dictionary,
  type TaskResult,
  type TaskTemplate,
} from '@spotter/contracts';
import { useTranslation } from 'react-i18next';
import { NamedFormModal, useDialogForm } from '../../../components/form-modal.tsx';
import type { SetErrors } from '../../../lib/feedback.ts';
import { ColorPreviewFields } from './color-preview-fields.tsx';
import { ResultFieldsEditor } from './result-fields-editor.tsx';
import { resultFormSchema, valuesOfResult, type ResultValues } from './result-form.ts';
import { WorkflowEditor, type Workday } from './workflow-editor.tsx';

/** Adding or editing one result of a template: colours, extra fields and the next step. */
export function ResultModal(props: {
  opened: boolean;
  result: TaskResult | null;
  templateName: string;
  templates: TaskTemplate[];
  dictionaries: Dictionary[];
  timezone: string;
  workday: Workday;
  loading: boolean;
  onSubmit: (values: ResultValues, setErrors: SetErrors) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('taskSettings');
  const form = useDialogForm({
    opened: props.opened,
    source: props.result,
    values: valuesOfResult,
    schema: resultFormSchema,
  });
  return (
    <NamedFormModal
      form={form}
      opened={props.opened}
      title={t(props.result ? 'results.edit' : 'results.add', { template: props.templateName })}
      size="lg"
      loading={props.loading}
      nameLabel={t('fields.name')}
      testIdPrefix="result"
      onSubmit={props.onSubmit}
      onClose={props.onClose}
    >
      <ColorPreviewFields
        form={form}
        testIdPrefix="result"
        placeholderName={t('results.previewName')}
      />
      <ResultFieldsEditor form={form} dictionaries={props.dictionaries} />
      <WorkflowEditor
        form={form}
        templates={props.templates}
        timezone={props.timezone}
        workday={props.workday}
      />
      <Select
        label={t('results.dealOutcome')}
        description={t('results.dealOutcomeHint')}
        data={[
          { value: 'none', label: t('results.dealOutcomes.none') },
          ...DEAL_OUTCOMES.map((o) => ({ value: o, label: t(`results.dealOutcomes.${o}`) })),
        ]}
        value={form.values.dealOutcome ?? 'none'}
        onChange={(v) =>
          form.setFieldValue('dealOutcome', v === 'won' || v === 'next_stage' ? v : null)
        }
        allowDeselect={false}
        data-testid="result-deal-outcome"
      />
    </NamedFormModal>
  );
}
