import { Group, NumberInput, Paper, Select, Stack, Switch, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { DUE_OFFSET_UNITS, NEXT_ASSIGNEES, type TaskTemplate } from '@spotter/contracts';
import { useTranslation } from 'react-i18next';
import { StaffSelect } from '../../../components/staff-select.tsx';
import type { DueOffsetUnit, NextAssignee, ResultValues } from './result-form.ts';

const isUnit = (v: string | null): v is DueOffsetUnit =>
  (DUE_OFFSET_UNITS as readonly (string | null)[]).includes(v);
const isAssignee = (v: string | null): v is NextAssignee =>
  (NEXT_ASSIGNEES as readonly (string | null)[]).includes(v);

/**
 * The workflow (T-5): entering this result creates the next task from a template, due after
 * an offset counted from the moment the result is entered, for the right staff member.
 */
export function WorkflowEditor(props: {
  form: UseFormReturnType<ResultValues>;
  /** Templates a next step may use: active, and not call rounds. */
  templates: TaskTemplate[];
  timezone: string;
}) {
  const { t } = useTranslation('taskSettings');
  const { form } = props;
  const { hasNext, next } = form.values;
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
                  {t('results.nextWorkingDayHint', { timezone: props.timezone })}
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
