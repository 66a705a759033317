import type { ReportPeriod, ReportPreset } from '@spotter/contracts';
import { Group, Select, Switch, Text } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import 'dayjs/locale/pl';
import 'dayjs/locale/ru';
import 'dayjs/locale/sv';
import 'dayjs/locale/uk';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../lib/report-format.ts';
import { DEFAULT_PRESET, REPORT_PRESETS, type ReportPeriodSearch } from '../reports-search.ts';

export interface PeriodPickerProps {
  value: ReportPeriodSearch;
  /** The period part of the URL to keep; the page merges it into its search. */
  onChange: (next: ReportPeriodSearch) => void;
  /** The period the server resolved (the club's days), shown beside the choice. */
  resolved?: ReportPeriod;
  previous?: ReportPeriod;
}

/**
 * Which period a report covers: a preset in the club's time zone (the server resolves it) or a
 * custom range of days, and whether to compare with the period before. Everything lives in the
 * URL, so a link shows the same report.
 */
export function PeriodPicker({ value, onChange, resolved, previous }: PeriodPickerProps) {
  const { t, i18n } = useTranslation('reports');
  const preset = value.preset ?? DEFAULT_PRESET;
  const range = (p: ReportPeriod) =>
    p.from === p.to
      ? formatDay(p.from, i18n.language)
      : `${formatDay(p.from, i18n.language)} – ${formatDay(p.to, i18n.language)}`;
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" data-testid="period-picker">
      <Select
        label={t('period.label')}
        data={REPORT_PRESETS.map((p) => ({ value: p, label: t(`period.presets.${p}`) }))}
        value={preset}
        allowDeselect={false}
        onChange={(v) => {
          if (!v) return;
          const next = v as ReportPreset;
          onChange(
            next === 'custom'
              ? {
                  ...value,
                  preset: next,
                  from: value.from ?? resolved?.from,
                  to: value.to ?? resolved?.to,
                }
              : { ...value, preset: next, from: undefined, to: undefined },
          );
        }}
        w={190}
        data-testid="period-preset"
      />
      {preset === 'custom' && (
        <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
          <DatePickerInput
            type="range"
            label={t('period.range')}
            value={[value.from ?? null, value.to ?? null]}
            onChange={([from, to]) => {
              // A range is kept once both ends are picked; half a range changes nothing yet.
              if (from && to) onChange({ ...value, preset: 'custom', from, to });
            }}
            valueFormat="D MMM YYYY"
            allowSingleDateInRange
            popoverProps={{ withinPortal: true }}
            miw={230}
            data-testid="period-range"
          />
        </DatesProvider>
      )}
      <Switch
        label={t('period.compare')}
        checked={Boolean(value.compare)}
        onChange={(e) =>
          onChange({ ...value, compare: e.currentTarget.checked ? true : undefined })
        }
        mb={8}
        data-testid="period-compare"
      />
      {resolved && (preset !== 'custom' || previous) && (
        <Text size="sm" c="dimmed" mb={8} data-testid="period-resolved">
          {/* A custom range already shows its days in the picker. */}
          {[
            preset === 'custom' ? null : range(resolved),
            previous ? t('period.previous', { range: range(previous) }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      )}
    </Group>
  );
}
