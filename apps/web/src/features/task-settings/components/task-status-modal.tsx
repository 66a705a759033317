import { taskStatusCreateSchema, type TaskStatus } from '@spotter/contracts';
import { useTranslation } from 'react-i18next';
import { NamedFormModal, useDialogForm } from '../../../components/form-modal.tsx';
import type { SetErrors } from '../../../lib/feedback.ts';
import { ColorPreviewFields, DEFAULT_COLORS } from './color-preview-fields.tsx';

const schema = taskStatusCreateSchema.pick({ name: true, color: true, background: true });

export type TaskStatusValues = { name: string; color: string; background: string };

const valuesOf = (s: TaskStatus | null): TaskStatusValues =>
  s ? { name: s.name, color: s.color, background: s.background } : { name: '', ...DEFAULT_COLORS };

/** Adding and editing a task status (T-6): its name and colours, with a live preview. */
export function TaskStatusModal(props: {
  opened: boolean;
  status: TaskStatus | null;
  loading: boolean;
  onSubmit: (values: TaskStatusValues, setErrors: SetErrors) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('taskSettings');
  const form = useDialogForm({
    opened: props.opened,
    source: props.status,
    values: valuesOf,
    schema,
  });
  return (
    <NamedFormModal
      form={form}
      opened={props.opened}
      title={t(props.status ? 'statuses.edit' : 'statuses.add')}
      loading={props.loading}
      nameLabel={t('fields.name')}
      testIdPrefix="task-status"
      onSubmit={props.onSubmit}
      onClose={props.onClose}
    >
      <ColorPreviewFields
        form={form}
        testIdPrefix="task-status"
        placeholderName={t('statuses.previewName')}
      />
    </NamedFormModal>
  );
}
