import {
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { TASK_TYPES, taskTypeSchema, type TaskTemplate, type TaskType } from '@spotter/contracts';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { ColorBadge } from '../../../components/status-badge.tsx';
import { ColorPairInputs, previewColor } from '../../crm/components/color-fields.tsx';
import type { SetErrors } from '../../crm/components/feedback.ts';
import { FormModal, useResetOnOpen } from '../../crm/components/form-modal.tsx';
import { OFFSET_UNITS } from './due-offset.ts';
import { StaffSelect } from './staff-select.tsx';
import { templateFormSchema, valuesOfTemplate, type TemplateValues } from './template-form.ts';

/** What the dialog edits: an existing template, or a new one of a type. */
export type TemplateTarget = { template: TaskTemplate } | { type: TaskType };

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
  const form = useForm<TemplateValues>({
    initialValues: valuesOfTemplate(null),
    validate: zod4Resolver(templateFormSchema),
  });
  const { target } = props;
  useResetOnOpen<TemplateValues, TemplateTarget | null>(form, target !== null, target, (tg) =>
    tg && 'template' in tg ? valuesOfTemplate(tg.template) : valuesOfTemplate(null, tg?.type),
  );
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
      <ColorPairInputs
        testIdPrefix="template"
        color={form.getInputProps('color')}
        background={form.getInputProps('background')}
      />
      <Paper withBorder radius="md" p="sm" bg="var(--mantine-color-gray-0)">
        <Group gap="sm">
          <Text size="xs" c="dimmed">
            {t('fields.preview')}
          </Text>
          <ColorBadge
            name={v.name.trim() || t('templates.previewName')}
            color={previewColor(v.color, '#1f2937')}
            background={previewColor(v.background, '#e5e7eb')}
            testId="template-preview"
          />
        </Group>
      </Paper>
    </FormModal>
  );
}
