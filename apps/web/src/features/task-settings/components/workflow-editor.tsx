import { Group, NumberInput, Paper, Select, Stack, Switch, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { DUE_OFFSET_UNITS, NEXT_ASSIGNEES, type TaskTemplate } from '@spotter/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { StaffSelect } from '../../../components/staff-select.tsx';
import { formatClock } from '../../../lib/format.ts';
import type { DueOffsetUnit, NextAssignee, ResultValues } from './result-form.ts';

/** The club's working day (CRM settings), "HH:MM" on its clock; no end: nothing is moved. */
export interface Workday {
  start: string;
  end: string | null;
}

/** The "counted from" choice that is not a field. */
const ENTERED = 'entered';

const isUnit = (v: string | null): v is DueOffsetUnit =>
  (DUE_OFFSET_UNITS as readonly (string | null)[]).includes(v);
const isAssignee = (v: string | null): v is NextAssignee =>
  (NEXT_ASSIGNEES as readonly (string | null)[]).includes(v);

/** What the due time of the chosen unit means in this club (its working day, its zone). */
function whenHint(
  t: TFunction<'taskSettings'>,
  unit: DueOffsetUnit,
  workday: Workday,
  timezone: string,
): string | null {
  const time = formatClock(workday.start);
  if (unit === 'days') return t('results.daysHint', { time, timezone });
  if (workday.end === null) return null;
  return t('results.clampHint', { start: time, end: formatClock(workday.end) });
}

/**
 * The workflow (T-5): entering this result creates the next task from a template, due after
 * an offset counted from the moment the result is entered (or from a date the result asks
 * for), for the right staff member. Days land at the start of the club's working day.
 */
export function WorkflowEditor(props: {
  form: UseFormReturnType<ResultValues>;
  /** Templates a next step may use: active, and not call rounds. */
  templates: TaskTemplate[];
  timezone: string;
  workday: Workday;
}) {
  const { t } = useTranslation('taskSettings');
  const { form } = props;
  const { hasNext, next, fields } = form.values;
  const dateFields = fields.flatMap((f, i) =>
    f.type === 'date'
      ? [{ value: f.key, label: f.label.trim() || t('results.fieldNumber', { number: i + 1 }) }]
      : [],
  );
  const hint =
    next.offset.unit === 'next_working_day'
      ? null
      : whenHint(t, next.offset.unit, props.workday, props.timezone);
  const fromError =
    form.errors['next.fromFieldKey'] ??
    form.errors['next.fromFieldId'] ??
    form.errors['next.fromFieldIndex'];
  return (
    <Paper withBorder radius="md" p="sm">
      <Stack gap="sm">
        <Switch
          label={t('results.hasNext')}
          description={t('results.hasNextHint')}
          data-testid="next-toggle"
          {...form.getInputProps('hasNext', { type: 'checkbox' })}
        />
        {hasNext && (
          <>
            <Select
              label={t('results.nextTemplate')}
              required
              data={props.templates
                .filter((x) => x.type !== 'round' && (!x.archived || x.id === next.templateId))
                .map((x) => ({ value: x.id, label: x.name }))}
              searchable
              comboboxProps={{ withinPortal: true }}
              data-testid="next-template"
              {...form.getInputProps('next.templateId')}
            />
            <Group gap="sm" align="flex-start" grow>
              <Select
                label={t('results.nextWhen')}
                data={DUE_OFFSET_UNITS.map((u) => ({ value: u, label: t(`results.units.${u}`) }))}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
                data-testid="next-unit"
                {...form.getInputProps('next.offset.unit')}
                onChange={(v) => isUnit(v) && form.setFieldValue('next.offset.unit', v)}
              />
              {next.offset.unit === 'next_working_day' ? (
                <Text size="xs" c="dimmed" pt={28}>
                  {t('results.nextWorkingDayHint', {
                    time: formatClock(props.workday.start),
                    timezone: props.timezone,
                  })}
                </Text>
              ) : (
                <NumberInput
                  label={t('fields.amount')}
                  min={0}
                  max={1000}
                  allowNegative={false}
                  allowDecimal={false}
                  data-testid="next-amount"
                  {...form.getInputProps('next.offset.amount')}
                />
              )}
            </Group>
            {hint && (
              <Text size="xs" c="dimmed" mt={-6} data-testid="next-when-hint">
                {hint}
              </Text>
            )}
            {(dateFields.length > 0 || next.fromFieldKey !== null) && (
              <Select
                label={t('results.fromLabel')}
                description={next.fromFieldKey !== null ? t('results.fromFieldHint') : undefined}
                data={[
                  { value: ENTERED, label: t('results.fromEntered') },
                  ...dateFields.map((f) => ({
                    value: f.value,
                    label: t('results.fromField', { field: f.label }),
                  })),
                ]}
                value={next.fromFieldKey ?? ENTERED}
                onChange={(v) =>
                  form.setFieldValue('next.fromFieldKey', !v || v === ENTERED ? null : v)
                }
                error={fromError}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
                data-testid="next-from"
              />
            )}
            <Group gap="sm" align="flex-start" grow>
              <Select
                label={t('results.assignToLabel')}
                data={NEXT_ASSIGNEES.map((a) => ({
                  value: a,
                  label: t(`results.assignToOption.${a}`),
                }))}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
                data-testid="next-assign-to"
                {...form.getInputProps('next.assignTo')}
                onChange={(v) => isAssignee(v) && form.setFieldValue('next.assignTo', v)}
              />
              {next.assignTo === 'user' && (
                <StaffSelect
                  label={t('results.nextUser')}
                  required
                  testId="next-user"
                  {...form.getInputProps('next.userId')}
                />
              )}
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
