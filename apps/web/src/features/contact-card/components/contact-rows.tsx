import { ActionIcon, Button, Group, Input, Select, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { EMAIL_LABELS, PHONE_LABELS } from '@spotter/contracts';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CommonValues } from './form-values.ts';

const MAX_ROWS = 10;

interface RowKind {
  list: 'phones' | 'emails';
  valueKey: 'number' | 'email';
  labels: readonly string[];
  testPrefix: string;
  inputType: 'tel' | 'email';
}

const KINDS: Record<'phones' | 'emails', RowKind> = {
  phones: {
    list: 'phones',
    valueKey: 'number',
    labels: PHONE_LABELS,
    testPrefix: 'phone',
    inputType: 'tel',
  },
  emails: {
    list: 'emails',
    valueKey: 'email',
    labels: EMAIL_LABELS,
    testPrefix: 'email',
    inputType: 'email',
  },
};

/** Several phones or emails, each with a label (mobile, home, work …), added and removed. */
export function ContactRows<V extends CommonValues>(props: {
  form: UseFormReturnType<V>;
  list: 'phones' | 'emails';
}) {
  const { t } = useTranslation('card');
  const kind = KINDS[props.list];
  const rows = props.form.getValues()[kind.list] as { label: string }[];
  const path = (i: number, key: string) => `${kind.list}.${i}.${key}`;
  const add = () =>
    props.form.insertListItem(kind.list, {
      [kind.valueKey]: '',
      label: rows[rows.length - 1]?.label ?? kind.labels[0],
    } as never);

  return (
    <Input.Wrapper label={t(`fields.${kind.list}`)}>
      <Stack gap="xs" mt={4}>
        {rows.map((row, i) => (
          <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              type={kind.inputType}
              inputMode={kind.inputType}
              aria-label={`${t(`fields.${kind.list}`)} ${i + 1}`}
              placeholder={t(`placeholders.${kind.valueKey}`)}
              data-testid={`${kind.testPrefix}-${i}`}
              {...props.form.getInputProps(path(i, kind.valueKey))}
            />
            <Select
              w={120}
              aria-label={t('fields.label')}
              data={kind.labels.map((l) => ({ value: l, label: t(`labels.${l}`) }))}
              allowDeselect={false}
              value={row.label}
              onChange={(v) => v && props.form.setFieldValue(path(i, 'label'), v as never)}
              data-testid={`${kind.testPrefix}-label-${i}`}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              aria-label={t('actions.removeRow')}
              onClick={() => props.form.removeListItem(kind.list, i)}
              disabled={rows.length === 1 && !hasValue(row, kind.valueKey)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        {rows.length < MAX_ROWS && (
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconPlus size={14} />}
            onClick={add}
            style={{ alignSelf: 'flex-start' }}
            data-testid={`add-${kind.testPrefix}`}
          >
            {t(`actions.add_${kind.valueKey}`)}
          </Button>
        )}
      </Stack>
    </Input.Wrapper>
  );
}

const hasValue = (row: object, key: string) =>
  String((row as Record<string, unknown>)[key] ?? '').trim() !== '';
