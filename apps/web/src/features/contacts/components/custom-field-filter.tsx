import { Group, MultiSelect, NumberInput, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import type { CustomField } from '@spotter/contracts';
import { useTranslation } from 'react-i18next';
import {
  type CustomFilter,
  type CustomFilterOp,
  formatCustomFilter,
  parseCustomFilter,
  splitOptions,
} from '../list-params.ts';

const opValue = (filters: CustomFilter[], op: CustomFilterOp) =>
  filters.find((f) => f.op === op)?.value ?? '';

/**
 * One custom field's filter, by type: text contains, dropdown options, number / money / date
 * from–to. Reads and writes the field's `cf` entries of the list's filter.
 */
export function CustomFieldFilter(props: {
  field: CustomField;
  cf: string[];
  onChange: (cf: string[]) => void;
}) {
  const { t } = useTranslation('contacts');
  const { field } = props;
  const mine = props.cf.flatMap((raw) => {
    const f = parseCustomFilter(raw);
    return f && f.fieldId === field.id ? [f] : [];
  });
  const others = props.cf.filter((raw) => parseCustomFilter(raw)?.fieldId !== field.id);
  const set = (entries: { op: CustomFilterOp; value: string }[]) =>
    props.onChange([
      ...others,
      ...entries
        .filter((e) => e.value !== '')
        .map((e) => formatCustomFilter({ fieldId: field.id, ...e })),
    ]);
  const range = (op: 'gte' | 'lte', value: string) => {
    const other = op === 'gte' ? 'lte' : 'gte';
    set([
      { op, value },
      { op: other, value: opValue(mine, other) },
    ]);
  };
  const testId = `filter-cf-${field.id}`;

  switch (field.type) {
    case 'dropdown':
      return (
        <MultiSelect
          label={field.name}
          data={field.options.map((o) => ({ value: o.id, label: o.name }))}
          value={splitOptions(opValue(mine, 'eq'))}
          onChange={(v) => set([{ op: 'eq', value: v.join('|') }])}
          clearable
          searchable
          data-testid={testId}
        />
      );
    case 'date':
      return (
        <DatePickerInput
          type="range"
          label={field.name}
          placeholder={t('filters.anyDate')}
          valueFormat="ll"
          allowSingleDateInRange
          clearable
          value={[opValue(mine, 'gte') || null, opValue(mine, 'lte') || null]}
          onChange={([from, to]) =>
            set([
              { op: 'gte', value: from ? String(from).slice(0, 10) : '' },
              { op: 'lte', value: to ? String(to).slice(0, 10) : '' },
            ])
          }
          data-testid={testId}
        />
      );
    case 'number':
    case 'money':
      return (
        <Group grow gap="xs" align="flex-end" data-testid={testId}>
          {(['gte', 'lte'] as const).map((op) => (
            <NumberInput
              key={op}
              label={op === 'gte' ? field.name : undefined}
              placeholder={t(op === 'gte' ? 'filters.from' : 'filters.to')}
              aria-label={`${field.name} ${t(op === 'gte' ? 'filters.from' : 'filters.to')}`}
              value={opValue(mine, op)}
              onChange={(v) => range(op, v === '' ? '' : String(v))}
              decimalScale={field.type === 'money' ? 2 : undefined}
            />
          ))}
        </Group>
      );
    default:
      return (
        <TextInput
          label={field.name}
          placeholder={t('filters.contains')}
          value={opValue(mine, 'contains')}
          onChange={(e) => set([{ op: 'contains', value: e.currentTarget.value.slice(0, 200) }])}
          data-testid={testId}
        />
      );
  }
}
