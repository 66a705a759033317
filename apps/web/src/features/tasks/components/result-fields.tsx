import {
  Group,
  NumberInput,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  type TextareaProps,
} from '@mantine/core';
import {
  DEFAULT_WORKDAY_START,
  type Dictionary,
  type NextStep,
  type ResultField,
  type TaskTemplate,
} from '@spotter/contracts';
import { useQuery } from '@tanstack/react-query';
import { IconArrowRight } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { EntryBadge } from '../../../components/status-badge.tsx';
import { crmSettingsQuery, useStaff } from '../../../lib/crm-reference.ts';
import { formatClock } from '../../../lib/format.ts';
import { useDictionaries } from '../api/task-settings-read-api.ts';
import { fieldKey, type FieldValue, type FieldValues } from '../lib/result-values.ts';
import { DayInput } from './zoned-date-time-input.tsx';

/**
 * "in 30 minutes", "in 2 days at 10:00", "next working day at 10:00", "2 days after “Expected
 * purchase date” at 10:00": days land at the start of the club's working day (`time`).
 */
export function describeOffset(
  next: NextStep,
  t: TFunction,
  locale: string,
  ctx: { time: string; field?: string },
): string {
  const { unit, amount } = next.offset;
  const { time, field } = ctx;
  if (field !== undefined) {
    if (unit === 'next_working_day') return t('tasks:result.nextWorkingDayAfterField', ctx);
    if (amount === 0) return t('tasks:result.onField', ctx);
    const offset = t(`taskSettings:units.${unit}`, { count: amount });
    return t('tasks:result.afterField', { offset, field, time });
  }
  if (unit === 'next_working_day') return t('tasks:result.nextWorkingDay', { time });
  const relative = unit === 'minutes' ? 'minute' : unit === 'hours' ? 'hour' : 'day';
  const offset = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(amount, relative);
  return unit === 'days' && amount > 0 ? t('tasks:result.inDaysAt', { offset, time }) : offset;
}

/** One extra field of a result: the input its type needs (T-4). */
function FieldInput(props: {
  field: ResultField;
  value: FieldValue;
  error?: string;
  dictionaries: Dictionary[];
  onChange: (v: FieldValue) => void;
}) {
  const { field } = props;
  const common = {
    label: field.label,
    required: field.required,
    error: props.error,
    'data-testid': `result-field-${field.id}`,
  };
  switch (field.type) {
    case 'date':
      return (
        <DayInput
          label={field.label}
          required={field.required}
          error={props.error}
          value={typeof props.value === 'string' ? props.value : null}
          onChange={props.onChange}
          testId={`result-field-${field.id}`}
        />
      );
    case 'number':
      return (
        <NumberInput
          {...common}
          value={props.value ?? ''}
          onChange={(v) => props.onChange(v === '' ? null : v)}
          decimalSeparator=","
          allowedDecimalSeparators={['.', ',']}
        />
      );
    case 'choice': {
      const dict = props.dictionaries.find((d) => d.id === field.dictionaryId);
      const options = (dict?.options ?? [])
        .filter((o) => !o.archived || o.id === props.value)
        .map((o) => ({ value: o.id, label: o.name }));
      return (
        <Select
          {...common}
          data={options}
          value={typeof props.value === 'string' ? props.value : null}
          onChange={props.onChange}
          searchable
          clearable={!field.required}
          comboboxProps={{ withinPortal: true }}
        />
      );
    }
    default:
      return (
        <Textarea
          {...common}
          autosize
          minRows={1}
          maxRows={5}
          maxLength={2000}
          value={typeof props.value === 'string' ? props.value : ''}
          onChange={(e) => props.onChange(e.currentTarget.value)}
        />
      );
  }
}

/**
 * The results of a template as coloured choices, the chosen one's extra fields, and what the
 * workflow will do next ("Next: Check the purchase, in 2 days").
 */
export function ResultChoice(props: {
  template: TaskTemplate | undefined;
  templates: TaskTemplate[];
  resultId: string | null;
  onResult: (id: string) => void;
  values: FieldValues;
  onValue: (fieldId: string, v: FieldValue) => void;
  errors: Record<string, React.ReactNode>;
  autoFocus?: boolean;
}) {
  const { t, i18n } = useTranslation('tasks');
  const dictionaries = useDictionaries().data?.items ?? [];
  const staff = useStaff().data?.items ?? [];
  const workdayStart = useQuery(crmSettingsQuery).data?.workdayStart ?? DEFAULT_WORKDAY_START;
  const results = (props.template?.results ?? [])
    .filter((r) => !r.archived || r.id === props.resultId)
    .sort((a, b) => a.position - b.position);
  const chosen = results.find((r) => r.id === props.resultId);
  if (results.length === 0) return null;

  const nextName = (id: string) => props.templates.find((tpl) => tpl.id === id)?.name ?? '';
  const assignText = (next: NextStep) =>
    next.assignTo === 'user'
      ? (staff.find((s) => s.id === next.userId)?.name ?? '')
      : t(`result.assignTo.${next.assignTo}`);

  return (
    <Stack gap="sm">
      <Radio.Group
        label={t('fields.result')}
        required
        value={props.resultId}
        onChange={props.onResult}
        error={props.errors.resultId}
        data-testid="result-choice"
      >
        <Group gap="xs" mt={6}>
          {results.map((r, i) => (
            <Radio.Card
              key={r.id}
              value={r.id}
              radius="md"
              p={6}
              w="auto"
              data-autofocus={(props.autoFocus && i === 0) || undefined}
              data-testid={`result-option-${r.id}`}
              aria-label={r.name}
              style={{
                outline: r.id === props.resultId ? `2px solid ${r.background}` : undefined,
                outlineOffset: 1,
              }}
            >
              <Group gap={6} wrap="nowrap">
                <Radio.Indicator size="xs" />
                <EntryBadge entry={r} />
              </Group>
            </Radio.Card>
          ))}
        </Group>
      </Radio.Group>
      {chosen?.fields.map((field) => (
        <FieldInput
          key={field.id}
          field={field}
          value={props.values[field.id]}
          error={props.errors[fieldKey(field.id)] as string | undefined}
          dictionaries={dictionaries}
          onChange={(v) => props.onValue(field.id, v)}
        />
      ))}
      {chosen?.next && (
        <Group gap={6} data-testid="result-next">
          <IconArrowRight size={16} />
          <Text size="sm">
            {t('result.nextPreview', {
              template: nextName(chosen.next.templateId),
              due: describeOffset(chosen.next, t, i18n.language, {
                time: formatClock(workdayStart),
                field: chosen.fields.find((f) => f.id === chosen.next?.fromFieldId)?.label,
              }),
              who: assignText(chosen.next),
            })}
          </Text>
        </Group>
      )}
    </Stack>
  );
}

/** The comment that goes with a result into the task and the person's history. */
export function ResultCommentInput({ testId, ...props }: TextareaProps & { testId: string }) {
  const { t } = useTranslation('tasks');
  return (
    <Textarea
      label={t('fields.resultComment')}
      autosize
      minRows={2}
      maxRows={6}
      maxLength={4000}
      data-testid={testId}
      {...props}
    />
  );
}
