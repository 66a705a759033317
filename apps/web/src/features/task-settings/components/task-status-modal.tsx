import { Group, Paper, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { taskStatusCreateSchema, type TaskStatus } from '@spotter/contracts';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { ColorBadge } from '../../../components/status-badge.tsx';
import { ColorPairInputs, previewColor } from '../../crm/components/color-fields.tsx';
import type { SetErrors } from '../../crm/components/feedback.ts';
import { FormModal, useResetOnOpen } from '../../crm/components/form-modal.tsx';

const schema = taskStatusCreateSchema.pick({ name: true, color: true, background: true });

export type TaskStatusValues = { name: string; color: string; background: string };

const EMPTY: TaskStatusValues = { name: '', color: '#1f2937', background: '#e5e7eb' };

const valuesOf = (s: TaskStatus | null): TaskStatusValues =>
  s ? { name: s.name, color: s.color, background: s.background } : EMPTY;

/** Adding and editing a task status (T-6): its name and colours, with a live preview. */
export function TaskStatusModal(props: {
  opened: boolean;
  status: TaskStatus | null;
  loading: boolean;
  onSubmit: (values: TaskStatusValues, setErrors: SetErrors) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('taskSettings');
  const form = useForm<TaskStatusValues>({ initialValues: EMPTY, validate: zod4Resolver(schema) });
  useResetOnOpen(form, props.opened, props.status, valuesOf);
  const v = form.values;
  return (
    <FormModal
      opened={props.opened}
      title={t(props.status ? 'statuses.edit' : 'statuses.add')}
      loading={props.loading}
      saveTestId="task-status-save"
      onSubmit={form.onSubmit((values) => props.onSubmit(values, form.setErrors))}
      onClose={props.onClose}
    >
      <TextInput
        label={t('fields.name')}
        required
        data-autofocus
        data-testid="task-status-name"
        {...form.getInputProps('name')}
      />
      <ColorPairInputs
        testIdPrefix="task-status"
        color={form.getInputProps('color')}
        background={form.getInputProps('background')}
      />
      <Paper withBorder radius="md" p="sm" bg="var(--mantine-color-gray-0)">
        <Group gap="sm">
          <Text size="xs" c="dimmed">
            {t('fields.preview')}
          </Text>
          <ColorBadge
            name={v.name.trim() || t('statuses.previewName')}
            color={previewColor(v.color, EMPTY.color)}
            background={previewColor(v.background, EMPTY.background)}
          />
        </Group>
      </Paper>
    </FormModal>
  );
}
