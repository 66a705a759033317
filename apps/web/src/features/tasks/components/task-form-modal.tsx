import { Checkbox, Select, SimpleGrid, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { Task, TaskTemplate, TaskType } from '@spotter/contracts';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/form-modal.tsx';
import {
  useVersionConflict,
  VersionConflictDialog,
} from '../../../components/version-conflict.tsx';
import { isApiError } from '../../../lib/api.ts';
import { showFailure } from '../../../lib/feedback.ts';
import { useMe } from '../../auth/index.ts';
import { useCreateTask, useTask, useUpdateTask } from '../api/tasks-api.ts';
import { useTaskStatuses, useTaskTemplates } from '../api/task-settings-read-api.ts';
import {
  applyTemplateDefaults,
  EMPTY_TASK_VALUES,
  needsContact,
  pickableTemplates,
  toCreateBody,
  toUpdateBody,
  valuesOfTask,
  type TaskFormValues,
} from '../lib/task-form-values.ts';
import { ContactPicker, type PickedContact } from './contact-picker.tsx';
import { useTemplateOptions } from './template-options.ts';
import { TaskAssigneeSelect, TaskDueInput } from './task-fields.tsx';
import { WallDateTimeInput } from './zoned-date-time-input.tsx';

export interface TaskPreset {
  contactId?: string;
  contactName?: string;
  contactKind?: 'person' | 'company';
  type?: TaskType;
}

const defaultOf = (templates: TaskTemplate[], type: TaskType | undefined) =>
  type
    ? (templates.find((tpl) => tpl.type === type && tpl.isDefault && !tpl.archived) ??
      templates.find((tpl) => tpl.type === type && !tpl.archived))
    : undefined;

/** New task or edit task (T-9): template, client, assignee, due and reminder, status, comment. */
export function TaskFormModal(props: {
  opened: boolean;
  onClose: () => void;
  task?: Task;
  preset?: TaskPreset;
  onSaved?: (task: Task) => void;
}) {
  const { t } = useTranslation('tasks');
  const me = useMe().data;
  const timeZone = me?.organization.timezone ?? 'UTC';
  const templates = useTaskTemplates().data?.items;
  const statuses = useTaskStatuses().data?.items ?? [];
  const create = useCreateTask();
  const update = useUpdateTask();
  const latest = useTask(props.opened && props.task ? props.task.id : null);
  const [contact, setContact] = useState<PickedContact | null>(null);
  /**
   * The version the form's values came from. Live updates refresh the task underneath an open
   * dialog; saving with their newer version would silently drop a colleague's change.
   */
  const [baseVersion, setBaseVersion] = useState(0);
  const editing = props.task;

  const form = useForm<TaskFormValues>({ initialValues: EMPTY_TASK_VALUES });
  const byId = useMemo(() => new Map((templates ?? []).map((tpl) => [tpl.id, tpl])), [templates]);
  const template = form.values.templateId ? byId.get(form.values.templateId) : undefined;
  const type = template?.type ?? editing?.type;
  const templateOptions = useTemplateOptions(pickableTemplates(templates ?? [], editing));

  // Fill the form each time the dialog opens, once the templates are known.
  const ready = templates !== undefined;
  useEffect(() => {
    if (!props.opened || !ready) return;
    let initial: TaskFormValues;
    if (editing) {
      initial = valuesOfTask(editing, timeZone);
      setBaseVersion(editing.version);
      setContact(
        editing.contact
          ? { id: editing.contact.id, kind: editing.contact.kind, name: editing.contact.name }
          : null,
      );
    } else {
      const preset = props.preset;
      initial = { ...EMPTY_TASK_VALUES, contactId: preset?.contactId ?? null };
      const tpl = defaultOf(templates ?? [], preset?.type);
      if (tpl) initial = applyTemplateDefaults(initial, tpl, undefined, new Date(), timeZone);
      setContact(
        preset?.contactId
          ? {
              id: preset.contactId,
              kind: preset.contactKind ?? 'person',
              name: preset.contactName ?? '',
            }
          : null,
      );
    }
    form.setValues(initial);
    form.resetDirty(initial);
    form.clearErrors();
    // Only when the dialog opens (not when a live update brings a newer copy of the task).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.opened, ready, editing?.id]);

  const fail = (err: unknown) => showFailure(err, form.setErrors);
  const done = (task: Task) => {
    notifications.show({ color: 'teal', message: t(editing ? 'form.saved' : 'form.created') });
    props.onSaved?.(task);
    props.onClose();
  };
  const saveEdit = (values: TaskFormValues, version: number, force = false) => {
    if (!editing) return;
    update.mutate(
      { id: editing.id, ...toUpdateBody(values, type, timeZone), version, force },
      {
        onSuccess: done,
        onError: (err) =>
          isApiError(err, 'version_conflict') ? conflict.onConflict(values) : fail(err),
      },
    );
  };
  const conflict = useVersionConflict<TaskFormValues, Task>({
    refetch: () => latest.refetch(),
    reset: (task) => {
      form.setValues(valuesOfTask(task, timeZone));
      setBaseVersion(task.version);
    },
    save: (values, version) => saveEdit(values, version, true),
  });

  const submit = form.onSubmit((values) => {
    const errors: Record<string, string> = {};
    if (!values.templateId) errors.templateId = t('validation.required');
    if (needsContact(type) && !values.contactId) errors.contactId = t('validation.contact');
    if (values.dueAt && values.remindAt && values.remindAt > values.dueAt) {
      errors.remindAt = t('validation.remindAfterDue');
    }
    if (Object.keys(errors).length > 0) return form.setErrors(errors);
    if (editing) saveEdit(values, baseVersion);
    else create.mutate(toCreateBody(values, type, timeZone), { onSuccess: done, onError: fail });
  });

  const pickTemplate = (id: string | null) => {
    const tpl = id ? byId.get(id) : undefined;
    if (!tpl) return form.setFieldValue('templateId', null);
    // Editing keeps what was planned; a new task takes the template's defaults.
    if (editing) form.setFieldValue('templateId', tpl.id);
    else form.setValues(applyTemplateDefaults(form.values, tpl, template, new Date(), timeZone));
  };
  const statusOptions = statuses
    .filter((s) => !s.archived || s.id === form.values.statusId)
    .map((s) => ({ value: s.id, label: s.name }));

  return (
    <>
      <FormModal
        opened={props.opened && conflict.conflict === null}
        title={editing ? t('form.editTitle') : t('form.newTitle')}
        size="lg"
        loading={create.isPending || update.isPending}
        saveTestId="task-save"
        submitLabel={editing ? t('common:actions.save') : t('form.create')}
        formTestId="task-form"
        onSubmit={submit}
        onClose={props.onClose}
      >
        <Select
          label={t('fields.template')}
          required
          searchable
          // A required choice: clicking the picked template again must not clear it.
          allowDeselect={false}
          data={templateOptions}
          value={form.values.templateId}
          onChange={pickTemplate}
          error={form.errors.templateId}
          data-autofocus
          comboboxProps={{ withinPortal: true }}
          data-testid="task-template"
        />
        {needsContact(type) && (
          <ContactPicker
            label={t('fields.contact')}
            required
            value={contact}
            onChange={(c) => {
              setContact(c);
              form.setFieldValue('contactId', c?.id ?? null);
            }}
            error={form.errors.contactId}
            testId="task-contact"
          />
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TaskAssigneeSelect testId="task-assignee" {...form.getInputProps('assigneeId')} />
          <Select
            label={t('fields.status')}
            placeholder={t('form.noStatus')}
            clearable
            data={statusOptions}
            comboboxProps={{ withinPortal: true }}
            data-testid="task-status"
            {...form.getInputProps('statusId')}
          />
          <TaskDueInput timeZone={timeZone} testId="task-due" {...form.getInputProps('dueAt')} />
          <WallDateTimeInput
            label={t('fields.remindAt')}
            description={t('form.remindHint')}
            testId="task-remind"
            {...form.getInputProps('remindAt')}
          />
        </SimpleGrid>
        <Textarea
          label={t('fields.comment')}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={4000}
          data-testid="task-comment"
          {...form.getInputProps('comment')}
        />
        {type === 'internal' && (
          <Checkbox
            label={t('fields.private')}
            description={t('form.privateHint')}
            data-testid="task-private"
            {...form.getInputProps('private', { type: 'checkbox' })}
          />
        )}
      </FormModal>
      <VersionConflictDialog state={conflict} ns="tasks" />
    </>
  );
}
