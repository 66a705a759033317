import { Alert, Select, Text, Textarea } from '@mantine/core';
import { DateInput, DatesProvider } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { ContactFilterInput } from '@spotter/contracts';
import { IconPhoneCall } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/form-modal.tsx';
import { isApiError } from '../../../lib/api.ts';
import { showFailure } from '../../../lib/feedback.ts';
import { useMe } from '../../auth/index.ts';
import { useCreateTask } from '../api/tasks-api.ts';
import { useTaskTemplates } from '../api/task-settings-read-api.ts';
import { zonedDay } from '../lib/zoned-time.ts';
import { TaskAssigneeSelect } from './task-fields.tsx';

/** A calendar date in the user's language (the form keeps YYYY-MM-DD). */
function formatDay(value: string, locale: string): string {
  const [y, m, d] = value.split('-').map(Number);
  if (!y || !m || !d) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

interface RoundValues {
  templateId: string | null;
  assigneeId: string | null;
  /** The club day (YYYY-MM-DD) the calls are for. */
  dueDate: string | null;
  comment: string;
}

/**
 * A call round (T-2) over the persons picked in a list, or everyone its filter matches: one
 * personal call per person, shown together with their progress.
 */
export function RoundModal(props: {
  opened: boolean;
  onClose: () => void;
  personIds?: string[];
  filter?: ContactFilterInput;
  /** How many persons the round will call (the selection, or the filtered list's total). */
  count: number;
}) {
  const { t, i18n } = useTranslation('tasks');
  const navigate = useNavigate();
  const me = useMe().data;
  const timeZone = me?.organization.timezone ?? 'UTC';
  const templates = (useTaskTemplates().data?.items ?? []).filter(
    (tpl) => tpl.type === 'round' && !tpl.archived,
  );
  const create = useCreateTask();
  const form = useForm<RoundValues>({
    initialValues: { templateId: null, assigneeId: null, dueDate: null, comment: '' },
  });

  const first = templates.find((tpl) => tpl.isDefault) ?? templates[0];
  // The club's today, whatever zone this device is in.
  const today = zonedDay(new Date(), timeZone);
  useEffect(() => {
    if (!props.opened) return;
    const values: RoundValues = {
      templateId: first?.id ?? null,
      assigneeId: first?.defaultAssigneeId ?? me?.user.id ?? null,
      dueDate: today,
      comment: first?.defaultComment ?? '',
    };
    form.setValues(values);
    form.clearErrors();
    // Only when the dialog opens (or the templates arrive): the form object changes every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.opened, first?.id]);

  // The server names the persons list as `personIds` or `filter`: not a field of this form.
  const personsError = form.errors.personIds ?? form.errors.filter;

  const submit = form.onSubmit((v) => {
    if (!v.templateId) return form.setErrors({ templateId: t('validation.required') });
    if (!v.dueDate) return form.setErrors({ dueDate: t('validation.required') });
    create.mutate(
      {
        templateId: v.templateId,
        assigneeId: v.assigneeId,
        comment: v.comment.trim(),
        dueDate: v.dueDate,
        ...(props.personIds ? { personIds: props.personIds } : { filter: props.filter ?? {} }),
      },
      {
        onSuccess: (round) => {
          notifications.show({
            color: 'teal',
            message: t('round.created', {
              count: props.count,
              n: new Intl.NumberFormat(i18n.language).format(props.count),
            }),
          });
          props.onClose();
          void navigate({ to: '/tasks/$taskId', params: { taskId: round.id } });
        },
        onError: (err) => {
          if (isApiError(err, 'no_call_template')) {
            return notifications.show({ color: 'red', message: t('round.noCallTemplate') });
          }
          showFailure(err, form.setErrors);
        },
      },
    );
  });

  return (
    <FormModal
      opened={props.opened}
      title={t('round.title')}
      loading={create.isPending}
      saveTestId="round-save"
      submitLabel={t('round.create')}
      submitDisabled={props.count === 0 || templates.length === 0}
      formTestId="round-form"
      onSubmit={submit}
      onClose={props.onClose}
    >
      <Alert
        color={personsError ? 'red' : 'blue'}
        icon={<IconPhoneCall size={18} />}
        data-testid="round-count"
      >
        {t('round.persons', {
          count: props.count,
          n: new Intl.NumberFormat(i18n.language).format(props.count),
        })}
        {personsError && (
          <Text size="sm" c="red" mt={4}>
            {personsError}
          </Text>
        )}
      </Alert>
      <Select
        label={t('fields.template')}
        required
        data={templates.map((tpl) => ({ value: tpl.id, label: tpl.name }))}
        error={form.errors.templateId ?? (templates.length === 0 ? t('round.noTemplate') : null)}
        data-autofocus
        comboboxProps={{ withinPortal: true }}
        data-testid="round-template"
        {...form.getInputProps('templateId')}
      />
      <TaskAssigneeSelect testId="round-assignee" {...form.getInputProps('assigneeId')} />
      <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
        <DateInput
          label={t('round.dueDate')}
          description={t('round.dueHint', { zone: timeZone })}
          required
          minDate={today}
          valueFormat={(v) => formatDay(v, i18n.language)}
          popoverProps={{ withinPortal: true }}
          data-testid="round-due"
          {...form.getInputProps('dueDate')}
        />
      </DatesProvider>
      <Textarea
        label={t('fields.comment')}
        autosize
        minRows={2}
        maxLength={4000}
        data-testid="round-comment"
        {...form.getInputProps('comment')}
      />
    </FormModal>
  );
}
