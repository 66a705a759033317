import { Group, Paper, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Dictionary, TaskResult, TaskTemplate } from '@spotter/contracts';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { ColorBadge } from '../../../components/status-badge.tsx';
import { ColorPairInputs, previewColor } from '../../crm/components/color-fields.tsx';
import type { SetErrors } from '../../crm/components/feedback.ts';
import { FormModal, useResetOnOpen } from '../../crm/components/form-modal.tsx';
import { ResultFieldsEditor } from './result-fields-editor.tsx';
import { resultFormSchema, valuesOfResult, type ResultValues } from './result-form.ts';
import { WorkflowEditor } from './workflow-editor.tsx';

/** Adding or editing one result of a template: colours, extra fields and the next step. */
export function ResultModal(props: {
  opened: boolean;
  result: TaskResult | null;
  templateName: string;
  templates: TaskTemplate[];
  dictionaries: Dictionary[];
  timezone: string;
  loading: boolean;
  onSubmit: (values: ResultValues, setErrors: SetErrors) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('taskSettings');
  const form = useForm<ResultValues>({
    initialValues: valuesOfResult(null),
    validate: zod4Resolver(resultFormSchema),
  });
  useResetOnOpen(form, props.opened, props.result, valuesOfResult);
  const v = form.values;

  return (
    <FormModal
      opened={props.opened}
      title={t(props.result ? 'results.edit' : 'results.add', { template: props.templateName })}
      size="lg"
      loading={props.loading}
      saveTestId="result-save"
      onSubmit={form.onSubmit((values) => props.onSubmit(values, form.setErrors))}
      onClose={props.onClose}
    >
      <TextInput
        label={t('fields.name')}
        required
        data-autofocus
        data-testid="result-name"
        {...form.getInputProps('name')}
      />
      <ColorPairInputs
        testIdPrefix="result"
        color={form.getInputProps('color')}
        background={form.getInputProps('background')}
      />
      <Paper withBorder radius="md" p="sm" bg="var(--mantine-color-gray-0)">
        <Group gap="sm">
          <Text size="xs" c="dimmed">
            {t('fields.preview')}
          </Text>
          <ColorBadge
            name={v.name.trim() || t('results.previewName')}
            color={previewColor(v.color, '#1f2937')}
            background={previewColor(v.background, '#e5e7eb')}
          />
        </Group>
      </Paper>
      <ResultFieldsEditor form={form} dictionaries={props.dictionaries} />
      <WorkflowEditor form={form} templates={props.templates} timezone={props.timezone} />
    </FormModal>
  );
}
