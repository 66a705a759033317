import { DatePickerInput, DateTimePicker, DatesProvider } from '@mantine/dates';
import type { ReactNode } from 'react';
import 'dayjs/locale/pl';
import 'dayjs/locale/ru';
import 'dayjs/locale/sv';
import 'dayjs/locale/uk';
import { useTranslation } from 'react-i18next';

/** A picker value `YYYY-MM-DD[ HH:mm[:ss]]` shown in the user's language (no zone is applied). */
export function formatWall(value: string, locale: string, withTime: boolean): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?/.exec(value);
  if (!m) return value;
  const at = new Date(
    Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)),
  );
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    ...(withTime ? { timeStyle: 'short' } : {}),
    timeZone: 'UTC',
  }).format(at);
}

export interface PickerProps {
  label: ReactNode;
  value?: string | null;
  onChange: (value: string | null) => void;
  error?: ReactNode;
  description?: ReactNode;
  placeholder?: string;
  required?: boolean;
  testId?: string;
  onBlur?: () => void;
}

/** What both pickers share: a clearable value in the form's string shape, its popover on top. */
function sharedProps(props: PickerProps) {
  return {
    label: props.label,
    description: props.description,
    placeholder: props.placeholder,
    required: props.required,
    value: props.value ?? null,
    onChange: (v: string | null) => props.onChange(v || null),
    onBlur: props.onBlur,
    error: props.error,
    clearable: true,
    'data-testid': props.testId,
    popoverProps: { withinPortal: true },
  };
}

/** Month and day names in the user's language; weeks start on Monday. */
function LocalDates({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
      {children}
    </DatesProvider>
  );
}

/**
 * A date and time on the club's wall clock. The value carries no zone: the form turns it into
 * an instant with the club's zone when it is sent (see zoned-time.ts).
 */
export function WallDateTimeInput(props: PickerProps) {
  const { t, i18n } = useTranslation();
  return (
    <LocalDates>
      <DateTimePicker
        {...sharedProps(props)}
        valueFormat={(v) => formatWall(v, i18n.language, true)}
        timePickerProps={{
          format: '24h',
          hoursInputLabel: t('a11y.hours'),
          minutesInputLabel: t('a11y.minutes'),
        }}
      />
    </LocalDates>
  );
}

/** A calendar date (`YYYY-MM-DD`), e.g. a result's date field. */
export function DayInput(props: PickerProps) {
  return (
    <LocalDates>
      <DatePickerInput {...sharedProps(props)} valueFormat="D MMM YYYY" />
    </LocalDates>
  );
}
