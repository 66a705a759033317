import type { SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { StaffSelect } from '../../../components/staff-select.tsx';
import { worksWithTasks } from '../lib/task-form-values.ts';
import { WallDateTimeInput, type PickerProps } from './zoned-date-time-input.tsx';

/**
 * Who a task goes to: active staff who work with tasks. Left empty, the template's default
 * assignee (or the creator) gets it.
 */
export function TaskAssigneeSelect(props: Omit<SelectProps, 'data'> & { testId: string }) {
  const { t } = useTranslation('tasks');
  return (
    <StaffSelect
      label={t('fields.assignee')}
      placeholder={t('form.assigneeDefault')}
      clearable
      eligible={worksWithTasks}
      {...props}
    />
  );
}

/** When a task is due, on the club's wall clock: the field names the club's zone. */
export function TaskDueInput({
  timeZone,
  ...props
}: Omit<PickerProps, 'label' | 'description'> & { timeZone: string }) {
  const { t } = useTranslation('tasks');
  return (
    <WallDateTimeInput
      label={t('fields.dueAt')}
      description={t('form.inClubZone', { zone: timeZone })}
      {...props}
    />
  );
}
