import { NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { TASK_TYPES, taskTypeSchema, type TaskTemplate, type TaskType } from '@spotter/contracts';
import { useTranslation } from 'react-i18next';
import { FormModal, useDialogForm } from '../../../components/form-modal.tsx';
import type { SetErrors } from '../../../lib/feedback.ts';
import { ColorPreviewFields } from './color-preview-fields.tsx';
import { OFFSET_UNITS } from './due-offset.ts';
import { StaffSelect } from '../../../components/staff-select.tsx';
import { templateFormSchema, valuesOfTemplate, type TemplateValues } from './template-form.ts';

/** What the dialog edits: an existing template, or a new one of a type. */
export type TemplateTarget = { template: TaskTemplate } | { type: TaskType };

const valuesOfTarget = (target: TemplateTarget | null) =>
  target && 'template' in target
    ? valuesOfTemplate(target.template)
    : valuesOfTemplate(null, target?.type);

/**
 * Adding or editing a task template (T-3): its type (fixed once created: tasks and results
 * depend on it), name, the defaults a new task gets, and its colours.
 */
export function TemplateModal(props: {
  target: TemplateTarget | null;
  /** Call templates a round can hand its calls. */
  callTemplates: TaskTemplate[];
  loading: boolean;
  onSubmit: (values: TemplateValues, setErrors: SetErrors) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('taskSettings');
  const { target } = props;
  const form = useDialogForm({
    opened: target !== null,
    source: target,
    values: valuesOfTarget,
    schema: templateFormSchema,
  });
  const editing = target !== null && 'template' in target;
  const v = form.values;

  return (
    <FormModal
      opened={target !== null}
      title={t(editing ? 'templates.edit' : 'templates.add')}
      size="lg"
      loading={props.loading}
      saveTestId="template-save"
      onSubmit={form.onSubmit((values) => props.onSubmit(values, form.setErrors))}
      onClose={props.onClose}
    >
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Select
          label={t('fields.type')}
          description={editing ? t('templates.typeFixed') : undefined}
          data={TASK_TYPES.map((type) => ({ value: type, label: t(`types.${type}`) }))}
          allowDeselect={false}
          disabled={editing}
          comboboxProps={{ withinPortal: true }}
          data-testid="template-type"
          {...form.getInputProps('type')}
          onChange={(value) => {
            const parsed = taskTypeSchema.safeParse(value);
            if (parsed.success) form.setFieldValue('type', parsed.data);
          }}
        />
        <TextInput
          label={t('fields.name')}
          required
          data-autofocus
          data-testid="template-name"
          {...form.getInputProps('name')}
        />
      </SimpleGrid>
      <Textarea
        label={t('fields.defaultComment')}
        description={t('templates.defaultCommentHint')}
        autosize
        minRows={2}
        maxRows={6}
        data-testid="template-comment"
        {...form.getInputProps('defaultComment')}
      />
      <StaffSelect
        label={t('fields.defaultAssignee')}
        placeholder={t('templates.assigneeCreator')}
        clearable
        testId="template-assignee"
        {...form.getInputProps('defaultAssigneeId')}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Select
          label={t('fields.dueOffset')}
          data={[
            { value: 'none', label: t('templates.dueNone') },
            ...OFFSET_UNITS.map((u) => ({ value: u, label: t(`templates.dueAfter.${u}`) })),
          ]}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          data-testid="template-due-unit"
          {...form.getInputProps('dueUnit')}
        />
        {v.dueUnit !== 'none' && (
          <NumberInput
            label={t('fields.amount')}
            min={0}
            allowNegative={false}
            allowDecimal={false}
            data-testid="template-due-amount"
            {...form.getInputProps('dueAmount')}
          />
        )}
      </SimpleGrid>
      {v.type === 'round' && (
        <Select
          label={t('fields.callTemplate')}
          description={t('templates.callTemplateHint')}
          placeholder={t('templates.callTemplateDefault')}
          data={props.callTemplates
            .filter((c) => !c.archived || c.id === v.callTemplateId)
            .map((c) => ({ value: c.id, label: c.name }))}
          clearable
          comboboxProps={{ withinPortal: true }}
          data-testid="template-call-template"
          {...form.getInputProps('callTemplateId')}
        />
      )}
      <ColorPreviewFields
        form={form}
        testIdPrefix="template"
        placeholderName={t('templates.previewName')}
        previewTestId="template-preview"
      />
    </FormModal>
  );
}
