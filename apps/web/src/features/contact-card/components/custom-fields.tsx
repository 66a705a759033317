import { NumberInput, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { CustomField } from '@spotter/contracts';
import { useTranslation } from 'react-i18next';
import { ColorBadge } from '../../../components/status-badge.tsx';
import { DateField, formatDay } from './date-field.tsx';
import type { CommonValues } from './form-values.ts';

/** "kr", "zł", "€": the sign of the organization's currency in the user's language. */
export function currencySymbol(currency: string, locale: string): string {
  try {
    const parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}

export const testIdOf = (field: CustomField) =>
  `custom-${field.name.trim().toLowerCase().replace(/\s+/g, '-')}`;

/** One input per custom field of the entity, by type (C-7). */
export function CustomFieldInputs<V extends CommonValues>(props: {
  fields: CustomField[];
  form: UseFormReturnType<V>;
  currency: string;
}) {
  const { i18n } = useTranslation();
  if (props.fields.length === 0) return null;
  const symbol = currencySymbol(props.currency, i18n.language);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {props.fields.map((field) => {
        const path = `custom.${field.id}`;
        const input = props.form.getInputProps(path);
        const common = {
          label: field.name,
          error: input.error as React.ReactNode,
          'data-testid': testIdOf(field),
        };
        const value = props.form.getValues().custom[field.id] ?? null;
        const set = (v: string | number | null) => props.form.setFieldValue(path, v as never);
        switch (field.type) {
          case 'text':
            return (
              <TextInput
                key={field.id}
                {...common}
                value={typeof value === 'string' ? value : ''}
                onChange={(e) => set(e.currentTarget.value)}
                maxLength={2000}
              />
            );
          case 'money':
          case 'number':
            return (
              <NumberInput
                key={field.id}
                {...common}
                value={typeof value === 'number' ? value : ''}
                onChange={(v) => set(v === '' ? null : Number(v))}
                decimalScale={field.type === 'money' ? 2 : undefined}
                thousandSeparator=" "
                decimalSeparator={decimalSeparator(i18n.language)}
                leftSection={field.type === 'money' ? <Text size="sm">{symbol}</Text> : undefined}
                leftSectionWidth={
                  field.type === 'money' ? Math.max(36, symbol.length * 10 + 16) : undefined
                }
              />
            );
          case 'date':
            return (
              <DateField
                key={field.id}
                {...common}
                value={typeof value === 'string' && value ? value : null}
                onChange={(v) => set(v)}
              />
            );
          case 'dropdown':
            return (
              <Select
                key={field.id}
                {...common}
                value={typeof value === 'string' ? value : null}
                onChange={(v) => set(v)}
                clearable
                data={field.options.map((o) => ({ value: o.id, label: o.name }))}
                renderOption={({ option }) => {
                  const o = field.options.find((x) => x.id === option.value);
                  return o ? (
                    <ColorBadge name={o.name} color={o.color} background={o.background} />
                  ) : (
                    option.label
                  );
                }}
              />
            );
        }
      })}
    </SimpleGrid>
  );
}

export function decimalSeparator(locale: string): string {
  return (
    new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.'
  );
}

/** A stored custom value as the user reads it: money and numbers through Intl, dates too. */
export function CustomFieldValue(props: {
  field: CustomField;
  value: string | number | null | undefined;
  currency: string;
}) {
  const { i18n } = useTranslation();
  const { field, value } = props;
  if (value === null || value === undefined || value === '') return <Text c="dimmed">—</Text>;
  switch (field.type) {
    case 'money':
      return <Text>{formatMoney(Number(value), props.currency, i18n.language)}</Text>;
    case 'number':
      return <Text>{new Intl.NumberFormat(i18n.language).format(Number(value))}</Text>;
    case 'date':
      return <Text>{formatDay(String(value), i18n.language)}</Text>;
    case 'dropdown': {
      const o = field.options.find((x) => x.id === value);
      return o ? (
        <ColorBadge name={o.name} color={o.color} background={o.background} />
      ) : (
        <Text c="dimmed">—</Text>
      );
    }
    default:
      return <Text style={{ whiteSpace: 'pre-wrap' }}>{String(value)}</Text>;
  }
}

export function formatMoney(amount: number, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}
