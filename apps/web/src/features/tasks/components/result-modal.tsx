import { Group, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { BoardCard, Task } from '@spotter/contracts';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/form-modal.tsx';
import { EntryBadge } from '../../../components/status-badge.tsx';
import { showUndoToast } from '../../../components/undo-toast.tsx';
import { VersionConflictModal } from '../../../components/version-conflict.tsx';
import { isApiError } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { showFailure } from '../../../lib/feedback.ts';
import { useMe } from '../../auth/index.ts';
import {
  refreshAfterTaskWrite,
  undoResult,
  useEnterResult,
  type ResultAnswer,
} from '../api/tasks-api.ts';
import { useTaskTemplates } from '../api/task-settings-read-api.ts';
import { missingFields, toResultFields, type FieldValues } from '../lib/result-values.ts';
import { ResultChoice, ResultCommentInput } from './result-fields.tsx';

interface ResultFormValues {
  resultId: string | null;
  fields: FieldValues;
  comment: string;
}

const EMPTY: ResultFormValues = { resultId: null, fields: {}, comment: '' };

/**
 * The toast after a result: which next task the workflow created, and when it is due. With
 * `qc`, it offers "Undo" (issue 10): the task open again, the untouched next step gone.
 */
export function notifyResult(
  res: ResultAnswer,
  t: (key: string, o?: Record<string, string>) => string,
  timeZone: string,
  qc?: QueryClient,
) {
  const next = res.nextTask;
  const message = next
    ? t('result.doneNext', {
        template: next.template.name,
        due: formatDateTime(next.dueAt, timeZone),
      })
    : t('result.done');
  if (!qc) {
    notifications.show({ color: 'teal', title: t('result.doneTitle'), message });
    return;
  }
  showUndoToast({
    title: t('result.doneTitle'),
    message,
    undo: async () => {
      const undone = await undoResult(qc, res);
      return undone.keptNext
        ? t('result.undoneKept', { template: undone.keptNext.template.name })
        : t('result.undone');
    },
  });
}

/** Entering a task's result (T-4, T-5): the result, its extra fields, a comment. */
export function ResultModal(props: {
  opened: boolean;
  onClose: () => void;
  task: Task | BoardCard;
  onDone?: (res: ResultAnswer) => void;
}) {
  const { t } = useTranslation('tasks');
  const qc = useQueryClient();
  const timeZone = useMe().data?.organization.timezone ?? 'UTC';
  const templates = useTaskTemplates().data?.items ?? [];
  const enter = useEnterResult();
  const [conflict, setConflict] = useState<ResultFormValues | null>(null);
  /** The version the dialog was opened on: a live refresh must not hide someone's change. */
  const [baseVersion, setBaseVersion] = useState(props.task.version);
  const form = useForm<ResultFormValues>({ initialValues: EMPTY });
  const template = templates.find((tpl) => tpl.id === props.task.template.id);
  const results = template?.results ?? [];
  const chosen = results.find((r) => r.id === form.values.resultId);

  useEffect(() => {
    if (!props.opened) return;
    setBaseVersion(props.task.version);
    form.setValues(EMPTY);
    form.clearErrors();
    // Only when the dialog opens: the form object changes on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.opened, props.task.id]);

  const send = (values: ResultFormValues, withVersion: boolean) =>
    enter.mutate(
      {
        id: props.task.id,
        resultId: values.resultId,
        fields: toResultFields(chosen?.fields ?? [], values.fields),
        comment: values.comment.trim(),
        ...(withVersion ? { version: baseVersion } : {}),
      },
      {
        onSuccess: (res) => {
          notifyResult(res, t, timeZone, qc);
          props.onDone?.(res);
          props.onClose();
        },
        onError: (err) => {
          if (isApiError(err, 'version_conflict')) return setConflict(values);
          showFailure(err, (fields) => form.setErrors(fields));
        },
      },
    );

  const submit = form.onSubmit((values) => {
    const live = results.filter((r) => !r.archived);
    if (live.length > 0 && !values.resultId) {
      return form.setErrors({ resultId: t('validation.pickResult') });
    }
    const errors = missingFields(chosen?.fields ?? [], values.fields, {
      required: t('validation.required'),
      invalid: t('validation.number'),
    });
    if (Object.keys(errors).length > 0) return form.setErrors(errors);
    send(values, true);
  });

  const contactName = props.task.contact?.name;
  return (
    <>
      <FormModal
        opened={props.opened && conflict === null}
        title={t('result.title')}
        size="lg"
        loading={enter.isPending}
        saveTestId="result-save"
        submitLabel={t('result.save')}
        formTestId="result-form"
        onSubmit={submit}
        onClose={props.onClose}
      >
        <Group gap="xs">
          <EntryBadge entry={props.task.template} />
          {contactName && (
            <Text fw={600} size="sm">
              {contactName}
            </Text>
          )}
        </Group>
        <ResultChoice
          template={template}
          templates={templates}
          resultId={form.values.resultId}
          onResult={(id) => {
            form.setFieldValue('resultId', id);
            form.clearErrors();
          }}
          values={form.values.fields}
          onValue={(id, v) => {
            form.setFieldValue(`fields.${id}`, v);
            form.clearFieldError(`fields.${id}`);
          }}
          errors={form.errors}
          autoFocus
        />
        <ResultCommentInput
          data-autofocus={results.length === 0 || undefined}
          testId="result-comment"
          {...form.getInputProps('comment')}
        />
      </FormModal>
      <VersionConflictModal
        opened={conflict !== null}
        onClose={() => setConflict(null)}
        onReload={() => {
          setConflict(null);
          props.onClose();
          void refreshAfterTaskWrite(qc);
        }}
        onOverwrite={() => {
          const values = conflict;
          setConflict(null);
          if (values) send(values, false);
        }}
        labels={{
          title: t('conflict.title'),
          text: t('conflict.resultText'),
          reload: t('conflict.reload'),
          overwrite: t('conflict.resultOverwrite'),
        }}
      />
    </>
  );
}
